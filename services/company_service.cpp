// CompanyService: server search off the UI thread, choose, register, logo.
#include "services/company_service.hpp"

#include <chrono>
#include <memory>
#include <span>

#include "data/imaging/image_codec.hpp"
#include "data/imaging/image_resize.hpp"
#include "data/rules/rule_error.hpp"
#include "data/rules/validate_records.hpp"
#include "data/store/store.hpp"
#include "data/text/char_classes.hpp"
#include "data/text/normalize.hpp"
#include "data/text/utf8.hpp"
#include "net/api_client.hpp"
#include "net/http_client.hpp"
#include "platform/camera/camera.hpp"

namespace madoguchi {
namespace {

constexpr int kLogoMaxSide = 512;  // a logo tile never needs more

Error offline_error() {
    return Error{"net.offline", "",
                 "サーバーに接続できないため、検索できません。新しい会社として登録すると、この端末に保存され、接続が戻ったときに送信されます。",
                 "The server cannot be reached, so searching is not possible. A company registered now is kept on "
                 "this kiosk and sent when the connection is back."};
}

}  // namespace

std::string company_name_key(std::string_view name) {
    const std::u32string norm = normalize_for_comparison(decode_utf8_lossy(name));
    std::u32string key;
    for (char32_t c : norm) {
        if (is_space_char(c)) continue;
        key.push_back(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return encode_utf8(key);
}

std::vector<Company> companies_with_same_name(const std::vector<Company>& known, std::string_view name) {
    std::vector<Company> out;
    const std::string key = company_name_key(name);
    if (key.empty()) return out;
    for (const Company& c : known)
        if (company_name_key(c.name) == key) out.push_back(c);
    return out;
}

CompanyService::CompanyService(Store& store, std::string server_url, std::string device_token, PostToUi post_to_ui)
    : CompanyService(store, std::move(server_url), std::make_shared<DeviceTokenSource>(std::move(device_token)),
                     std::move(post_to_ui)) {}

CompanyService::CompanyService(Store& store, std::string server_url, SharedDeviceToken device_token,
                               PostToUi post_to_ui)
    : store_(store), server_url_(std::move(server_url)),
      device_token_(device_token ? std::move(device_token) : std::make_shared<DeviceTokenSource>()),
      post_(std::move(post_to_ui)) {}

CompanyService::~CompanyService() {
    stop_ = true;
    join_worker();
    {
        std::lock_guard lock(logo_mutex_);
        logo_queue_.clear();
        local_logo_jobs_.clear();
    }
    logo_wake_.notify_all();
    if (logo_worker_.joinable()) logo_worker_.join();
}

void CompanyService::join_worker() {
    if (worker_.joinable()) worker_.join();
}

bool CompanyService::search(std::string query, std::function<void(CompanySearchOutcome)> done) {
    if (trim_spaces(query).empty()) return false;
    if (running_.exchange(true)) return false;
    join_worker();  // the previous task has finished (running_ was false)
    worker_ = std::thread([this, query = std::string(trim_spaces(query)), done = std::move(done)]() mutable {
        CompanySearchOutcome out;
        out.query = query;
        if (server_url_.empty()) {
            out.offline = true;
            out.error = offline_error();
        } else {
            HttpClientConfig hc;
            hc.connect_timeout = std::chrono::milliseconds(5000);
            HttpClient http(hc, &stop_);
            ApiClient api(http, ApiClientConfig{server_url_, device_token_->token(), {}});
            auto r = api.search_companies(query);
            if (r) {
                out.ok = true;
                out.companies = std::move(*r);
            } else if (r.failure().http_status == 0) {
                out.offline = true;
                out.error = offline_error();
            } else {
                out.error = r.error().message_ja.empty()
                                ? Error{"company.search_failed", "", "検索できませんでした。時間をおいてお試しください。",
                                        "The search failed. Please try again later."}
                                : r.error();
            }
        }
        auto deliver = std::make_shared<CompanySearchOutcome>(std::move(out));
        running_ = false;
        if (!stop_ && post_) post_([done = std::move(done), deliver] { done(*deliver); });
    });
    return true;
}

Result<std::vector<Company>> CompanyService::list(const std::string& owner) {
    return store_.companies().list(owner);
}

Result<Company> CompanyService::choose(const std::string& owner, const Company& found) {
    const std::string id = found.server_id.empty() ? found.meta.client_id : found.server_id;
    if (id.empty()) {
        return rule_error("company.no_server_id", "server_id", "この会社は選べません。もう一度検索してください。",
                          "This company cannot be chosen. Please search again.");
    }
    auto mine = store_.companies().list(owner);
    if (!mine) return mine.error();
    for (const Company& c : *mine)
        if (c.server_id == id || c.meta.client_id == id) return c;
    Company link = found;
    link.meta = RecordMeta{};
    link.meta.client_id = id;
    link.server_id = id;
    // The platform's logo is an upload on the server, not a file in this
    // kiosk's store: naming it here would make the repository refuse the
    // record (a file it does not hold) and the sync engine try to upload it.
    // The server keeps the stored logo when a PUT names none; the logo is
    // fetched by company id for display.
    link.logo_file_id.clear();
    auto saved = store_.companies().save(owner, std::move(link));
    if (saved && outbox_changed_) outbox_changed_();
    return saved;
}

CompanySaveOutcome CompanyService::register_company(const std::string& owner, Company typed) {
    CompanySaveOutcome out;
    typed.server_id.clear();
    Errors norm = normalize_company_fields(typed);
    Errors errs = validate_company(typed);
    // A field that failed to normalize is reported once, with the first message.
    for (Error& e : norm) {
        bool seen = false;
        for (const Error& v : errs) seen = seen || v.field == e.field;
        if (!seen) errs.push_back(std::move(e));
    }
    Errors merged;
    for (Error& e : errs) {
        bool seen = false;
        for (const Error& m : merged) seen = seen || (!e.field.empty() && m.field == e.field);
        if (!seen) merged.push_back(std::move(e));
    }
    if (!merged.empty()) {
        out.errors = std::move(merged);
        out.company = std::move(typed);
        return out;
    }
    auto saved = store_.companies().save(owner, std::move(typed));
    if (!saved) {
        out.errors.push_back(saved.error());
        return out;
    }
    out.company = std::move(*saved);
    if (outbox_changed_) outbox_changed_();
    return out;
}

Status CompanyService::remove(const std::string& owner, const std::string& client_id) {
    auto s = store_.companies().remove(owner, client_id);
    if (s && outbox_changed_) outbox_changed_();
    return s;
}

void CompanyService::fetch_logos(std::vector<std::string> company_ids, std::function<void(LogoThumbnail)> done) {
    {
        std::lock_guard lock(logo_mutex_);
        logo_queue_.clear();
        for (std::string& id : company_ids)
            if (!id.empty()) logo_queue_.push_back(std::move(id));
        logo_done_ = std::move(done);
        if (!logo_worker_.joinable()) logo_worker_ = std::thread([this] { logo_loop(); });
    }
    logo_wake_.notify_all();
}

namespace {
Result<Image> decode_logo(std::span<const std::uint8_t> bytes) {
    auto image = decode_image(bytes);
    if (!image) return Error{"company.logo_unreadable", "logo_file_id", "ロゴを表示できません。", "The logo cannot be shown."};
    return shrink_to_fit(*image, kLogoThumbnailSide);
}
}  // namespace

void CompanyService::local_logo_async(const std::string& owner, const std::string& file_id, LocalLogoDone done) {
    auto bytes = store_.files().read(file_id, owner);
    if (!bytes) {
        if (post_ && done) post_([done, file_id, e = bytes.error()] { done(file_id, e); });
        return;
    }
    {
        std::lock_guard lock(logo_mutex_);
        local_logo_jobs_.push_back({file_id, std::move(*bytes), std::move(done)});
        if (!logo_worker_.joinable()) logo_worker_ = std::thread([this] { logo_loop(); });
    }
    logo_wake_.notify_all();
}

void CompanyService::logo_loop() {
    for (;;) {
        std::string id;
        std::function<void(LogoThumbnail)> done;
        {
            std::unique_lock lock(logo_mutex_);
            logo_wake_.wait(lock, [&] { return stop_ || !logo_queue_.empty() || !local_logo_jobs_.empty(); });
            if (stop_) return;
            if (!local_logo_jobs_.empty()) {
                LocalLogoJob job = std::move(local_logo_jobs_.front());
                local_logo_jobs_.pop_front();
                lock.unlock();
                auto image = std::make_shared<Result<Image>>(decode_logo(job.bytes));
                if (stop_) return;
                if (post_ && job.done)
                    post_([done = std::move(job.done), file_id = job.file_id, image] { done(file_id, *image); });
                continue;
            }
            id = std::move(logo_queue_.front());
            logo_queue_.pop_front();
            done = logo_done_;
        }
        auto thumb = std::make_shared<LogoThumbnail>(fetch_logo(id));
        if (stop_) return;
        if (post_ && done) post_([done = std::move(done), thumb] { done(*thumb); });
    }
}

LogoThumbnail CompanyService::fetch_logo(const std::string& company_id) {
    LogoThumbnail out;
    out.company_id = company_id;
    // Platform ids are UUID-like; anything else never reaches a URL.
    if (server_url_.empty() || company_id.size() > 64 ||
        company_id.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") !=
            std::string::npos)
        return out;
    HttpClientConfig hc;
    hc.connect_timeout = std::chrono::milliseconds(5000);
    hc.max_response_bytes = 4u << 20;  // a logo, not a photo album
    HttpClient http(hc, &stop_);
    HttpRequest req;
    req.url = server_url_ + "/v1/companies/" + company_id + "/logo";
    req.headers.emplace_back("X-Device-Token", device_token_->token());
    const CachedLogo* cached = logo_cache_.find(company_id);
    if (cached) req.headers.emplace_back("If-None-Match", cached->etag);
    auto reply = http.perform(req);
    if (!reply) return out;
    if (reply->status == 304 && cached) {
        out.found = true;
        out.image = cached->image;
        return out;
    }
    if (reply->status != 200) return out;
    auto decoded = decode_image(std::span<const std::uint8_t>(
        reinterpret_cast<const std::uint8_t*>(reply->body.data()), reply->body.size()));
    if (!decoded) return out;
    out.found = true;
    out.image = shrink_to_fit(*decoded, kLogoThumbnailSide);
    if (auto etag = reply->header("etag")) logo_cache_.put(company_id, CachedLogo{std::string(*etag), out.image});
    return out;
}

Result<Image> CompanyService::local_logo(const std::string& owner, const std::string& file_id) {
    auto bytes = store_.files().read(file_id, owner);
    if (!bytes) return bytes.error();
    return decode_logo(*bytes);
}

bool CompanyService::capture_logo(const std::string& owner, std::function<void(LogoCaptureOutcome)> done) {
    if (!camera_) return false;
    if (running_.exchange(true)) return false;
    join_worker();
    worker_ = std::thread([this, owner, done = std::move(done)]() mutable {
        // Capture and encode here; the file store write (one small commit)
        // happens on the UI thread, which owns the store connection.
        auto encoded = std::make_shared<Result<std::vector<std::uint8_t>>>(
            Error{"camera.unavailable", "", "カメラを使えません。", "The camera cannot be used."});
        Status opened = camera_->open();
        if (opened) opened = camera_->start();
        if (!opened) {
            *encoded = opened.error();
        } else if (auto still = camera_->capture_still(); !still) {
            *encoded = still.error();
        } else {
            *encoded = encode_jpeg(shrink_to_fit(*still, kLogoMaxSide), 90);
        }
        camera_->stop();
        running_ = false;
        if (stop_ || !post_) return;
        post_([this, owner, encoded, done = std::move(done)] {
            LogoCaptureOutcome out;
            if (!*encoded) {
                out.error = encoded->error();
            } else if (auto id = store_.files().put(owner, **encoded); !id) {
                out.error = id.error();
            } else {
                out.ok = true;
                out.file_id = *id;
            }
            done(out);
        });
    });
    return true;
}

}  // namespace madoguchi
