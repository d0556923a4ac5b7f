// Retry-After parsing and the mapping from HTTP status + error body to Failure.
#include "net/http_failure.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <string>

#include <nlohmann/json.hpp>

namespace madoguchi {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::string generic_message_en(long status) {
    return "The server answered HTTP " + std::to_string(status) + ".";
}
std::string generic_message_ja(long status) {
    return "サーバーがエラーを返しました（HTTP " + std::to_string(status) + "）。";
}

// Reads the contract's error shape; anything else leaves the defaults.
void read_error_body(std::string_view body, Error& out) {
    const auto j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object()) return;
    const auto it = j.find("error");
    if (it == j.end() || !it->is_object()) return;
    auto take = [&](const char* key, std::string& dest) {
        const auto f = it->find(key);
        if (f != it->end() && f->is_string()) dest = f->get<std::string>();
    };
    take("code", out.code);
    take("field", out.field);
    take("message", out.message_en);
    take("message_ja", out.message_ja);
}

}  // namespace

std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                           std::chrono::system_clock::time_point now,
                                                           std::chrono::milliseconds cap) {
    value = trim(value);
    if (value.empty()) return std::nullopt;
    if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        if (value.size() > 9) return cap;  // absurdly far: the cap decides
        const long long seconds = std::stoll(std::string(value));
        return std::min<std::chrono::milliseconds>(std::chrono::seconds(seconds), cap);
    }
    const std::string date(value);
    const time_t when = curl_getdate(date.c_str(), nullptr);
    if (when < 0) return std::nullopt;
    const auto delta = std::chrono::system_clock::from_time_t(when) - now;
    if (delta <= std::chrono::system_clock::duration::zero()) return std::chrono::milliseconds(0);
    return std::min(std::chrono::duration_cast<std::chrono::milliseconds>(delta), cap);
}

FailureKind kind_for_status(long status) {
    if (status == 408 || status == 429 || status >= 500) return FailureKind::server_busy;
    if (status == 401) return FailureKind::unauthorized;
    if (status == 403) return FailureKind::forbidden;
    if (status == 404 || status == 410) return FailureKind::not_found;
    if (status == 409) return FailureKind::conflict;
    if (status >= 400) return FailureKind::rejected;
    // 1xx/3xx reaching us means a redirect we refuse to follow, or a broken peer.
    return FailureKind::malformed_reply;
}

Failure failure_from_reply(const HttpResponse& reply, std::chrono::milliseconds retry_after_cap) {
    Failure f;
    f.http_status = static_cast<int>(reply.status);
    f.kind = kind_for_status(reply.status);
    f.error.code = "http." + std::to_string(reply.status);
    f.error.message_en = generic_message_en(reply.status);
    f.error.message_ja = generic_message_ja(reply.status);
    read_error_body(reply.body, f.error);
    if (f.error.message_ja.empty()) f.error.message_ja = generic_message_ja(reply.status);
    if (f.error.message_en.empty()) f.error.message_en = generic_message_en(reply.status);
    if (f.kind == FailureKind::server_busy) {
        if (const auto ra = reply.header("retry-after"))
            f.retry_after = parse_retry_after(*ra, std::chrono::system_clock::now(), retry_after_cap);
    }
    return f;
}

}  // namespace madoguchi
