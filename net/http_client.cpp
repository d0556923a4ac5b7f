// libcurl easy-handle wrapper: safe defaults (TLS always verified, no
// redirects, no signals), stall detection, stop-flag aborts, keep-alive reuse.
#include "net/http_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "net/curl_handle.hpp"

namespace madoguchi {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

struct TransferState {
    HttpResponse* response = nullptr;
    const std::atomic<bool>* stop = nullptr;
    std::size_t max_body = 0;
    bool body_too_large = false;
};

size_t on_body(char* data, size_t size, size_t nmemb, void* user) {
    auto* st = static_cast<TransferState*>(user);
    const size_t n = size * nmemb;
    if (st->response->body.size() + n > st->max_body) {
        st->body_too_large = true;
        return 0;  // makes curl fail with CURLE_WRITE_ERROR
    }
    st->response->body.append(data, n);
    return n;
}

size_t on_header(char* data, size_t size, size_t nmemb, void* user) {
    auto* st = static_cast<TransferState*>(user);
    const size_t n = size * nmemb;
    std::string_view line(data, n);
    if (line.rfind("HTTP/", 0) == 0) {
        st->response->headers.clear();  // a new response (e.g. after 100 Continue)
        return n;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) return n;
    st->response->headers.emplace_back(lower(trim(line.substr(0, colon))),
                                       std::string(trim(line.substr(colon + 1))));
    return n;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    auto* st = static_cast<TransferState*>(user);
    return (st->stop && st->stop->load(std::memory_order_relaxed)) ? 1 : 0;
}

Failure transport_failure(CURLcode code, const char* errbuf) {
    Failure f;
    std::string detail = errbuf[0] ? errbuf : curl_easy_strerror(code);
    switch (code) {
        case CURLE_ABORTED_BY_CALLBACK:
            f.kind = FailureKind::aborted;
            f.error = {"net.aborted", "", "送信を中断しました。", "Transfer aborted: " + detail};
            return f;
        case CURLE_OPERATION_TIMEDOUT: {
            f.kind = FailureKind::timeout;
            const bool stalled = detail.find("too slow") != std::string::npos;
            f.error = {stalled ? "net.stalled" : "net.timeout", "",
                       stalled ? "通信が止まったため中断しました。しばらくして再送します。"
                               : "サーバーが応答しません。しばらくして再送します。",
                       (stalled ? "Transfer stalled: " : "Timed out: ") + detail};
            return f;
        }
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_CRL_BADFILE:
        case CURLE_USE_SSL_FAILED:
        case CURLE_SSL_ENGINE_NOTFOUND:
        case CURLE_SSL_ENGINE_SETFAILED:
        case CURLE_SSL_ENGINE_INITFAILED:
            f.kind = FailureKind::tls;
            f.error = {code == CURLE_SSL_PINNEDPUBKEYNOTMATCH ? "net.tls_pin" : "net.tls", "",
                       "サーバーの証明書を確認できません。技術担当者に連絡してください。",
                       "The server's certificate was refused: " + detail};
            return f;
        default:
            f.kind = FailureKind::transport;
            f.error = {"net.transport", "", "サーバーに接続できません。しばらくして再送します。",
                       "Network error: " + detail};
            return f;
    }
}

}  // namespace

struct HttpClient::Handle {
    CurlEasy easy;
};

std::optional<std::string_view> HttpResponse::header(std::string_view lower_name) const {
    for (const auto& [name, value] : headers)
        if (name == lower_name) return std::string_view(value);
    return std::nullopt;
}

HttpClient::HttpClient(HttpClientConfig config, const std::atomic<bool>* stop)
    : config_(std::move(config)), stop_(stop), handle_(std::make_unique<Handle>()) {}

HttpClient::~HttpClient() = default;

NetResult<HttpResponse> HttpClient::perform(const HttpRequest& request) {
    CURL* h = handle_->easy.get();
    // Reset options but keep the live connection, DNS and TLS session caches.
    curl_easy_reset(h);
    HttpResponse response;
    TransferState st{&response, stop_, config_.max_response_bytes};
    char errbuf[CURL_ERROR_SIZE] = {0};

    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(config_.connect_timeout.count()));
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, config_.low_speed_limit_bytes_per_s);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, static_cast<long>(config_.low_speed_time.count()));
    curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!config_.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, config_.ca_file.c_str());
    if (!config_.pinned_public_keys.empty())
        curl_easy_setopt(h, CURLOPT_PINNEDPUBLICKEY, config_.pinned_public_keys.c_str());
    curl_easy_setopt(h, CURLOPT_USERAGENT, config_.user_agent.c_str());
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &st);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &st);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, &st);

    const std::string& m = request.method;
    const bool sends_body = (m == "POST" || m == "PUT" || m == "PATCH" || !request.body.empty());
    if (m == "GET") {
        curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    } else if (m == "HEAD") {
        curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
    } else {
        if (m == "POST")
            curl_easy_setopt(h, CURLOPT_POST, 1L);
        else
            curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, m.c_str());
    }
    if (sends_body) {
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
    }

    CurlSlist headers;
    bool has_content_type = false;
    auto add = [&](const std::string& line) { curl_slist_push(headers, line.c_str()); };
    for (const auto& [name, value] : request.headers) {
        if (lower(name) == "content-type") has_content_type = true;
        add(name + ": " + value);
    }
    if (sends_body && !has_content_type) add("Content-Type: application/json");
    add("Expect:");  // no 100-continue round trip on PATCH chunks
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());

    const CURLcode rc = curl_easy_perform(h);
    curl_off_t uploaded = 0;
    curl_easy_getinfo(h, CURLINFO_SIZE_UPLOAD_T, &uploaded);
    last_bytes_uploaded_ = uploaded;
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, nullptr);
    if (rc != CURLE_OK) {
        if (st.body_too_large) {
            Failure f;
            f.kind = FailureKind::malformed_reply;
            f.error = {"net.reply_too_large", "", "サーバーの応答が大きすぎます。",
                       "The server's reply exceeded the size limit."};
            return f;
        }
        return transport_failure(rc, errbuf);
    }
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    response.status = status;
    return response;
}

}  // namespace madoguchi
