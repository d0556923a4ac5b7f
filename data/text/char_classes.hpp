// Character classes the rules need: control and invisible characters,
// characters the kiosk UI cannot draw, kana, digits and white space.
#pragma once

#include <string>
#include <string_view>

namespace madoguchi {

// C0 controls (incl. NUL, TAB, LF, CR), DEL and C1 controls.
bool is_control_char(char32_t c);

// Zero-width and bidirectional formatting characters: invisible on screen,
// so they could make two different values look the same (spoofing).
bool is_invisible_format_char(char32_t c);

// Dear ImGui 1.86 as packaged has 16-bit ImWchar: nothing outside the Basic
// Multilingual Plane can be drawn (emoji, 𠮷). Private-use characters and
// noncharacters have no glyph in Noto Sans CJK either; all of these would
// show as tofu.
bool is_outside_bmp(char32_t c);
bool is_undrawable_char(char32_t c);

bool is_hiragana(char32_t c);            // U+3041–U+3096, ゝゞ
bool is_fullwidth_katakana(char32_t c);  // U+30A1–U+30FA, ー, ヽヾ
bool is_halfwidth_katakana(char32_t c);  // U+FF66–U+FF9F (ｦ…ﾟ, incl. ｰ)
bool is_kana(char32_t c);                // any of the three above
bool is_ascii_digit(char32_t c);
bool is_fullwidth_digit(char32_t c);  // ０–９
bool is_ascii_alpha(char32_t c);

// ASCII white space, U+3000 ideographic space, NBSP and the U+2000 spaces.
bool is_space_char(char32_t c);

// Strips leading and trailing white space (as is_space_char) from UTF-8.
std::string_view trim_spaces(std::string_view utf8);
std::u32string_view trim_spaces(std::u32string_view text);

// "U+1F600" style name used in messages and logs.
std::string code_point_label(char32_t c);

}  // namespace madoguchi
