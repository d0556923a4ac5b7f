// HttpClient: one libcurl easy handle, owned and used by one worker thread,
// reused across requests so the connection stays alive (keep-alive).
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "net/failure.hpp"

namespace madoguchi {

struct HttpClientConfig {
    std::chrono::milliseconds connect_timeout{5000};
    // A transfer slower than low_speed_limit bytes/s for low_speed_time is
    // aborted as stalled (slow-loris server, dead link that never resets).
    long low_speed_limit_bytes_per_s = 512;
    std::chrono::seconds low_speed_time{15};
    std::string ca_file;  // empty = system trust store; verification is never off
    // Optional public-key pins, primary + backup: "sha256//A=;sha256//B=".
    std::string pinned_public_keys;
    std::size_t max_response_bytes = 64u << 20;  // a hostile server cannot fill our memory
    std::chrono::milliseconds retry_after_cap{std::chrono::minutes(10)};
    std::string user_agent = "madoguchi-kiosk/1";
};

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
    std::string method = "GET";  // GET, HEAD, POST, PUT, PATCH, DELETE
    std::string url;
    HttpHeaders headers;
    std::string body;  // sent as is; PATCH chunks are at most a few MiB
};

struct HttpResponse {
    long status = 0;
    HttpHeaders headers;  // names lower-cased
    std::string body;

    std::optional<std::string_view> header(std::string_view lower_name) const;
    bool success() const { return status >= 200 && status < 300; }
};

class HttpClient {
public:
    // `stop` (optional) is polled during every transfer; when it turns true
    // the transfer is aborted within about a second (FailureKind::aborted).
    explicit HttpClient(HttpClientConfig config, const std::atomic<bool>* stop = nullptr);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // Any HTTP reply (including 4xx/5xx) is a value; only transport-level
    // failures (no complete reply) are a Failure. classify_http_reply()
    // turns a non-2xx reply into a Failure.
    NetResult<HttpResponse> perform(const HttpRequest& request);

    const HttpClientConfig& config() const { return config_; }
    // Bytes of request body actually handed to the socket by the last
    // perform() (tests check that a refused TLS peer never saw a body).
    long long last_bytes_uploaded() const { return last_bytes_uploaded_; }

private:
    struct Handle;
    HttpClientConfig config_;
    const std::atomic<bool>* stop_;
    std::unique_ptr<Handle> handle_;
    long long last_bytes_uploaded_ = 0;
};

}  // namespace madoguchi
