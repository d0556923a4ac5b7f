// DeviceEnrolment: gets this kiosk its device token from the platform
// (POST /v1/devices with the enrolment code) on a worker thread at start-up,
// and keeps it encrypted in the store's secrets, bound to the server URL.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "data/result.hpp"
#include "net/api_client.hpp"

namespace madoguchi {

class Store;

struct DeviceEnrolmentConfig {
    std::string server_url;
    std::string kiosk_id;         // KioskConfig::kiosk_id (the server logs it)
    std::string enrollment_code;  // the server's --enrollment-code
    std::string pinned_public_keys;  // KioskConfig::tls_pinned_public_key (optional)
    // Server down or busy: try again after first_retry, doubling up to max_retry.
    std::chrono::milliseconds first_retry{std::chrono::seconds(1)};
    std::chrono::milliseconds max_retry{std::chrono::minutes(1)};
    // Re-enrolment: the server refused the stored token (401: revoked, or
    // the platform's data was reset). The stored credentials are dropped
    // and a new token asked for, after start_delay (the caller's backoff
    // between re-enrolments, so a server that keeps refusing is not hammered).
    bool replace_stored = false;
    std::chrono::milliseconds start_delay{0};
};

// The credentials this kiosk holds for `server_url` (nullopt: never enrolled
// there — a token of another server is never sent to this one).
Result<std::optional<DeviceCredentials>> stored_device_credentials(Store& store, const std::string& server_url);
Status store_device_credentials(Store& store, const std::string& server_url, const DeviceCredentials& credentials);
// Drops them (the server no longer accepts the token).
Status forget_device_credentials(Store& store);

enum class EnrolmentState { not_started, enrolling, waiting_to_retry, enrolled, refused, stopped };

class DeviceEnrolment {
public:
    using StoreOpener = std::function<Result<std::unique_ptr<Store>>()>;
    using PostToUi = std::function<void(std::function<void()>)>;
    using Done = std::function<void(Result<DeviceCredentials>)>;

    // `open_store` gives the worker its own connection (one per thread).
    DeviceEnrolment(DeviceEnrolmentConfig config, StoreOpener open_store, PostToUi post_to_ui);
    ~DeviceEnrolment();  // stop()
    DeviceEnrolment(const DeviceEnrolment&) = delete;
    DeviceEnrolment& operator=(const DeviceEnrolment&) = delete;

    // Starts the worker: credentials already stored for this server are used
    // as they are; otherwise it enrols, retrying while the server cannot be
    // reached (same Idempotency-Key: a reply lost on the way gives the same
    // token when replayed), and stores the token before reporting it. `done`
    // runs once through post_to_ui: with the credentials, or with the error
    // that ends the attempts (wrong enrolment code, TLS pin refused, no
    // server URL). Not called when stopped first.
    void start(Done done);
    // Aborts a request in flight and the wait between attempts; joins.
    void stop();

    EnrolmentState state() const { return state_.load(); }
    // The last failure (Japanese/English) for the technician settings screen.
    Error last_error() const;

private:
    void run(Done done);
    NetResult<DeviceCredentials> attempt(const std::string& key);

    DeviceEnrolmentConfig config_;
    StoreOpener open_store_;
    PostToUi post_;
    std::atomic<EnrolmentState> state_{EnrolmentState::not_started};
    std::atomic<bool> stop_{false};
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    Error last_error_;  // guarded by mutex_
    std::thread worker_;
};

}  // namespace madoguchi
