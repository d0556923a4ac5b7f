// CompanyService (guide 【11】): search the platform by company name on a
// worker thread (results posted back to the UI queue), choose a found
// company or register a new one (normalize + validate, saved through the
// repository with its company.create outbox row), duplicate-name checks
// against the search results, the logo photographed by the camera and kept
// encrypted in the file store, and platform logos fetched as thumbnails on a
// logo worker (GET /v1/companies/{id}/logo, revalidated by ETag).
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "data/imaging/image.hpp"
#include "data/model/company.hpp"
#include "data/result.hpp"
#include "net/device_token_source.hpp"
#include "services/company_logo_cache.hpp"

namespace madoguchi {

class Store;
class Camera;

struct CompanySearchOutcome {
    std::string query;
    bool ok = false;
    bool offline = false;            // no reply from the server: say so, allow registering locally
    std::vector<Company> companies;  // name, address, logo id as the server stores them
    Error error;                     // what to show when !ok
};

struct CompanySaveOutcome {
    Errors errors;    // Error::field = Company member; empty = saved
    Company company;  // the stored copy
    bool ok() const { return errors.empty(); }
};

// A platform company's logo, decoded and shrunk for a list tile.
struct LogoThumbnail {
    std::string company_id;  // Company::server_id
    bool found = false;      // false: no logo, unreachable server or bytes that are not an image
    Image image;             // at most kLogoThumbnailSide on its long side
};
inline constexpr int kLogoThumbnailSide = 96;

struct LogoCaptureOutcome {
    bool ok = false;
    std::string file_id;  // encrypted in the file store, owned by the person
    Error error;
};

class CompanyService {
public:
    using PostToUi = std::function<void(std::function<void()>)>;

    // `server_url` may be empty (then every search reports offline at once).
    CompanyService(Store& store, std::string server_url, std::string device_token, PostToUi post_to_ui);
    // The running kiosk's: the token is read per request (it may arrive or change after start-up).
    CompanyService(Store& store, std::string server_url, SharedDeviceToken device_token, PostToUi post_to_ui);
    ~CompanyService();  // stops and joins a running search / capture
    CompanyService(const CompanyService&) = delete;
    CompanyService& operator=(const CompanyService&) = delete;

    // The logo camera (platform/camera); null = no camera in this kiosk.
    void set_camera(Camera* camera) { camera_ = camera; }
    bool camera_available() const { return camera_ != nullptr; }
    // Called after a row was queued (the sync engine sends it now).
    void set_outbox_hook(std::function<void()> hook) { outbox_changed_ = std::move(hook); }

    // GET /v1/companies?q= on a worker thread; `done` runs through post_to_ui.
    // An empty query or a second call while one runs is refused (false).
    bool search(std::string query, std::function<void(CompanySearchOutcome)> done);
    bool busy() const { return running_.load(); }

    // The companies this person has chosen or registered (oldest first).
    Result<std::vector<Company>> list(const std::string& owner);

    // Links the person to a company found on the platform: a local copy
    // carrying the platform's id (client_id = server_id, so the queued
    // company.create is the same company, never a second one). Choosing the
    // same company twice returns the first copy.
    Result<Company> choose(const std::string& owner, const Company& found);

    // Registers a new company (offline too: it waits in the outbox).
    CompanySaveOutcome register_company(const std::string& owner, Company typed);

    // Removes it from the person's list (the platform keeps shared companies).
    Status remove(const std::string& owner, const std::string& client_id);

    // Photographs the logo on a worker thread, then (on the UI thread, via
    // post_to_ui) encrypts it into the file store for `owner`.
    bool capture_logo(const std::string& owner, std::function<void(LogoCaptureOutcome)> done);

    // Queues these companies' logos (by server id) for the logo worker,
    // replacing what is still queued (the screen asks for what it shows).
    // Each answer goes to `done` through post_to_ui. A logo fetched before
    // is revalidated with If-None-Match and a 304 reuses the decoded copy.
    void fetch_logos(std::vector<std::string> company_ids, std::function<void(LogoThumbnail)> done);

    // The logo of a company registered on this kiosk (photographed here,
    // encrypted in the file store, readable only for its owner), decoded and
    // shrunk like the platform's. A small read: call it when a list loads,
    // not per frame.
    Result<Image> local_logo(const std::string& owner, const std::string& file_id);
    // The same, for a screen: the encrypted file is read here (the store's
    // connection belongs to the calling UI thread), the decode and shrink
    // run on the logo worker, and `done` gets the outcome through post_to_ui.
    using LocalLogoDone = std::function<void(const std::string& file_id, Result<Image>)>;
    void local_logo_async(const std::string& owner, const std::string& file_id, LocalLogoDone done);

private:
    void join_worker();
    void logo_loop();
    LogoThumbnail fetch_logo(const std::string& company_id);

    Store& store_;
    std::string server_url_;
    SharedDeviceToken device_token_;  // never null
    PostToUi post_;
    Camera* camera_ = nullptr;
    std::function<void()> outbox_changed_;
    std::atomic<bool> stop_{false};
    std::atomic<bool> running_{false};
    std::thread worker_;

    // Logo worker: its own thread, so a slow logo never blocks a search.
    std::mutex logo_mutex_;
    std::condition_variable logo_wake_;
    std::deque<std::string> logo_queue_;
    struct LocalLogoJob {
        std::string file_id;
        std::vector<std::uint8_t> bytes;  // the decrypted file
        LocalLogoDone done;
    };
    std::deque<LocalLogoJob> local_logo_jobs_;  // served before platform logos
    std::function<void(LogoThumbnail)> logo_done_;
    CompanyLogoCache logo_cache_;  // worker thread only
    std::thread logo_worker_;
};

// The key duplicate names are compared by: JAPAN.md's comparison
// normalization (full-width = half-width, ｶﾞ = ガ), then every space removed
// and ASCII lower-cased, so "ＡＢＣ 商事" and "abc商事" are the same name.
std::string company_name_key(std::string_view name);

// The companies in `known` whose name has the same key as `name`.
std::vector<Company> companies_with_same_name(const std::vector<Company>& known, std::string_view name);

}  // namespace madoguchi
