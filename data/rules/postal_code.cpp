// Postal code normalization and display.
#include "data/rules/postal_code.hpp"

#include <algorithm>

#include "data/rules/rule_error.hpp"
#include "data/rules/text_field.hpp"
#include "data/text/char_classes.hpp"
#include "data/text/normalize.hpp"
#include "data/text/utf8.hpp"

namespace madoguchi {
namespace {

Error format_error(std::string_view field) {
    return rule_error("postal_code.format", field, "郵便番号は7桁の数字で入力してください（例：100-0001）。",
                      "Enter the postal code as 7 digits (e.g. 100-0001).");
}

bool all_digits(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Result<std::string> normalize_postal_code(std::string_view field, std::string_view input) {
    if (auto s = check_utf8(field, input); !s) return s.error();
    if (is_blank(input)) return check_required(field, input).error();
    std::string digits;
    for (char32_t c : nfkc_japanese(decode_utf8_lossy(input))) {
        if (is_ascii_digit(c)) {
            digits.push_back(static_cast<char>(c));
        } else if (c == U'〒' || c == U'〶' || is_hyphen_like(c) || is_space_char(c)) {
            continue;
        } else {
            return format_error(field);
        }
    }
    if (digits.size() != 7) return format_error(field);
    return digits;
}

Status check_postal_code(std::string_view field, std::string_view stored) {
    if (stored.size() == 7 && all_digits(stored)) return ok_status();
    return format_error(field);
}

std::string format_postal_code(std::string_view digits) {
    if (digits.size() != 7 || !all_digits(digits)) return std::string(digits);
    return std::string(digits.substr(0, 3)) + "-" + std::string(digits.substr(3));
}

}  // namespace madoguchi
