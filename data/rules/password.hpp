// Password strength rule: long enough, not guessable, typed with what the
// kiosk keyboard offers (half-width letters, digits and symbols).
#pragma once

#include <string_view>

#include "data/result.hpp"

namespace madoguchi {

inline constexpr std::size_t kPasswordMinChars = 8;
inline constexpr std::size_t kPasswordMaxChars = 128;

struct PasswordContext {
    std::string_view username;
    std::string_view email;
};

// First failing rule, with a message that says what to do:
// length 8–128, printable ASCII only, letters and digits both present,
// not one repeated character or a keyboard/number run, not a common
// password, not containing the username or the e-mail's local part.
Status check_password_strength(std::string_view field, std::string_view password,
                               const PasswordContext& context = {});

}  // namespace madoguchi
