// KioskBackend: store + sync engine + services, in start-up order.
#include "services/kiosk_backend.hpp"

#include <filesystem>
#include <map>
#include <atomic>
#include <cstdint>
#include <mutex>

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
#include "services/social_service.hpp"
#include "services/device_enrolment.hpp"

namespace madoguchi {

// The sync engine of an enrolled kiosk. SyncEngine takes the device token
// at construction: this builds one with the token source's current token
// once there is one (first start: when enrolment answers) and builds it
// again when re-enrolment replaces the token. Meanwhile it holds start(),
// notify() and session tokens for the engine it builds. It watches the
// engine's events for the server refusing the device token and reports
// that (on the engine's worker thread) to `on_token_refused`. Thread-safe:
// services call the hooks from the UI thread and from their workers.
class EnrolledSync {
public:
    EnrolledSync(SyncEngineConfig config, SyncEngine::StoreOpener open_store, SharedDeviceToken token,
                 std::function<void()> on_token_refused)
        : config_(std::move(config)),
          open_store_(std::move(open_store)),
          token_(std::move(token)),
          on_token_refused_(std::move(on_token_refused)) {}
    ~EnrolledSync() { stop(); }

    // The token source changed: an engine with the new token replaces the
    // old one (its rows wait in the outbox under their keys meanwhile).
    void token_changed() {
        std::lock_guard<std::mutex> lock(mutex_);
        const std::string token = token_->token();
        if (engine_ && token == engine_token_) return;
        if (engine_) engine_->stop();  // paused or idle: it stops at once
        engine_.reset();
        engine_token_ = token;
        if (token.empty()) return;
        config_.api.device_token = token;
        engine_ = std::make_unique<SyncEngine>(config_, open_store_, [this](const SyncEvent& ev) { on_event(ev); });
        for (auto& [account, session] : sessions_) engine_->set_session_token(account, session);
        if (started_) engine_->start();
    }
    void start() {
        std::lock_guard<std::mutex> lock(mutex_);
        started_ = true;
        if (engine_) engine_->start();
    }
    void stop() {
        std::lock_guard<std::mutex> lock(mutex_);
        started_ = false;
        if (engine_) engine_->stop();
    }
    void notify() {
        std::lock_guard<std::mutex> lock(mutex_);
        if (engine_) engine_->notify();  // before: the engine looks at the outbox when it starts
    }
    void set_session_token(const std::string& account_id, std::string token) {
        std::lock_guard<std::mutex> lock(mutex_);
        sessions_[account_id] = token;  // kept for an engine built later (enrolment, re-enrolment)
        if (engine_) engine_->set_session_token(account_id, std::move(token));
    }
    // Rows acknowledged since the last call (re-enrolment backoff resets on them).
    bool take_rows_sent() { return rows_sent_.exchange(false); }

private:
    // On the engine's worker thread: never takes mutex_ (stop() joins this thread under it).
    void on_event(const SyncEvent& ev) {
        if (ev.kind == SyncEvent::Kind::row_sent) rows_sent_ = true;
        if (ev.kind == SyncEvent::Kind::state_changed && ev.state == SyncEngineState::paused &&
            is_device_token_refusal(ev.error) && on_token_refused_)
            on_token_refused_();
    }
    // The server's codes for a device token it does not know (revoked, or its data was reset).
    static bool is_device_token_refusal(const Error& e) {
        return e.code == "device.token_invalid" || e.code == "device.token_missing";
    }

