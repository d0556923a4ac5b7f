// KioskBackend: store + sync engine + services, in start-up order.
#include "services/kiosk_backend.hpp"

#include <filesystem>

#include "data/store/store.hpp"
#include "net/sync_engine.hpp"
#include "services/account_service.hpp"
#include "services/profile_service.hpp"
#include "services/staff_service.hpp"
#include "services/identity_service.hpp"
#include "platform/camera/file_camera.hpp"
#include "platform/camera/v4l2_camera.hpp"
#include "platform/scanner/sane_scanner.hpp"
#include "services/company_service.hpp"
#include "services/bank_account_service.hpp"
#include "services/section_service.hpp"
#include "services/nda_service.hpp"
#include "services/my_page_service.hpp"

namespace madoguchi {

Result<std::unique_ptr<KioskBackend>> KioskBackend::open(const KioskBackendConfig& config, PostToUi post_to_ui) {
    std::error_code ec;
    std::filesystem::create_directories(config.data_dir, ec);
    if (ec) {
        return Error{"store.data_dir", "", "データ用フォルダーを作成できません。",
                     "Cannot create the data directory " + config.data_dir + ": " + ec.message()};
    }
    StoreConfig sc;
    sc.database_path = config.data_dir + "/store.db";
    sc.files_dir = config.data_dir + "/files";
    sc.master_key_path = config.data_dir + "/device.key";
    auto store = Store::open(sc);
    if (!store) return store.error();

    std::unique_ptr<KioskBackend> b(new KioskBackend());
    b->store_ = std::move(*store);
    SyncEngineConfig sync_config;
    sync_config.api.base_url = config.server_url;
    sync_config.api.device_token = config.device_token;
    StoreConfig worker = sc;
    worker.startup_maintenance = false;  // the UI connection ran it
    b->sync_ = std::make_unique<SyncEngine>(
        sync_config, [worker] { return Store::open(worker); }, [](const SyncEvent&) {});
    b->accounts_ = std::make_unique<AccountService>(*b->store_, config.server_url, config.device_token,
                                                    post_to_ui);  // copied: the company service posts too
    SyncEngine* sync = b->sync_.get();
    b->accounts_->set_sync_hooks([sync] { sync->notify(); },
                                 [sync](const std::string& account, const std::string& token) {
                                     sync->set_session_token(account, token);
                                 });
    // The postal directory is opened here, at start-up, never in draw().
    if (!config.dataset_dir.empty()) {
        if (auto postal = PostalDirectory::open(config.dataset_dir + "/postal.bin"))
            b->postal_ = std::make_unique<PostalDirectory>(std::move(*postal));
    }
    b->profiles_ = std::make_unique<ProfileService>(*b->store_, b->postal_.get());
    b->companies_ = std::make_unique<CompanyService>(*b->store_, config.server_url, config.device_token, post_to_ui);
    b->companies_->set_outbox_hook([sync] { sync->notify(); });
    if (!config.dataset_dir.empty()) {
        if (auto banks = BankDirectory::open(config.dataset_dir + "/banks.bin"))
            b->banks_ = std::make_unique<BankDirectory>(std::move(*banks));
    }
    b->bank_accounts_ = std::make_unique<BankAccountService>(*b->store_, b->banks_.get());
    // Staff capture: a scanner library that cannot start leaves scanning
    // "not configured" on the capture screen; the kiosk still runs.
    try {
        b->scanner_ = std::make_unique<SaneScanner>();
    } catch (const std::exception&) {
        b->scanner_.reset();
    }
    if (config.camera_source.rfind("file:", 0) == 0)
        b->camera_ = std::make_unique<FileCamera>(config.camera_source.substr(5));
    else if (!config.camera_source.empty())
        b->camera_ = std::make_unique<V4l2Camera>(config.camera_source);
    b->staff_ = std::make_unique<StaffService>(*b->store_, CaptureDevices{b->scanner_.get(), b->camera_.get()},
                                               post_to_ui);
    b->staff_->set_outbox_changed([sync] { sync->notify(); });
    b->companies_->set_camera(b->camera_.get());  // 【11】 logo: the same camera (null: none)
    b->identity_ = std::make_unique<IdentityService>(*b->store_, config.server_url, config.device_token, post_to_ui);
    b->sections_ = std::make_unique<SectionServices>(*b->store_, config.suggestions_dir);
    b->sections_->set_on_change([sync] { sync->notify(); });
    b->nda_ = std::make_unique<NdaService>(*b->store_, config.nda_dir);
    b->nda_->set_on_saved([sync] { sync->notify(); });
    b->my_page_ = std::make_unique<MyPageService>(*b->store_, b->nda_.get());
    if (config.start_sync) sync->start();
    return b;
}

KioskBackend::~KioskBackend() {
    my_page_.reset();
    nda_.reset();
    sections_.reset();
    identity_.reset();  // joins a running status fetch
    staff_.reset();     // cancels and joins a running scan
    bank_accounts_.reset();
    companies_.reset();  // joins a running search
    profiles_.reset();
    accounts_.reset();  // joins a running sign-in
    if (sync_) sync_->stop();
    sync_.reset();
    store_.reset();
}

}  // namespace madoguchi
