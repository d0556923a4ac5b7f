// AccountService: local-first sign-up, server sign-in on a worker thread.
#include "services/account_service.hpp"

#include "data/rules/validate_records.hpp"
#include "data/store/store.hpp"
#include "net/api_client.hpp"
#include "net/http_client.hpp"
#include "net/idempotency_key.hpp"
#include "services/registration_number.hpp"

namespace madoguchi {

AccountService::AccountService(Store& store, std::string server_url, std::string device_token, PostToUi post_to_ui)
    : AccountService(store, std::move(server_url), std::make_shared<DeviceTokenSource>(std::move(device_token)),
                     std::move(post_to_ui)) {}

AccountService::AccountService(Store& store, std::string server_url, SharedDeviceToken device_token,
                               PostToUi post_to_ui)
    : store_(store),
      server_url_(std::move(server_url)),
      device_token_(device_token ? std::move(device_token) : std::make_shared<DeviceTokenSource>()),
      post_(std::move(post_to_ui)) {}

AccountService::~AccountService() {
    stop_ = true;
    join_worker();
}

void AccountService::set_sync_hooks(
    std::function<void()> outbox_changed,
    std::function<void(const std::string& account_id, const std::string& token)> session_token) {
    outbox_changed_ = std::move(outbox_changed);
    session_token_ = std::move(session_token);
}

void AccountService::join_worker() {
    if (worker_.joinable()) worker_.join();
}

SignUpOutcome AccountService::sign_up(SignUpRequest request) {
    SignUpOutcome out;
    // Normalize first (full-width letters in an e-mail, etc.); the validator
    // then reports every field still wrong, so each shows next to its field.
    Errors norm = normalize_sign_up_fields(request);
    Errors errs = validate_sign_up(request);
    for (auto& e : norm) {
        bool seen = false;
        for (const auto& v : errs) seen = seen || v.field == e.field;
        if (!seen) errs.push_back(std::move(e));
    }
    if (!errs.empty()) {
        out.errors = std::move(errs);
        return out;
    }
    Account account;
    account.meta.client_id = make_uuid_v4();
    account.username = request.username;
    account.email = request.email;
    account.registration_number = registration_number_for(account.meta.client_id);
    auto saved = store_.accounts().create(account, request);
    if (!saved) {
        out.errors.push_back(saved.error());
        return out;
    }
    if (auto s = store_.begin_session(saved->meta.client_id); !s) {
        out.errors.push_back(s.error());
        return out;
    }
    out.account = std::move(*saved);
    if (outbox_changed_) outbox_changed_();
    return out;
}

Result<SignUpDelivery> AccountService::sign_up_delivery(const std::string& client_id) {
    for (OutboxState st : {OutboxState::done, OutboxState::dead_letter, OutboxState::pending, OutboxState::sending}) {
        auto rows = store_.outbox().list(st);
        if (!rows) return rows.error();
        for (const auto& r : *rows) {
            if (r.entity_client_id != client_id || r.operation != "account.create") continue;
            if (st == OutboxState::done) return SignUpDelivery::sent;
            if (st == OutboxState::dead_letter) return SignUpDelivery::failed;
            return SignUpDelivery::queued;
        }
    }
    return Error{"account.not_queued", "", "この登録は見つかりません。", "This registration was not found."};
}

bool AccountService::sign_in(SignInRequest request, std::function<void(SignInOutcome)> done) {
    if (running_.exchange(true)) return false;
    join_worker();  // the previous one has finished (running_ was false)
    worker_ = std::thread([this, request = std::move(request), done = std::move(done)]() mutable {
        SignInOutcome out;
        if (server_url_.empty()) {
            out.offline = true;
            out.error = Error{"net.offline", "", "サーバーに接続できません。", "The server cannot be reached."};
        } else {
            HttpClientConfig hc;
            hc.connect_timeout = std::chrono::milliseconds(5000);
            HttpClient http(hc, &stop_);
            ApiClient api(http, ApiClientConfig{server_url_, device_token(), {}});
            auto r = api.sign_in(request, make_idempotency_key());
            if (r) {
                out.ok = true;
                out.account = r->account;
                out.session_token = r->token;
                if (session_token_) session_token_(out.account.meta.client_id, out.session_token);
                std::lock_guard<std::mutex> lock(tokens_mutex_);
                session_tokens_[out.account.meta.client_id] = out.session_token;
            } else {
                const Failure& f = r.failure();
                out.offline = f.http_status == 0;
                if (out.offline) {
                    out.error = Error{"net.offline", "", "サーバーに接続できません。時間をおいてお試しいただくか、スタッフにお声がけください。",
                                      "The server cannot be reached. Try again later or ask staff."};
                } else if (f.error.code.rfind("device.", 0) == 0) {
                    // The kiosk itself is not (yet) enrolled: not the person's password.
                    out.error = Error{"sign_in.device_not_enrolled", "",
                                      "この端末はまだサーバーに登録されていません。スタッフにお声がけください。",
                                      "This kiosk is not enrolled with the server yet. Please ask staff."};
                } else if (f.kind == FailureKind::unauthorized || f.kind == FailureKind::rejected ||
                           f.kind == FailureKind::not_found || f.kind == FailureKind::forbidden) {
                    out.error = Error{"sign_in.invalid", "password", "ユーザー名（またはメールアドレス）かパスワードが違います。",
                                      "The username (or e-mail) or the password is wrong."};
                } else {
                    out.error = f.error.message_ja.empty()
                                    ? Error{"sign_in.server", "", "サーバーでエラーが発生しました。", "The server reported an error."}
                                    : f.error;
                }
            }
        }
        auto deliver = std::make_shared<SignInOutcome>(std::move(out));
        running_ = false;
        if (!stop_ && post_) post_([done = std::move(done), deliver] { done(*deliver); });
    });
    return true;
}

Errors AccountService::request_email_change(const std::string& owner, EmailChangeRequest request) {
    Errors norm = normalize_email_change_fields(request);
    Errors errs = validate_email_change(request);
    for (auto& e : norm) {
        bool seen = false;
        for (const auto& v : errs) seen = seen || v.field == e.field;
        if (!seen) errs.push_back(std::move(e));
    }
    if (!errs.empty()) return errs;
    if (owner.empty()) {
        return {Error{"account.not_signed_in", "", "ログインしてください。", "Please sign in first."}};
    }
    request.new_email_confirm = request.new_email;  // normalized; both were checked equal
    auto saved = store_.email_changes().save(owner, std::move(request));
    if (!saved) return {saved.error()};
    if (outbox_changed_) outbox_changed_();
    return {};
}

Errors AccountService::change_password(const std::string& account_id, PasswordChangeRequest request,
                                       std::function<void(PasswordChangeOutcome)> done) {
    Errors errs = validate_password_change(request);
    if (!errs.empty()) return errs;
    if (account_id.empty())
        return {Error{"account.not_signed_in", "", "ログインしてください。", "Please sign in first."}};
    if (running_.exchange(true))
        return {Error{"account.busy", "", "前の処理が終わるまでお待ちください。", "Please wait for the previous request."}};
    join_worker();
    std::string token;
    {
        std::lock_guard<std::mutex> lock(tokens_mutex_);
        if (auto it = session_tokens_.find(account_id); it != session_tokens_.end()) token = it->second;
    }
    worker_ = std::thread([this, account_id, token, request = std::move(request), done = std::move(done)] {
        PasswordChangeOutcome out;
        if (server_url_.empty()) {
            out.offline = true;
        } else {
            HttpClientConfig hc;
            hc.connect_timeout = std::chrono::milliseconds(5000);
            HttpClient http(hc, &stop_);
            ApiClient api(http, ApiClientConfig{server_url_, device_token(), {}});
            // Without a session the server still lets the kiosk that created
            // the account act for it (sign-up on this device).
            if (!token.empty()) api.set_session_token(account_id, token);
            auto r = api.change_password(account_id, request, make_idempotency_key());
            if (r) {
                out.ok = true;
            } else {
                const Failure& f = r.failure();
                out.offline = f.http_status == 0;
                if (!out.offline) {
                    if (f.error.code == "password.current_wrong")
                        out.errors.push_back(Error{"password.current_wrong", "current_password",
                                                   "現在のパスワードが違います。", "The current password is wrong."});
                    else if (f.http_status == 404 || f.http_status == 403 || f.http_status == 401)
                        out.errors.push_back(Error{"password.not_yet_registered", "",
                                                   "登録がまだサーバーに届いていないため、変更できません。しばらくしてからお試しください。",
                                                   "Your registration has not reached the server yet. Please try again later."});
                    else
                        out.errors.push_back(f.error.message_ja.empty()
                                                 ? Error{"password.server", "", "サーバーでエラーが発生しました。",
                                                         "The server reported an error."}
                                                 : f.error);
                }
            }
        }
        if (out.offline)
            out.errors.push_back(Error{"net.offline", "",
                                       "サーバーに接続できないため、パスワードを変更できませんでした。入力は残っています。時間をおいてお試しください。",
                                       "The server cannot be reached, so the password was not changed. Your input is kept; please try again later."});
        auto deliver = std::make_shared<PasswordChangeOutcome>(std::move(out));
        running_ = false;
        if (!stop_ && post_) post_([done = std::move(done), deliver] { done(*deliver); });
    });
    return {};
}

Status AccountService::start_session(const std::string& client_id) {
    if (client_id.empty()) return ok_status();
    return store_.begin_session(client_id);
}

Status AccountService::sign_out(const std::string& client_id) {
    if (client_id.empty()) return ok_status();
    {
        std::lock_guard<std::mutex> lock(tokens_mutex_);
        session_tokens_.erase(client_id);
    }
    auto r = store_.end_session(client_id);
    if (!r) return r.error();
    return ok_status();
}

}  // namespace madoguchi
