// Persistence and in-flight bookkeeping of idempotency keys.
#include "server/idempotency.hpp"

#include "server/secrets.hpp"
#include "server/server_database.hpp"

namespace madoguchi::server {

bool InFlightKeys::try_acquire(const std::string& scope, const std::string& key) {
    std::lock_guard lock(mutex_);
    return keys_.emplace(scope, key).second;
}

void InFlightKeys::release(const std::string& scope, const std::string& key) {
    std::lock_guard lock(mutex_);
    keys_.erase({scope, key});
}

std::string request_fingerprint(const std::string& method, const std::string& target, const std::string& body) {
    return sha256_hex(method + "\n" + target + "\n" + body);
}

StoredLookup find_stored_response(ServerDatabase& db, const std::string& scope, const std::string& key,
                                  const std::string& fingerprint) {
    return db.read([&](SqliteConnection& c) {
        StoredLookup out;
        auto st = c.prepare(
            "SELECT request_sha256, status, content_type, headers, body FROM idempotency WHERE scope=?1 AND key=?2");
        st.bind(1, scope).bind(2, key);
        if (!st.step()) return out;
        if (st.column_text(0) != fingerprint) {
            out.outcome = StoredOutcome::key_reused;
            return out;
        }
        out.outcome = StoredOutcome::replay;
        out.response.status = static_cast<int>(st.column_int64(1));
        out.response.content_type = st.column_text(2);
        out.response.body = st.column_text(4);
        const auto headers = nlohmann::json::parse(st.column_text(3), nullptr, false);
        if (headers.is_array())
            for (const auto& h : headers)
                out.response.headers.emplace_back(h.at(0).get<std::string>(), h.at(1).get<std::string>());
        out.response.headers.emplace_back("Idempotent-Replayed", "true");
        return out;
    });
}

bool response_is_final(int status) {
    return status < 500 && status != 408 && status != 429 && status != 401 && status != 403;
}

void store_response(ServerDatabase& db, const std::string& scope, const std::string& key,
                    const std::string& fingerprint, const ApiResponse& response, std::int64_t now_ms) {
    auto headers = nlohmann::json::array();
    for (const auto& [name, value] : response.headers) headers.push_back({name, value});
    db.write([&](SqliteConnection& c) {
        c.prepare(
             "INSERT OR IGNORE INTO idempotency(scope, key, request_sha256, status, content_type, headers, body, "
             "created_at_ms) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)")
            .bind(1, scope)
            .bind(2, key)
            .bind(3, fingerprint)
            .bind(4, response.status)
            .bind(5, response.content_type)
            .bind(6, headers.dump())
            .bind(7, response.body)
            .bind(8, now_ms)
            .run();
    });
}

ApiResponse key_reused_response() {
    return error_response(422, "idempotency.key_reused", "",
                          "This Idempotency-Key was already used for a different request.",
                          "この操作キーは別の内容ですでに使われています。");
}

ApiResponse in_progress_response() {
    return error_response(409, "idempotency.in_progress", "",
                          "A request with this Idempotency-Key is still being processed; retry later.",
                          "同じ操作を処理中です。しばらくしてから再試行してください。")
        .with_header("Retry-After", "1");
}

}  // namespace madoguchi::server
