// KioskBackend: store + sync engine + services, in start-up order.
#include "services/kiosk_backend.hpp"

#include <filesystem>

#include "data/store/store.hpp"
#include "net/sync_engine.hpp"
#include "services/account_service.hpp"
#include "services/profile_service.hpp"

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
                                                    std::move(post_to_ui));
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
    if (config.start_sync) sync->start();
    return b;
}

KioskBackend::~KioskBackend() {
    profiles_.reset();
    accounts_.reset();  // joins a running sign-in
    if (sync_) sync_->stop();
    sync_.reset();
    store_.reset();
}

}  // namespace madoguchi
