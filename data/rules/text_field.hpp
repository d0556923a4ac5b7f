// Rules every text field shares: valid UTF-8, required/optional, length in
// characters (never bytes), no control or invisible characters, nothing the
// kiosk UI cannot draw (outside the BMP: emoji, 𠮷).
#pragma once

#include <cstddef>
#include <string_view>

#include "data/result.hpp"

namespace madoguchi {

struct TextLimits {
    bool required = false;
    std::size_t max_chars = 0;  // 0 = no upper limit (only for values that have their own rule)
    std::size_t min_chars = 0;
    bool multiline = false;  // allows LF, CR and TAB
};

Status check_utf8(std::string_view field, std::string_view value);
// Blank (only white space, incl. U+3000) counts as missing.
Status check_required(std::string_view field, std::string_view value);
Status check_length(std::string_view field, std::string_view value, std::size_t min_chars,
                    std::size_t max_chars);
Status check_no_control_chars(std::string_view field, std::string_view value, bool multiline);
// Rejects what the UI cannot draw, with a message that does not echo the
// character itself (that would show tofu).
Status check_drawable(std::string_view field, std::string_view value);

// All of the above in that order; the first failure is returned.
// An empty optional value passes.
Status check_text(std::string_view field, std::string_view value, const TextLimits& limits);

bool is_blank(std::string_view value);

}  // namespace madoguchi
