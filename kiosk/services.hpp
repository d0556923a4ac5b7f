// The application services screens may call (they never open SQLite or curl
// themselves). main() wires the real ones; tests wire the same real ones on
// temporary directories.
#pragma once

#include <functional>
#include <string>

#include "data/result.hpp"
#include "kiosk/config.hpp"
#include "kiosk/fonts/font_set.hpp"
#include "kiosk/pin_check.hpp"

namespace madoguchi {

class AccountService;  // services/account_service.hpp (madoguchi_services)
class ProfileService;  // services/profile_service.hpp
class NdaService;      // services/nda_service.hpp
class MyPageService;   // services/my_page_service.hpp
class StaffService;     // services/staff_service.hpp
class IdentityService;  // services/identity_service.hpp
class CompanyService;      // services/company_service.hpp
class BankAccountService;  // services/bank_account_service.hpp
class SectionServices;     // services/section_service.hpp
class SocialService;       // services/social_service.hpp

struct Services {
    KioskConfig* config = nullptr;        // the running configuration
    std::string config_path;              // where technician changes are saved
    const FontSet* fonts = nullptr;       // diagnostics
    // Applies and persists a changed configuration (technician settings).
    std::function<Status(const KioskConfig&)> save_config;
    // Whether a screen exists in this build (the home menu lists only those).
    std::function<bool(int screen_id)> screen_available;
    // Lockouts live as long as the app, not the session: waiting for the idle
    // wipe must not reset the count of wrong PINs.
    PinLockout staff_lockout;
    PinLockout technician_lockout;
    // Sign-up / sign-in / sign-out (null in builds or tests without a store).
    AccountService* accounts = nullptr;
    // The profile form's load / validate / save and postal lookups.
    ProfileService* profiles = nullptr;
    // NDA texts, agreement state and the agreement itself (【14】).
    NdaService* nda = nullptr;
    // My page: completeness and sync state per section.
    MyPageService* my_page = nullptr;
    // 【13】 staff mode: registrants, capture, masking, submission, audit log.
    StaffService* staff = nullptr;
    // 【13】 the signed-in user's identity-document status.
    IdentityService* identity = nullptr;
    // 【11】 company search / choose / register.
    CompanyService* companies = nullptr;
    // 【12】 bank account lookups, check, save, delete.
    BankAccountService* bank_accounts = nullptr;
    // 【7】–【10】 skills, qualifications, career, hobbies (+ their suggestion lists).
    SectionServices* sections = nullptr;
    // 【1】–【4】 worker search, follows, contacts, messages, teams, invitations.
    SocialService* social = nullptr;
    // The idle wipe and sign-out end a signed-in person's session: this ends
    // their store session too (AccountService::sign_out purges what is settled).
    // Called with the account's client id; empty function = nothing to end.
    std::function<void(const std::string& account_client_id)> on_session_end;
};

}  // namespace madoguchi
