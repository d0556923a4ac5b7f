// Device, staff and account authorization checks.
#include "server/request_auth.hpp"

#include "server/http_routes.hpp"
#include "server/secrets.hpp"

namespace madoguchi::server {

std::variant<std::string, ApiResponse> authenticate_device(ServerContext& server, const std::string& token) {
    if (token.empty())
        return error_response(401, "device.token_missing", "", "This request needs the X-Device-Token header.",
                              "端末が登録されていません。");
    const std::string hash = sha256_hex(token);
    auto device = server.db.read([&](SqliteConnection& c) -> std::optional<std::string> {
        auto st = c.prepare("SELECT device_id FROM devices WHERE token_sha256=?1");
        st.bind(1, hash);
        if (!st.step()) return std::nullopt;
        return st.column_text(0);
    });
    if (!device)
        return error_response(401, "device.token_invalid", "", "The device token is not known to this server.",
                              "端末の認証に失敗しました。端末を登録し直してください。");
    return *device;
}

bool staff_token_valid(const ServerContext& server, const std::string& token) {
    return !token.empty() && secrets_equal(sha256_hex(token), sha256_hex(server.config.staff_token));
}

std::string bearer_token(const RequestContext& ctx) {
    const std::string h = ctx.header("Authorization");
    constexpr std::string_view kPrefix = "Bearer ";
    if (h.size() <= kPrefix.size() || h.compare(0, kPrefix.size(), kPrefix) != 0) return {};
    return h.substr(kPrefix.size());
}

std::optional<ApiResponse> deny_account_access(RequestContext& ctx, const std::string& account_id) {
    const std::string token = bearer_token(ctx);
    const std::string token_hash = token.empty() ? std::string() : sha256_hex(token);
    const std::int64_t now = now_ms();
    enum class Verdict { allowed, no_account, forbidden, expired };
    const Verdict v = ctx.server.db.read([&](SqliteConnection& c) {
        auto acc = c.prepare("SELECT created_by_device FROM accounts WHERE client_id=?1");
        acc.bind(1, account_id);
        if (!acc.step()) return Verdict::no_account;
        if (acc.column_text(0) == ctx.device_id) return Verdict::allowed;
        if (token_hash.empty()) return Verdict::forbidden;
        auto s = c.prepare(
            "SELECT expires_at_ms, revoked_at_ms FROM sessions WHERE token_sha256=?1 AND account_id=?2 AND "
            "device_id=?3");
        s.bind(1, token_hash).bind(2, account_id).bind(3, ctx.device_id);
        if (!s.step()) return Verdict::forbidden;
        if (!s.column_is_null(1) || s.column_int64(0) <= now) return Verdict::expired;
        return Verdict::allowed;
    });
    switch (v) {
        case Verdict::allowed: return std::nullopt;
        case Verdict::no_account:
            return error_response(404, "account.not_found", "", "No such account.", "アカウントが見つかりません。");
        case Verdict::expired:
            return error_response(401, "session.expired", "", "The session has ended; sign in again.",
                                  "ログインの有効期限が切れました。もう一度ログインしてください。");
        case Verdict::forbidden: break;
    }
    return error_response(403, "account.forbidden", "",
                          "This device may not act for this account; sign in on it first.",
                          "この端末ではこのアカウントを操作できません。ログインしてください。");
}

}  // namespace madoguchi::server