    std::mutex mutex_;
    SyncEngineConfig config_;
    SyncEngine::StoreOpener open_store_;
    SharedDeviceToken token_;
    std::function<void()> on_token_refused_;
    std::unique_ptr<SyncEngine> engine_;
    std::string engine_token_;
    bool started_ = false;
    std::map<std::string, std::string> sessions_;
    std::atomic<bool> rows_sent_{false};
};

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
    // The device token: given, or stored by an earlier enrolment with this
    // server (a local read), or — first start — asked for on a worker below.
    std::string device_token = config.device_token;
    if (device_token.empty() && !config.server_url.empty()) {
        auto stored = stored_device_credentials(*b->store_, config.server_url);
        if (stored && stored->has_value()) device_token = (*stored)->device_token;
    }
    SyncEngineConfig sync_config;
    sync_config.api.base_url = config.server_url;
    sync_config.http.pinned_public_keys = config.tls_pinned_public_key;
    StoreConfig worker = sc;
    worker.startup_maintenance = false;  // the UI connection ran it
    // The one token every service reads per request (net/device_token_source.hpp).
    b->device_token_ = std::make_shared<DeviceTokenSource>(device_token);
    b->post_ = post_to_ui;
    b->enrolment_config_ = DeviceEnrolmentConfig{config.server_url, config.kiosk_id, config.enrollment_code,
                                                 config.tls_pinned_public_key};
    b->open_worker_store_ = [worker] { return Store::open(worker); };
    KioskBackend* backend = b.get();
    std::weak_ptr<int> alive = b->alive_;
    b->sync_ = std::make_unique<EnrolledSync>(
        sync_config, [worker] { return Store::open(worker); }, b->device_token_, [post_to_ui, backend, alive] {
            // On the sync worker: re-enrol from the UI thread's run queue.
            post_to_ui([backend, alive] {
                if (alive.lock()) backend->reenrol();
            });
        });
    b->sync_->token_changed();
    b->accounts_ = std::make_unique<AccountService>(*b->store_, config.server_url, b->device_token_,
                                                    post_to_ui);  // copied: the company service posts too
    EnrolledSync* sync = b->sync_.get();
    // 【1】–【4】: reads act for the signed-in account with the same session
    // token the sync engine gets; writes go through the outbox.
    b->social_ = std::make_unique<SocialService>(
        *b->store_, config.server_url, [token = b->device_token_] { return token->token(); }, post_to_ui);
    b->social_->set_outbox_hook([sync] { sync->notify(); });
    SocialService* social = b->social_.get();
    b->accounts_->set_sync_hooks([sync] { sync->notify(); },
                                 [sync, social](const std::string& account, const std::string& token) {
                                     sync->set_session_token(account, token);
                                     social->set_session_token(account, token);
                                 });
    // The postal directory is opened here, at start-up, never in draw().
    if (!config.dataset_dir.empty()) {
        if (auto postal = PostalDirectory::open(config.dataset_dir + "/postal.bin"))
            b->postal_ = std::make_unique<PostalDirectory>(std::move(*postal));
    }
    if (!config.dataset_dir.empty()) {
        if (auto local_gov = LocalGovDirectory::open(config.dataset_dir + "/localgov.bin"))
            b->local_gov_ = std::make_unique<LocalGovDirectory>(std::move(*local_gov));
    }
    b->profiles_ = std::make_unique<ProfileService>(*b->store_, b->postal_.get(), b->local_gov_.get());
    b->profiles_->set_on_saved([sync] { sync->notify(); });
    b->companies_ = std::make_unique<CompanyService>(*b->store_, config.server_url, b->device_token_, post_to_ui);
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
    // The centre's scanner settings (device, resolution, colour, card area).
    if (auto profile = load_identity_scan_profile(config.data_dir + "/scanner.json"))
        b->staff_->set_scan_profile(std::move(*profile));
    else
        b->staff_->set_scan_profile_error(profile.error());
    b->companies_->set_camera(b->camera_.get());
    b->profiles_->set_camera(b->camera_.get(), post_to_ui);  // 【5】 step 1: the profile photo  // 【11】 logo: the same camera (null: none)
    b->identity_ = std::make_unique<IdentityService>(*b->store_, config.server_url, b->device_token_, post_to_ui);
    b->sections_ = std::make_unique<SectionServices>(*b->store_, config.suggestions_dir);
    b->sections_->set_on_change([sync] { sync->notify(); });
    // 【9】 career attachments: the same camera and scanner (null: none).
    b->sections_->attachments.set_capture_devices(b->camera_.get(), b->scanner_.get(), post_to_ui);
    b->nda_ = std::make_unique<NdaService>(*b->store_, config.nda_dir);
    b->nda_->set_on_saved([sync] { sync->notify(); });
    b->my_page_ = std::make_unique<MyPageService>(*b->store_, b->nda_.get());
    if (config.start_sync) sync->start();
    // First start with this server: enrol off the UI thread (offline-first:
    // the kiosk runs meanwhile; sign-ups queue and wait for the token).
    // Every service reads the token source per request, so all of them
    // have the token as soon as enrolment answers.
    b->can_enrol_ = config.start_sync && !config.server_url.empty();
    if (device_token.empty() && b->can_enrol_) b->start_enrolment(false, std::chrono::milliseconds(0));
    return b;
}

void KioskBackend::start_enrolment(bool replace_stored, std::chrono::milliseconds delay) {
    DeviceEnrolmentConfig ec = enrolment_config_;
    ec.replace_stored = replace_stored;
    ec.start_delay = delay;
    enrolment_.reset();  // a finished one (its answer already ran)
    enrolment_ = std::make_unique<DeviceEnrolment>(ec, open_worker_store_, post_);
    std::weak_ptr<int> alive = alive_;
    enrolment_->start([this, alive](Result<DeviceCredentials> enrolled) {
        if (!alive.lock()) return;
        reenrolling_ = false;
        if (!enrolled) return;  // DeviceEnrolment::last_error() says why (technician settings)
        device_token_->set(enrolled->device_token);
        sync_->token_changed();
    });
}

void KioskBackend::reenrol() {
    // One re-enrolment at a time; a stale report (the engine of a token
    // already replaced) changes nothing.
    if (reenrolling_ || !can_enrol_) return;
    reenrolling_ = true;
    // Backoff between re-enrolments that sent nothing in between: a server
    // that refuses every new token is asked again after 2 s, 4 s … 5 min.
    if (sync_->take_rows_sent()) reenrolments_in_row_ = 0;
    std::chrono::milliseconds delay{0};
    if (reenrolments_in_row_ > 0)
        delay = std::min<std::chrono::milliseconds>(
            std::chrono::seconds(std::int64_t{1} << std::min(reenrolments_in_row_, 9)), std::chrono::minutes(5));
    ++reenrolments_in_row_;
    device_token_->clear();   // nobody sends the refused token again
    sync_->token_changed();   // the engine stops; its rows stay pending under their keys
    start_enrolment(true, delay);
}

KioskBackend::~KioskBackend() {
    enrolment_.reset();  // before the services its answer would reach
    social_.reset();     // joins a running read
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
