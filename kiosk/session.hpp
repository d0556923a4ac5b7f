// Everything that belongs to the person at the kiosk right now. A new
// Session is made at every wipe; nothing in it survives to the next user.
#pragma once

#include <cstdint>
#include <string>

#include "kiosk/i18n/string_catalog.hpp"

namespace madoguchi {

enum class Mode { user, staff, technician };

// What a social screen hands to the next one (worker search -> detail ->
// thread, contacts -> thread, teams -> team_edit). Ids only; the screens
// read the rest from SocialService.
struct SocialFocus {
    std::string worker_id;          // worker_detail, team invitation target
    std::string worker_name;        // shown while the card loads
    std::string thread_id;          // message_thread: empty = a new thread with worker_id
    std::string team_id;            // team_edit: empty = 新しくチームを作る
    bool open_invite = false;       // worker_detail opens チームに招待する at once
};

struct Session {
    std::uint64_t serial = 0;        // increases with every new session (diagnostics, tests)
    Language language = Language::ja;
    Mode mode = Mode::user;
    std::string account_client_id;   // signed-in or just-registered account
    std::string display_name;
    std::string staff_id;            // staff mode only
    SocialFocus social;              // 【1】–【4】 screens' hand-over
};

}  // namespace madoguchi
