// RAII owners of libcurl handles (easy handle, header/recipient lists) and the
// once-only global init; shared by the kiosk's HTTP client and the server's SMTP relay.
#pragma once

#include <curl/curl.h>

#include <memory>
#include <mutex>
#include <stdexcept>

namespace madoguchi {

// curl_global_init is not thread-safe on every build; run it exactly once.
inline void ensure_curl_global() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw std::runtime_error("curl_global_init failed");
    });
}

struct CurlSlistDeleter {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
using CurlSlist = std::unique_ptr<curl_slist, CurlSlistDeleter>;

// Appends `item` to `list`; throws on allocation failure (a programming-level fault).
inline void curl_slist_push(CurlSlist& list, const char* item) {
    curl_slist* grown = curl_slist_append(list.get(), item);
    if (!grown) throw std::bad_alloc();
    list.release();
    list.reset(grown);
}

class CurlEasy {
public:
    CurlEasy() {
        ensure_curl_global();
        easy_ = curl_easy_init();
        if (!easy_) throw std::runtime_error("curl_easy_init failed");
    }
    ~CurlEasy() { curl_easy_cleanup(easy_); }
    CurlEasy(const CurlEasy&) = delete;
    CurlEasy& operator=(const CurlEasy&) = delete;
    CURL* get() const { return easy_; }

private:
    CURL* easy_ = nullptr;
};

}  // namespace madoguchi
