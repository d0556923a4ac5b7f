// IdentityService: local status, server status on a worker thread.
#include "services/identity_service.hpp"

#include <chrono>
#include <memory>

#include "data/store/store.hpp"
#include "net/api_client.hpp"
#include "net/http_client.hpp"

namespace madoguchi {

IdentityStatusView summarize_documents(const std::vector<IdentityDocument>& docs, bool from_server) {
    IdentityStatusView v;
    v.from_server = from_server;
    if (docs.empty()) return v;
    const IdentityDocument& latest = docs.back();
    v.status = latest.status == VerificationStatus::not_submitted ? VerificationStatus::pending : latest.status;
    if (v.status == VerificationStatus::rejected) v.rejection_reason = latest.rejection_reason;
    return v;
}

IdentityService::IdentityService(Store& store, std::string server_url, std::string device_token, PostToUi post_to_ui)
    : IdentityService(store, std::move(server_url), std::make_shared<DeviceTokenSource>(std::move(device_token)),
                      std::move(post_to_ui)) {}

IdentityService::IdentityService(Store& store, std::string server_url, SharedDeviceToken device_token,
                                 PostToUi post_to_ui)
    : store_(store),
      server_url_(std::move(server_url)),
      device_token_(device_token ? std::move(device_token) : std::make_shared<DeviceTokenSource>()),
      post_(std::move(post_to_ui)) {}

IdentityService::~IdentityService() {
    stop_ = true;
    if (worker_.joinable()) worker_.join();
}

Result<IdentityStatusView> IdentityService::local_status(const std::string& account_id) {
    auto docs = store_.identity_documents().list(account_id);
    if (!docs) return docs.error();
    return summarize_documents(*docs, false);
}

bool IdentityService::fetch(const std::string& account_id, std::function<void(Result<IdentityStatusView>)> done) {
    if (account_id.empty()) return false;
    if (running_.exchange(true)) return false;
    if (worker_.joinable()) worker_.join();
    worker_ = std::thread([this, account_id, done = std::move(done)]() mutable {
        auto out = std::make_shared<Result<IdentityStatusView>>(
            Error{"net.offline", "", "サーバーに接続できません。この端末の最新の状態を表示しています。",
                  "The server cannot be reached. Showing the last state known on this kiosk."});
        if (!server_url_.empty()) {
            HttpClientConfig hc;
            hc.connect_timeout = std::chrono::milliseconds(5000);
            HttpClient http(hc, &stop_);
            ApiClient api(http, ApiClientConfig{server_url_, device_token_->token(), {}});
            auto r = api.list_identity_documents(account_id);
            if (r) {
                *out = summarize_documents(*r, true);
            } else if (r.failure().http_status != 0) {
                *out = Error{"identity.status_refused", "", "サーバーから状態を取得できませんでした。スタッフにお声がけください。",
                             "The server did not return the status. Please ask staff."};
            }
        }
        running_ = false;
        if (!stop_ && post_) post_([done = std::move(done), out] { done(*out); });
    });
    return true;
}

}  // namespace madoguchi
