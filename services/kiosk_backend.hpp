// KioskBackend: what the kiosk opens at start-up behind its screens: the
// local store under the data directory, the sync engine on its worker
// thread, and the app services. Offline-first: opening never touches the
// network, and a server that is down only keeps rows pending.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "data/result.hpp"

namespace madoguchi {

class Store;
class SyncEngine;
class AccountService;
class PostalDirectory;
class ProfileService;

struct KioskBackendConfig {
    std::string data_dir;      // store.db, files/, device.key live here
    std::string server_url;    // platform server
    std::string device_token;  // enrolment token (empty: not enrolled yet)
    bool start_sync = true;    // false for deterministic scripted runs
    std::string dataset_dir;   // postal.bin etc. (empty or missing: no lookups)
};

class KioskBackend {
public:
    using PostToUi = std::function<void(std::function<void()>)>;
    // Opens the store (creating the data directory) and starts the sync
    // engine; `post_to_ui` is App::run_queue().post.
    static Result<std::unique_ptr<KioskBackend>> open(const KioskBackendConfig& config, PostToUi post_to_ui);
    ~KioskBackend();  // stops the workers before the store closes
    KioskBackend(const KioskBackend&) = delete;
    KioskBackend& operator=(const KioskBackend&) = delete;

    Store& store() { return *store_; }
    AccountService& accounts() { return *accounts_; }
    ProfileService& profiles() { return *profiles_; }

private:
    KioskBackend() = default;
    std::unique_ptr<Store> store_;
    std::unique_ptr<SyncEngine> sync_;
    std::unique_ptr<AccountService> accounts_;
    std::unique_ptr<PostalDirectory> postal_;
    std::unique_ptr<ProfileService> profiles_;
};

}  // namespace madoguchi
