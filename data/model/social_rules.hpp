// Input rules of the social writes (messages, teams, invitations), shared by
// the kiosk (before queuing) and the server (before storing): lengths,
// required values, no control or undrawable characters, the team slug rule.
// Built only on data/rules' text and slug rules; header-only so both sides
// use it without a new library (it would sit in data/rules if that folder
// were this feature's).
#pragma once

#include <cstddef>
#include <string>

#include "data/result.hpp"
#include "data/rules/slug.hpp"
#include "data/rules/text_field.hpp"

namespace madoguchi::social_rules {

inline constexpr std::size_t kMessageTextMax = 2000;
inline constexpr std::size_t kTeamNameMax = 50;
inline constexpr std::size_t kTeamDescriptionMax = 2000;
inline constexpr std::size_t kInvitationCommentMax = 500;
inline constexpr std::size_t kSearchTextMax = 50;

inline void collect(Errors& out, const Status& s) {
    if (!s) out.push_back(s.error());
}

inline Errors check_message_text(const std::string& text) {
    Errors e;
    collect(e, check_text("text", text, TextLimits{true, kMessageTextMax, 0, true}));
    return e;
}

// Normalizes `slug` in place (full-width, upper case) when it is valid.
inline Errors check_team(std::string& slug, const std::string& name, const std::string& description) {
    Errors e;
    auto normalized = normalize_slug("url_slug", slug, kTeamSlugLimits);
    if (normalized) slug = *normalized;
    else e.push_back(normalized.error());
    collect(e, check_text("name", name, TextLimits{true, kTeamNameMax, 0, false}));
    collect(e, check_text("description", description, TextLimits{false, kTeamDescriptionMax, 0, true}));
    return e;
}

inline Errors check_invitation_comment(const std::string& comment) {
    Errors e;
    collect(e, check_text("comment", comment, TextLimits{false, kInvitationCommentMax, 0, true}));
    return e;
}

inline Status check_search_text(const char* field, const std::string& text) {
    return check_text(field, text, TextLimits{false, kSearchTextMax, 0, false});
}

}  // namespace madoguchi::social_rules
