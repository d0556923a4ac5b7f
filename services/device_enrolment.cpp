// DeviceEnrolment: enrol once per server, token kept in SecretStore.
#include "services/device_enrolment.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "data/store/store.hpp"
#include "net/http_client.hpp"
#include "net/idempotency_key.hpp"

namespace madoguchi {

namespace {

// One secret: {"server_url", "device_id", "device_token"}. Binding the token
// to the URL makes a technician's change of server enrol again instead of
// sending one platform's token to another.
constexpr const char* kSecretName = "device.credentials";

Error enrolment_error(const Failure& f) {
    switch (f.kind) {
    case FailureKind::forbidden:
        return Error{"device.enrollment_code_invalid", "enrollment_code",
                     "サーバーが登録コードを受け付けませんでした。技術者設定の登録コードを確認してください。",
                     "The server refused the enrolment code. Check it in the technician settings."};
    case FailureKind::tls:
        return Error{"device.tls", "server_url",
                     "サーバーの証明書を確認できません。技術者設定のサーバーURLと証明書の設定を確認してください。",
                     "The server's certificate was refused. Check the server URL and the pinned key."};
    case FailureKind::rejected:
    case FailureKind::not_found:
    case FailureKind::unauthorized:
        return Error{"device.enrollment_refused", "server_url",
                     "サーバーがこの端末の登録を受け付けませんでした。サーバーURLを確認してください。",
                     "The server refused to enrol this kiosk. Check the server URL."};
    default:
        return Error{"net.offline", "server_url",
                     "サーバーに接続できないため、端末を登録できていません。接続が戻りしだい登録します。",
                     "The server cannot be reached, so this kiosk is not enrolled yet. It will enrol when the "
                     "connection returns."};
    }
}

// Only a configuration problem ends the attempts; the network coming back
// is waited for.
bool final_failure(const Failure& f) {
    switch (f.kind) {
    case FailureKind::forbidden:
    case FailureKind::tls:
    case FailureKind::rejected:
    case FailureKind::not_found:
    case FailureKind::unauthorized:
        return true;
    default:
        return false;
    }
}

}  // namespace

Result<std::optional<DeviceCredentials>> stored_device_credentials(Store& store, const std::string& server_url) {
    auto secret = store.secrets().get(kSecretName);
    if (!secret) return secret.error();
    if (!secret->has_value()) return std::optional<DeviceCredentials>{};
    auto j = nlohmann::json::parse(**secret, nullptr, false);
    if (!j.is_object() || !j.contains("server_url") || !j["server_url"].is_string() ||
        !j.contains("device_token") || !j["device_token"].is_string())
        return std::optional<DeviceCredentials>{};  // unreadable: enrol again
    if (j["server_url"].get<std::string>() != server_url) return std::optional<DeviceCredentials>{};
    DeviceCredentials c;
    c.device_id = j.value("device_id", "");
    c.device_token = j["device_token"].get<std::string>();
    if (c.device_token.empty()) return std::optional<DeviceCredentials>{};
    return std::optional<DeviceCredentials>{std::move(c)};
}

Status store_device_credentials(Store& store, const std::string& server_url, const DeviceCredentials& credentials) {
    const nlohmann::json j = {{"server_url", server_url},
                              {"device_id", credentials.device_id},
                              {"device_token", credentials.device_token}};
    return store.secrets().put(kSecretName, j.dump());
}

Status forget_device_credentials(Store& store) { return store.secrets().erase(kSecretName); }

DeviceEnrolment::DeviceEnrolment(DeviceEnrolmentConfig config, StoreOpener open_store, PostToUi post_to_ui)
    : config_(std::move(config)), open_store_(std::move(open_store)), post_(std::move(post_to_ui)) {}

DeviceEnrolment::~DeviceEnrolment() { stop(); }

void DeviceEnrolment::start(Done done) {
    if (worker_.joinable()) return;  // once per object
    stop_ = false;
    state_ = EnrolmentState::enrolling;
    worker_ = std::thread([this, done = std::move(done)]() mutable { run(std::move(done)); });
}

void DeviceEnrolment::stop() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    if (worker_.joinable()) worker_.join();
    EnrolmentState s = state_.load();
    if (s == EnrolmentState::enrolling || s == EnrolmentState::waiting_to_retry) state_ = EnrolmentState::stopped;
}

Error DeviceEnrolment::last_error() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return last_error_;
}

NetResult<DeviceCredentials> DeviceEnrolment::attempt(const std::string& key) {
    HttpClientConfig hc;
    hc.pinned_public_keys = config_.pinned_public_keys;
    HttpClient http(hc, &stop_);
    ApiClient api(http, ApiClientConfig{config_.server_url, "", ""});
    return api.enroll_device(config_.kiosk_id, config_.enrollment_code, key);
}

void DeviceEnrolment::run(Done done) {
    auto finish = [&](Result<DeviceCredentials> outcome) {
        if (stop_) return;
        if (!outcome) {
            std::lock_guard<std::mutex> lock(mutex_);
            last_error_ = outcome.error();
        }
        state_ = outcome ? EnrolmentState::enrolled : EnrolmentState::refused;
        if (post_) {
            auto shared = std::make_shared<Result<DeviceCredentials>>(std::move(outcome));
            post_([done = std::move(done), shared]() { done(*shared); });
        }
    };
    if (config_.server_url.empty()) {
        finish(Error{"device.no_server", "server_url", "サーバーURLが設定されていません。",
                     "No server URL is configured."});
        return;
    }
    if (config_.start_delay.count() > 0) {
        std::unique_lock<std::mutex> lock(mutex_);
        state_ = EnrolmentState::waiting_to_retry;
        wake_.wait_for(lock, config_.start_delay, [this] { return stop_.load(); });
        if (stop_) return;
    }
    auto store = open_store_();
    if (!store) {
        finish(store.error());
        return;
    }
    if (config_.replace_stored) {
        if (auto s = forget_device_credentials(**store); !s) {
            finish(s.error());
            return;
        }
    }
    if (auto stored = stored_device_credentials(**store, config_.server_url); stored && stored->has_value()) {
        finish(std::move(**stored));
        return;
    }
    const std::string key = make_idempotency_key();
    auto delay = config_.first_retry;
    while (!stop_) {
        state_ = EnrolmentState::enrolling;
        auto got = attempt(key);
        if (stop_) return;
        if (got) {
            DeviceCredentials credentials = std::move(got).value();
            if (auto s = store_device_credentials(**store, config_.server_url, credentials); !s) {
                finish(s.error());
                return;
            }
            finish(std::move(credentials));
            return;
        }
        if (final_failure(got.failure())) {
            finish(enrolment_error(got.failure()));
            return;
        }
        {
            std::unique_lock<std::mutex> lock(mutex_);
            last_error_ = enrolment_error(got.failure());
            state_ = EnrolmentState::waiting_to_retry;
            wake_.wait_for(lock, delay, [this] { return stop_.load(); });
        }
        delay = std::min(delay * 2, config_.max_retry);
    }
}

}  // namespace madoguchi
