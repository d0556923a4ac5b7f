// Devices, sign-up with mail verification, sessions, email change, password change.
#include "server/account_api.hpp"

#include <cstdio>
#include <iostream>

#include "server/api_routes.hpp"
#include "server/http_routes.hpp"
#include "server/record_validation.hpp"
#include "server/request_auth.hpp"
#include "server/secrets.hpp"

namespace madoguchi::server {
namespace {

using nlohmann::json;

std::string string_field(const json& j, const char* key) {
    if (!j.contains(key) || !j.at(key).is_string()) return {};
    return j.at(key).get<std::string>();
}

ApiResponse bad_field(const char* field) {
    return error_response(400, "request.invalid_field", field, std::string("Field ") + field + " is missing or has the wrong type.",
                          "送信内容が正しくありません。");
}

std::string verification_link(const ServerContext& s, const std::string& token) {
    return s.public_url + "/v1/email-verifications/" + token;
}

void send_mail(ServerContext& s, MailMessage m) {
    auto delivered = s.maildir.deliver(m, now_ms());
    if (!delivered) std::cerr << "madoguchi-server: mail to " << m.to << " not written: " << delivered.error().message_en << "\n";
}

MailMessage verification_mail(const ServerContext& s, const std::string& to, const std::string& username,
                              const std::string& token) {
    const std::string link = verification_link(s, token);
    MailMessage m;
    m.to = to;
    m.subject = "【Madoguchi】メールアドレスの確認 / Please confirm your email address";
    m.purpose = "email-verification";
    m.body = username + " 様\n\n"
             "Madoguchi にご登録いただきありがとうございます。\n"
             "以下のリンクを開いて、メールアドレスの確認を完了してください。\n\n" +
             link +
             "\n\nこのメールに心当たりがない場合は、破棄してください。\n\n"
             "Thank you for registering with Madoguchi. Open the link above to confirm your email address.\n";
    return m;
}

MailMessage email_change_mail(const ServerContext& s, const std::string& to, const std::string& token) {
    const std::string link = verification_link(s, token);
    MailMessage m;
    m.to = to;
    m.subject = "【Madoguchi】メールアドレス変更の確認 / Confirm your new email address";
    m.purpose = "email-change";
    m.body = "メールアドレスの変更を受け付けました。\n"
             "以下のリンクを開くと、新しいメールアドレスへの変更が完了します。\n\n" +
             link +
             "\n\nリンクを開くまでは、以前のメールアドレスのままです。\n\n"
             "Open the link above to finish changing your email address; until then the old address stays in use.\n";
    return m;
}

std::string insert_email_token(SqliteConnection& c, const ServerContext& s, const std::string& account_id,
                               const char* purpose, const std::string& email) {
    const std::string token = random_token();
    c.prepare(
         "INSERT INTO email_tokens(token_sha256, account_id, purpose, email, expires_at_ms) VALUES(?1,?2,?3,?4,?5)")
        .bind(1, sha256_hex(token))
        .bind(2, account_id)
        .bind(3, purpose)
        .bind(4, email)
        .bind(5, now_ms() + s.config.email_token_ttl_s * 1000)
        .run();
    return token;
}

bool email_taken_by_other(SqliteConnection& c, const std::string& email, const std::string& account_id) {
    auto st = c.prepare("SELECT 1 FROM accounts WHERE email=?1 AND client_id<>?2");
    st.bind(1, email).bind(2, account_id);
    return st.step();
}

ApiResponse email_taken() {
    return error_response(409, "account.email_taken", "email", "This email address is already registered.",
                          "このメールアドレスはすでに登録されています。");
}

// POST /v1/devices
ApiResponse enroll_device(RequestContext& ctx) {
    auto body = ctx.json_body();
    if (!body) return error_response(400, body.error());
    const std::string kiosk_id = string_field(*body, "kiosk_id");
    const std::string code = string_field(*body, "enrollment_code");
    if (kiosk_id.empty() || kiosk_id.size() > 64) return bad_field("kiosk_id");
    if (!secrets_equal(sha256_hex(code), sha256_hex(ctx.server.config.enrollment_code)))
        return error_response(403, "device.enrollment_code_invalid", "enrollment_code", "The enrollment code is wrong.",
                              "登録コードが正しくありません。");
    const std::string device_id = random_uuid();
    const std::string token = random_token();
    ctx.server.db.write([&](SqliteConnection& c) {
        c.prepare("INSERT INTO devices(device_id, kiosk_id, token_sha256, created_at_ms) VALUES(?1,?2,?3,?4)")
            .bind(1, device_id)
            .bind(2, kiosk_id)
            .bind(3, sha256_hex(token))
            .bind(4, now_ms())
            .run();
    });
    return json_response(201, {{"device_id", device_id}, {"device_token", token}});
}

// POST /v1/accounts
ApiResponse sign_up(RequestContext& ctx) {
    auto body = ctx.json_body();
    if (!body) return error_response(400, body.error());
    SignUpRequest req;
    try {
        from_json(*body, req);
    } catch (const std::exception&) {
        return bad_field("");
    }
    const std::string client_id = string_field(*body, "client_id");
    if (!valid_client_id(client_id)) return bad_field("client_id");
    if (auto errors = validate_sign_up(req); !errors.empty()) return validation_response(errors);

    const std::string hash = hash_password(req.password);  // slow: outside the database lock
    std::string token;
    auto result = ctx.server.db.write([&](SqliteConnection& c) -> ApiResponse {
        {
            auto existing = c.prepare("SELECT username, email FROM accounts WHERE client_id=?1");
            existing.bind(1, client_id);
            if (existing.step()) {
                // The same sign-up sent again without its key: answer as the first time.
                if (existing.column_text(0) == req.username && existing.column_text(1) == req.email)
                    return json_response(201, {{"account", *load_account_json(c, client_id)}});
                return error_response(409, "account.client_id_taken", "client_id", "This client_id belongs to another account.",
                                      "このアカウントIDはすでに使われています。");
            }
        }
        {
            auto taken = c.prepare("SELECT 1 FROM accounts WHERE username=?1");
            taken.bind(1, req.username);
            if (taken.step())
                return error_response(409, "account.username_taken", "username", "This username is already taken.",
                                      "このユーザー名はすでに使われています。");
        }
        if (email_taken_by_other(c, req.email, client_id)) return email_taken();
        c.prepare(
             "INSERT INTO accounts(client_id, username, email, password_hash, created_by_device, created_at_ms) "
             "VALUES(?1,?2,?3,?4,?5,?6)")
            .bind(1, client_id)
            .bind(2, req.username)
            .bind(3, req.email)
            .bind(4, hash)
            .bind(5, ctx.device_id)
            .bind(6, now_ms())
            .run();
        char number[32];
        std::snprintf(number, sizeof number, "MD%08lld", static_cast<long long>(c.last_insert_rowid()));
        c.prepare("UPDATE accounts SET registration_number=?2 WHERE client_id=?1").bind(1, client_id).bind(2, number).run();
        token = insert_email_token(c, ctx.server, client_id, "verify", req.email);
        return json_response(201, {{"account", *load_account_json(c, client_id)}});
    });
    if (!token.empty()) send_mail(ctx.server, verification_mail(ctx.server, req.email, req.username, token));
    return result;
}

// GET /v1/email-verifications/{token}
ApiResponse confirm_email(RequestContext& ctx) {
    const std::string hash = sha256_hex(ctx.param(1));
    return ctx.server.db.write([&](SqliteConnection& c) -> ApiResponse {
        auto st = c.prepare("SELECT account_id, purpose, email, expires_at_ms, used_at_ms FROM email_tokens WHERE token_sha256=?1");
        st.bind(1, hash);
        if (!st.step())
            return error_response(404, "email_verification.not_found", "", "This link is not valid.",
                                  "このリンクは無効です。");
        const std::string account_id = st.column_text(0), purpose = st.column_text(1), email = st.column_text(2);
        const bool used = !st.column_is_null(4);
        if (!used && st.column_int64(3) < now_ms())
            return error_response(410, "email_verification.expired", "", "This link has expired.",
                                  "このリンクは有効期限が切れています。");
        if (!used) {
            if (purpose == "change") {
                if (email_taken_by_other(c, email, account_id)) return email_taken();
                c.prepare("UPDATE accounts SET email=?2, email_verified=1 WHERE client_id=?1").bind(1, account_id).bind(2, email).run();
                c.prepare("UPDATE email_changes SET confirmed_at_ms=?3 WHERE account_id=?1 AND new_email=?2 AND confirmed_at_ms IS NULL")
                    .bind(1, account_id)
                    .bind(2, email)
                    .bind(3, now_ms())
                    .run();
            } else {
                c.prepare("UPDATE accounts SET email_verified=1 WHERE client_id=?1 AND email=?2").bind(1, account_id).bind(2, email).run();
            }
            c.prepare("UPDATE email_tokens SET used_at_ms=?2 WHERE token_sha256=?1").bind(1, hash).bind(2, now_ms()).run();
        }
        auto account = load_account_json(c, account_id);
        return json_response(200, {{"purpose", purpose == "change" ? "email_change" : "email_verification"},
                                   {"already_confirmed", used},
                                   {"account", account ? *account : json::object()}});
    });
}

// POST /v1/sessions
ApiResponse sign_in(RequestContext& ctx) {
    auto body = ctx.json_body();
    if (!body) return error_response(400, body.error());
    const std::string login = string_field(*body, "login");
    const std::string password = string_field(*body, "password");
    if (login.empty()) return bad_field("login");
    struct Found {
        std::string id, hash;
    };
    auto found = ctx.server.db.read([&](SqliteConnection& c) -> std::optional<Found> {
        auto st = c.prepare("SELECT client_id, password_hash FROM accounts WHERE username=?1 OR email=?1");
        st.bind(1, login);
        if (!st.step()) return std::nullopt;
        return Found{st.column_text(0), st.column_text(1)};
    });
    // Hash anyway when the login is unknown, so timing does not reveal accounts.
    const bool ok = found ? verify_password(found->hash, password) : (hash_password(password), false);
    if (!ok)
        return error_response(401, "session.invalid_credentials", "login", "The username/email or password is wrong.",
                              "ユーザー名（メールアドレス）またはパスワードが違います。");
    const std::string token = random_token();
    const std::int64_t expires = now_ms() + ctx.server.config.session_ttl_s * 1000;
    return ctx.server.db.write([&](SqliteConnection& c) {
        c.prepare("INSERT INTO sessions(token_sha256, account_id, device_id, created_at_ms, expires_at_ms) VALUES(?1,?2,?3,?4,?5)")
            .bind(1, sha256_hex(token))
            .bind(2, found->id)
            .bind(3, ctx.device_id)
            .bind(4, now_ms())
            .bind(5, expires)
            .run();
        return json_response(201, {{"token", token}, {"expires_at_ms", expires}, {"account", *load_account_json(c, found->id)}});
    });
}

// DELETE /v1/sessions/current
ApiResponse sign_out(RequestContext& ctx) {
    const std::string token = bearer_token(ctx);
    if (!token.empty()) {
        ctx.server.db.write([&](SqliteConnection& c) {
            c.prepare("UPDATE sessions SET revoked_at_ms=?3 WHERE token_sha256=?1 AND device_id=?2 AND revoked_at_ms IS NULL")
                .bind(1, sha256_hex(token))
                .bind(2, ctx.device_id)
                .bind(3, now_ms())
                .run();
        });
    }
    return empty_response(204);
}

// GET /v1/accounts/{aid}
ApiResponse get_account(RequestContext& ctx) {
    const std::string aid = ctx.param(1);
    if (auto denied = deny_account_access(ctx, aid)) return *denied;
    auto account = ctx.server.db.read([&](SqliteConnection& c) { return load_account_json(c, aid); });
    return json_response(200, {{"account", *account}});
}

// PUT /v1/accounts/{aid}/password
ApiResponse change_password(RequestContext& ctx) {
    const std::string aid = ctx.param(1);
    if (auto denied = deny_account_access(ctx, aid)) return *denied;
    auto body = ctx.json_body();
    if (!body) return error_response(400, body.error());
    const std::string current = string_field(*body, "current_password");
    const std::string next = string_field(*body, "new_password");
    if (auto errors = validate_new_password(next, "new_password"); !errors.empty()) return validation_response(errors);
    const std::string stored = ctx.server.db.read([&](SqliteConnection& c) {
        auto st = c.prepare("SELECT password_hash FROM accounts WHERE client_id=?1");
        st.bind(1, aid);
        return st.step() ? st.column_text(0) : std::string();
    });
    if (!verify_password(stored, current))
        return error_response(422, "password.current_wrong", "current_password", "The current password is wrong.",
                              "現在のパスワードが違います。");
    const std::string hash = hash_password(next);
    const std::string keep = bearer_token(ctx);
    ctx.server.db.write([&](SqliteConnection& c) {
        c.prepare("UPDATE accounts SET password_hash=?2 WHERE client_id=?1").bind(1, aid).bind(2, hash).run();
        // Other sessions of this account end: whoever knew the old password is out.
        c.prepare("UPDATE sessions SET revoked_at_ms=?3 WHERE account_id=?1 AND token_sha256<>?2 AND revoked_at_ms IS NULL")
            .bind(1, aid)
            .bind(2, keep.empty() ? std::string() : sha256_hex(keep))
            .bind(3, now_ms())
            .run();
    });
    return empty_response(204);
}

// POST /v1/accounts/{aid}/email-changes
ApiResponse request_email_change(RequestContext& ctx) {
    const std::string aid = ctx.param(1);
    if (auto denied = deny_account_access(ctx, aid)) return *denied;
    auto body = ctx.json_body();
    if (!body) return error_response(400, body.error());
    const std::string client_id = string_field(*body, "client_id");
    const std::string new_email = string_field(*body, "new_email");
    if (!valid_client_id(client_id)) return bad_field("client_id");
    if (auto errors = validate_new_email(new_email, "new_email"); !errors.empty()) return validation_response(errors);
    std::string token;
    auto result = ctx.server.db.write([&](SqliteConnection& c) -> ApiResponse {
        const json accepted = {{"client_id", client_id}, {"new_email", new_email}, {"status", "pending"}};
        {
            auto st = c.prepare("SELECT new_email, confirmed_at_ms FROM email_changes WHERE client_id=?1 AND account_id=?2");
            st.bind(1, client_id).bind(2, aid);
            if (st.step())
                return json_response(202, {{"client_id", client_id},
                                           {"new_email", st.column_text(0)},
                                           {"status", st.column_is_null(1) ? "pending" : "confirmed"}});
        }
        if (email_taken_by_other(c, new_email, aid)) return email_taken();
        c.prepare("INSERT INTO email_changes(client_id, account_id, new_email, requested_at_ms) VALUES(?1,?2,?3,?4)")
            .bind(1, client_id)
            .bind(2, aid)
            .bind(3, new_email)
            .bind(4, now_ms())
            .run();
        token = insert_email_token(c, ctx.server, aid, "change", new_email);
        return json_response(202, accepted);
    });
    if (!token.empty()) send_mail(ctx.server, email_change_mail(ctx.server, new_email, token));
    return result;
}

}  // namespace

std::optional<json> load_account_json(SqliteConnection& c, const std::string& client_id) {
    auto st = c.prepare("SELECT client_id, username, email, registration_number, email_verified FROM accounts WHERE client_id=?1");
    st.bind(1, client_id);
    if (!st.step()) return std::nullopt;
    return json{{"client_id", st.column_text(0)},
                {"username", st.column_text(1)},
                {"email", st.column_text(2)},
                {"registration_number", st.column_text(3)},
                {"email_verified", st.column_int64(4) != 0}};
}

void add_account_routes(Router& r) {
    r.add("POST", "/v1/devices", Access::anyone, enroll_device);
    r.add("POST", "/v1/accounts", Access::device, sign_up);
    r.add("GET", R"(/v1/email-verifications/([A-Za-z0-9_-]{1,100}))", Access::anyone, confirm_email);
    r.add("POST", "/v1/sessions", Access::device, sign_in);
    r.add("DELETE", "/v1/sessions/current", Access::device, sign_out);
    r.add("GET", R"(/v1/accounts/([A-Za-z0-9_-]{1,64}))", Access::device, get_account);
    r.add("PUT", R"(/v1/accounts/([A-Za-z0-9_-]{1,64})/password)", Access::device, change_password);
    r.add("POST", R"(/v1/accounts/([A-Za-z0-9_-]{1,64})/email-changes)", Access::device, request_email_change);
}

}  // namespace madoguchi::server
