// AccountService: sign-up (saved locally with its outbox row, so it works
// offline), sign-in against the server on a worker thread, sign-out. Screens
// call it from the UI thread; worker results come back through `post_to_ui`
// (App::run_queue().post in the kiosk).
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "data/model/account.hpp"
#include "data/result.hpp"
#include "net/device_token_source.hpp"

namespace madoguchi {

class Store;

struct SignUpOutcome {
    Errors errors;    // per field (Error::field = SignUpRequest member); empty = saved
    Account account;  // stored copy with client_id and registration_number
    bool ok() const { return errors.empty(); }
};

// Where a queued sign-up is: still on this kiosk, delivered, or refused.
enum class SignUpDelivery { queued, sent, failed };

struct SignInOutcome {
    bool ok = false;
    bool offline = false;  // no server reply (network down): try again or ask staff
    Account account;       // the server's account on success
    std::string session_token;
    Error error;           // what to show when !ok
};

// 【6】 password change: per-field errors (current_password, new_password,
// new_password_confirm) or a form-level one (field empty); ok = changed.
struct PasswordChangeOutcome {
    bool ok = false;
    bool offline = false;
    Errors errors;
};

class AccountService {
public:
    using PostToUi = std::function<void(std::function<void()>)>;

    // `store` is the UI thread's connection; `server_url` may be empty
    // (then sign-in reports offline at once); `device_token` is this kiosk's
    // enrolment token (the server accepts sign-ins from enrolled devices only).
    AccountService(Store& store, std::string server_url, std::string device_token, PostToUi post_to_ui);
    // The running kiosk's token source, read per request (net/device_token_source.hpp).
    AccountService(Store& store, std::string server_url, SharedDeviceToken device_token, PostToUi post_to_ui);
    ~AccountService();  // stops and joins a running sign-in
    AccountService(const AccountService&) = delete;
    AccountService& operator=(const AccountService&) = delete;

    // Hooks into the sync engine (main wires them; tests may leave them):
    // `outbox_changed` after a sign-up row was queued (send it now), and
    // `session_token` with the server's session after a sign-in (called on
    // the worker thread; SyncEngine::set_session_token is thread-safe).
    void set_sync_hooks(std::function<void()> outbox_changed,
                        std::function<void(const std::string& account_id, const std::string& token)> session_token);

    // The device token arrived after start-up (services/device_enrolment):
    // the next sign-in or password change sends it. (Sets the shared source:
    // every service built on it sees the same token.)
    void set_device_token(std::string token) { device_token_->set(std::move(token)); }

    // Normalizes and validates the request (data/rules); when valid stores the
    // account and queues "account.create" in one transaction, and opens the
    // store session for it. The password only travels in the encrypted outbox.
    SignUpOutcome sign_up(SignUpRequest request);

    // Delivery state of the account.create row of `client_id`.
    Result<SignUpDelivery> sign_up_delivery(const std::string& client_id);

    // Asks the server on a worker thread; `done` runs through post_to_ui.
    // A second call while one runs is refused (returns false).
    bool sign_in(SignInRequest request, std::function<void(SignInOutcome)> done);
    bool sign_in_running() const { return running_.load(); }

    // 【6】 e-mail change: validated, then queued as "email_change.request";
    // the server mails a verification link to the new address and the
    // change takes effect only after it is followed. Errors are per field
    // (new_email, new_email_confirm); empty = queued.
    Errors request_email_change(const std::string& owner, EmailChangeRequest request);

    // 【6】 password change. Validated here (both new entries equal, strength
    // rules of data/rules/password, different from the current one): a bad
    // request returns its errors and `done` is not called. A valid one is
    // sent to the server on the worker thread, never queued: only the server
    // can check the current password, and the person waits for the answer.
    // `done` runs through post_to_ui. Refused (one error, field empty) while
    // a sign-in or another change is running.
    Errors change_password(const std::string& account_id, PasswordChangeRequest request,
                           std::function<void(PasswordChangeOutcome)> done);
    bool request_running() const { return running_.load(); }

    // A signed-in person starts using the kiosk (UI thread, after sign_in's
    // answer): their records stay on the kiosk while they are here, even
    // once delivered, and go at sign-out or the idle wipe. Without it a
    // person who signed up elsewhere saw a saved section vanish as soon as
    // the sync engine delivered it.
    Status start_session(const std::string& client_id);
    // The person leaves: ends the store session (purges their settled data).
    Status sign_out(const std::string& client_id);

private:
    void join_worker();
    std::string device_token() const { return device_token_->token(); }

    Store& store_;
    std::string server_url_;
    SharedDeviceToken device_token_;  // never null; thread-safe (set from the UI thread, read by workers)
    PostToUi post_;
    std::function<void()> outbox_changed_;
    std::function<void(const std::string&, const std::string&)> session_token_;
    // Sessions the server issued at sign-in, by account: the password
    // change acts with them. Forgotten at sign-out.
    std::mutex tokens_mutex_;
    std::map<std::string, std::string> session_tokens_;
    std::atomic<bool> stop_{false};
    std::atomic<bool> running_{false};
    std::thread worker_;
};

}  // namespace madoguchi
