// IdentityService: the signed-in user's identity-document status
// (未提出 / 確認待ち / 確認済み / 再提出が必要 with the reason) — the last
// known local state at once, then the server's answer fetched on a worker
// thread when the kiosk is online.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <thread>

#include "data/model/identity_document.hpp"
#include "data/result.hpp"
#include "net/device_token_source.hpp"

namespace madoguchi {

class Store;

struct IdentityStatusView {
    VerificationStatus status = VerificationStatus::not_submitted;
    std::string rejection_reason;   // when rejected: what to bring next time
    bool from_server = false;       // false: last known state on this kiosk
};

// The status a list of documents adds up to: the latest decides.
IdentityStatusView summarize_documents(const std::vector<IdentityDocument>& docs, bool from_server);

class IdentityService {
public:
    using PostToUi = std::function<void(std::function<void()>)>;

    // `server_url` empty: offline kiosk (only the local state is shown).
    IdentityService(Store& store, std::string server_url, std::string device_token, PostToUi post_to_ui);
    // The running kiosk's: the token is read per request (it may arrive or change after start-up).
    IdentityService(Store& store, std::string server_url, SharedDeviceToken device_token, PostToUi post_to_ui);
    ~IdentityService();  // stops and joins a running fetch
    IdentityService(const IdentityService&) = delete;
    IdentityService& operator=(const IdentityService&) = delete;

    // What this kiosk knows (a document still on it is waiting for its check).
    Result<IdentityStatusView> local_status(const std::string& account_id);
    // Asks the server on a worker thread; `done` runs through post_to_ui with
    // the server's view, or an Error (offline, refused) — the screen then
    // keeps the local state. A second call while one runs returns false.
    bool fetch(const std::string& account_id, std::function<void(Result<IdentityStatusView>)> done);
    bool fetching() const { return running_.load(); }

private:
    Store& store_;
    std::string server_url_;
    SharedDeviceToken device_token_;  // never null
    PostToUi post_;
    std::atomic<bool> stop_{false};
    std::atomic<bool> running_{false};
    std::thread worker_;
};

}  // namespace madoguchi
