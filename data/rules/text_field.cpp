// Text field rules shared by every form field.
#include "data/rules/text_field.hpp"

#include <string>

#include "data/rules/rule_error.hpp"
#include "data/text/char_classes.hpp"
#include "data/text/utf8.hpp"

namespace madoguchi {

bool is_blank(std::string_view value) { return trim_spaces(value).empty(); }

Status check_utf8(std::string_view field, std::string_view value) {
    if (is_valid_utf8(value)) return ok_status();
    return rule_error("text.invalid_utf8", field, "文字を正しく読み取れませんでした。入力し直してください。",
                      "The text contains invalid characters (not UTF-8). Please enter it again.");
}

Status check_required(std::string_view field, std::string_view value) {
    if (!is_blank(value)) return ok_status();
    return rule_error("text.required", field, "入力してください。", "Please fill in this field.");
}

Status check_length(std::string_view field, std::string_view value, std::size_t min_chars,
                    std::size_t max_chars) {
    const std::size_t n = count_code_points(value);
    if (max_chars != 0 && n > max_chars) {
        return rule_error(
            "text.too_long", field,
            std::to_string(max_chars) + "文字以内で入力してください（いま" + std::to_string(n) + "文字）。",
            "Use at most " + std::to_string(max_chars) + " characters (now " + std::to_string(n) + ").");
    }
    if (n < min_chars) {
        return rule_error("text.too_short", field, std::to_string(min_chars) + "文字以上で入力してください。",
                          "Use at least " + std::to_string(min_chars) + " characters.");
    }
    return ok_status();
}

Status check_no_control_chars(std::string_view field, std::string_view value, bool multiline) {
    for (char32_t c : decode_utf8_lossy(value)) {
        const bool line_break = c == U'\n' || c == U'\r' || c == U'\t';
        if (is_control_char(c) && !(multiline && line_break)) {
            if (line_break) {
                return rule_error("text.line_break", field, "この欄では改行やタブは使えません。",
                                  "Line breaks and tabs are not allowed in this field.");
            }
            return rule_error("text.control_char", field,
                              "使えない制御文字が含まれています（" + code_point_label(c) + "）。",
                              "The text contains a control character (" + code_point_label(c) + ").");
        }
        if (is_invisible_format_char(c)) {
            return rule_error(
                "text.invisible_char", field,
                "見えない文字（ゼロ幅スペースなど）が含まれています（" + code_point_label(c) + "）。",
                "The text contains an invisible formatting character (" + code_point_label(c) + ").");
        }
    }
    return ok_status();
}

Status check_drawable(std::string_view field, std::string_view value) {
    for (char32_t c : decode_utf8_lossy(value)) {
        if (is_undrawable_char(c)) {
            return rule_error("text.undrawable_char", field,
                              "この端末で表示できない文字（絵文字や一部の特殊な漢字など）が含まれています。"
                              "別の文字に置き換えてください（" +
                                  code_point_label(c) + "）。",
                              "The text contains a character this kiosk cannot display (emoji or a rare "
                              "kanji, " +
                                  code_point_label(c) + "). Please replace it.");
        }
    }
    return ok_status();
}

Status check_text(std::string_view field, std::string_view value, const TextLimits& limits) {
    if (auto s = check_utf8(field, value); !s) return s;
    if (is_blank(value)) {
        if (limits.required) return check_required(field, value);
        if (value.empty()) return ok_status();
    }
    if (auto s = check_no_control_chars(field, value, limits.multiline); !s) return s;
    if (auto s = check_drawable(field, value); !s) return s;
    return check_length(field, value, limits.min_chars, limits.max_chars);
}

}  // namespace madoguchi
