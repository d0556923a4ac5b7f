// Slug normalization and reserved words.
#include "data/rules/slug.hpp"

#include <array>

#include "data/rules/rule_error.hpp"
#include "data/rules/text_field.hpp"
#include "data/text/char_classes.hpp"
#include "data/text/normalize.hpp"
#include "data/text/utf8.hpp"

namespace madoguchi {
namespace {

// Paths the platform's own pages use: a user, team or company must not
// shadow them.
constexpr std::array<std::string_view, 24> kReserved = {
    "admin",    "api",    "app",    "assets", "auth",   "help",     "kiosk",  "login",
    "logout",   "me",     "mypage", "new",    "null",   "register", "root",   "search",
    "settings", "signin", "signup", "staff",  "static", "support",  "system", "www"};

bool is_alnum(char32_t c) { return (c >= U'a' && c <= U'z') || is_ascii_digit(c); }

}  // namespace

Result<std::string> normalize_slug(std::string_view field, std::string_view input, const SlugLimits& limits) {
    if (auto s = check_text(field, input, TextLimits{true, 0, 0, false}); !s) return s.error();
    std::u32string text = map_dash_family(nfkc_japanese(decode_utf8_lossy(trim_spaces(input))));
    for (char32_t& c : text) {
        if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
        if (is_alnum(c)) continue;
        if (!limits.separators) {
            return rule_error("slug.characters", field, "半角の英字・数字だけで入力してください（記号・スペースは使えません）。",
                              "Use only letters a-z and digits 0-9 (no symbols or spaces).");
        }
        if (c != U'-' && c != U'_') {
            return rule_error("slug.characters", field, "半角の英字・数字（と - _）だけで入力してください。",
                              "Use only letters a-z, digits 0-9, '-' and '_'.");
        }
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool separator = !is_alnum(text[i]);
        if (separator && (i == 0 || i + 1 == text.size() || !is_alnum(text[i - 1]))) {
            return rule_error("slug.separator", field,
                              "「-」「_」は英数字の間にだけ使えます（先頭・末尾・連続は不可）。",
                              "'-' and '_' may only appear between letters or digits.");
        }
    }
    std::string slug = encode_utf8(text);
    if (slug.size() < limits.min_chars || slug.size() > limits.max_chars) {
        return rule_error("slug.length", field,
                          std::to_string(limits.min_chars) + "〜" + std::to_string(limits.max_chars) +
                              "文字で入力してください。",
                          "Use " + std::to_string(limits.min_chars) + " to " +
                              std::to_string(limits.max_chars) + " characters.");
    }
    for (std::string_view reserved : kReserved) {
        if (slug == reserved) {
            return rule_error("slug.reserved", field, "この名前は使えません。別の名前にしてください。",
                              "This name is reserved. Please choose another.");
        }
    }
    return slug;
}

Status check_slug(std::string_view field, std::string_view stored, const SlugLimits& limits) {
    auto normalized = normalize_slug(field, stored, limits);
    if (!normalized) return normalized.error();
    if (*normalized != stored) {
        return rule_error("slug.not_normalized", field, "半角小文字の英数字で保存します。",
                          "The value must be stored as lower-case half-width letters and digits.");
    }
    return ok_status();
}

}  // namespace madoguchi
