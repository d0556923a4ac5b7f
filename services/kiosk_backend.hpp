// KioskBackend: what the kiosk opens at start-up behind its screens: the
// local store under the data directory, the sync engine on its worker
// thread, and the app services. Offline-first: opening never touches the
// network, and a server that is down only keeps rows pending.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "data/result.hpp"
#include "net/device_token_source.hpp"
#include "services/device_enrolment.hpp"

namespace madoguchi {

class Store;
class SyncEngine;
class AccountService;
class PostalDirectory;
class ProfileService;
class StaffService;
class IdentityService;
class Scanner;
class Camera;
class CompanyService;
class BankAccountService;
class BankDirectory;
class SectionServices;
class NdaService;
class MyPageService;
class DeviceEnrolment;
class EnrolledSync;
class LocalGovDirectory;
class SocialService;

struct KioskBackendConfig {
    std::string data_dir;      // store.db, files/, device.key live here
    std::string server_url;    // platform server
    std::string device_token;  // enrolment token (empty: not enrolled yet)
    bool start_sync = true;    // false for deterministic scripted runs
    std::string dataset_dir;   // postal.bin etc. (empty or missing: no lookups)
    std::string suggestions_dir;  // skills.json, qualifications.json (missing: no suggestions)
    // Staff capture sources: SANE scanners are always looked for; the camera
    // is a V4L2 device path, "file:DIR" (FileCamera replaying DIR), or empty.
    std::string camera_source;
    std::string nda_dir;  // manifest.json + one folder per NDA version (empty: no NDA texts)
    // Device enrolment (services/device_enrolment.hpp): used when
    // device_token is empty and none is stored for server_url.
    std::string kiosk_id;
    std::string enrollment_code;
    std::string tls_pinned_public_key;
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
    StaffService& staff() { return *staff_; }
    IdentityService& identity() { return *identity_; }
    CompanyService& companies() { return *companies_; }
    BankAccountService& bank_accounts() { return *bank_accounts_; }
    SectionServices& sections() { return *sections_; }
    NdaService& nda() { return *nda_; }
    MyPageService& my_page() { return *my_page_; }
    SocialService& social() { return *social_; }
    // Null when the device token was known at start-up (given or stored)
    // and has not been refused since.
    DeviceEnrolment* enrolment() { return enrolment_.get(); }
    // The token every service reads per request ("" while not enrolled).
    const SharedDeviceToken& device_token() const { return device_token_; }

private:
    KioskBackend() = default;
    void start_enrolment(bool replace_stored, std::chrono::milliseconds delay);
    // The server answered 401 to the device token (UI thread): drop it and
    // enrol again off the UI thread, with backoff; queued rows wait.
    void reenrol();

    std::shared_ptr<int> alive_ = std::make_shared<int>(0);  // posted answers check it
    SharedDeviceToken device_token_;
    PostToUi post_;
    DeviceEnrolmentConfig enrolment_config_;
    std::function<Result<std::unique_ptr<Store>>()> open_worker_store_;
    bool can_enrol_ = false;
    bool reenrolling_ = false;
    int reenrolments_in_row_ = 0;
    std::unique_ptr<Store> store_;
    // The sync engine, built once the device token is known (at open when
    // stored, else when enrolment answers); hooks go through it meanwhile.
    std::unique_ptr<EnrolledSync> sync_;
    std::unique_ptr<DeviceEnrolment> enrolment_;
    std::unique_ptr<AccountService> accounts_;
    std::unique_ptr<PostalDirectory> postal_;
    std::unique_ptr<LocalGovDirectory> local_gov_;  // localgov.bin (null: missing)
    std::unique_ptr<ProfileService> profiles_;
    std::unique_ptr<Scanner> scanner_;  // null when SANE cannot start
    std::unique_ptr<Camera> camera_;    // null when none is configured
    std::unique_ptr<StaffService> staff_;
    std::unique_ptr<IdentityService> identity_;
    std::unique_ptr<CompanyService> companies_;
    std::unique_ptr<BankDirectory> banks_;  // banks.bin from the data set dir (null: missing)
    std::unique_ptr<BankAccountService> bank_accounts_;
    std::unique_ptr<SectionServices> sections_;
    std::unique_ptr<NdaService> nda_;
    std::unique_ptr<MyPageService> my_page_;
    std::unique_ptr<SocialService> social_;  // 【1】–【4】 workers, messages, teams
};

}  // namespace madoguchi
