// Everything that belongs to the person at the kiosk right now. A new
// Session is made at every wipe; nothing in it survives to the next user.
#pragma once

#include <cstdint>
#include <string>

#include "kiosk/i18n/string_catalog.hpp"

namespace madoguchi {

enum class Mode { user, staff, technician };

struct Session {
    std::uint64_t serial = 0;        // increases with every new session (diagnostics, tests)
    Language language = Language::ja;
    Mode mode = Mode::user;
    std::string account_client_id;   // signed-in or just-registered account
    std::string display_name;
    std::string staff_id;            // staff mode only
};

}  // namespace madoguchi
