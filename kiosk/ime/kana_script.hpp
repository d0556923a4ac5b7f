// The keyboard's かな/カナ script. The conversions themselves are data/text's
// (data/text/kana.hpp): one rule for the IME and the validators alike.
#pragma once

#include <string>
#include <string_view>

#include "data/text/char_classes.hpp"
#include "data/text/kana.hpp"

namespace madoguchi::ime {

enum class KanaScript { hiragana, katakana };

inline std::string to_script(std::string_view utf8, KanaScript script) {
    return script == KanaScript::katakana ? hiragana_to_katakana(utf8) : katakana_to_hiragana(utf8);
}

// The names kiosk/ui (onscreen_keyboard) and kiosk/testing (ui_driver) still
// call; they only forward to data/text. Callers can use data/text directly.
using madoguchi::is_hiragana;
inline bool is_katakana(char32_t c) { return is_fullwidth_katakana(c); }
inline char32_t to_katakana(char32_t c) { return hiragana_to_katakana(c); }
inline char32_t to_hiragana(char32_t c) { return katakana_to_hiragana(c); }
inline std::string to_katakana(std::string_view utf8) { return hiragana_to_katakana(utf8); }
inline std::string to_hiragana(std::string_view utf8) { return katakana_to_hiragana(utf8); }

}  // namespace madoguchi::ime
