// Whole number parsing and range checks.
#include "data/rules/number.hpp"

#include <cstdint>
#include <string>

#include "data/rules/rule_error.hpp"
#include "data/rules/text_field.hpp"
#include "data/text/char_classes.hpp"
#include "data/text/normalize.hpp"
#include "data/text/utf8.hpp"

namespace madoguchi {

namespace {
Error range_error(std::string_view field, std::int64_t min, std::int64_t max) {
    return rule_error("number.range", field,
                      std::to_string(min) + "から" + std::to_string(max) + "までの数で入力してください。",
                      "Enter a number from " + std::to_string(min) + " to " + std::to_string(max) + ".");
}
}  // namespace

Status check_range(std::string_view field, std::int64_t value, std::int64_t min, std::int64_t max) {
    if (value >= min && value <= max) return ok_status();
    return range_error(field, min, max);
}

Result<std::int64_t> parse_whole_number(std::string_view field, std::string_view input, std::int64_t min,
                                        std::int64_t max) {
    if (auto s = check_utf8(field, input); !s) return s.error();
    if (is_blank(input)) return check_required(field, input).error();
    const std::u32string text = nfkc_japanese(decode_utf8_lossy(trim_spaces(input)));
    std::int64_t value = 0;
    bool overflow = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t c = text[i];
        if (c == U',' && i > 0 && i + 1 < text.size() && is_ascii_digit(text[i - 1]) &&
            is_ascii_digit(text[i + 1]))
            continue;
        if (!is_ascii_digit(c)) {
            return rule_error("number.format", field, "半角または全角の数字だけで入力してください。",
                              "Enter digits only.");
        }
        if (value > (INT64_MAX - 9) / 10)
            overflow = true;
        else
            value = value * 10 + (c - U'0');
    }
    if (overflow) return range_error(field, min, max);
    if (auto s = check_range(field, value, min, max); !s) return s.error();
    return value;
}

}  // namespace madoguchi
