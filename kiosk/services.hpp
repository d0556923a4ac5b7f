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
};

}  // namespace madoguchi
