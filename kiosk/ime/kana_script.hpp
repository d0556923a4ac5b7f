// Hiragana <-> katakana conversion for the keyboard's かな/カナ toggle and the
// romaji converter's katakana mode.
#pragma once

#include <string>
#include <string_view>

namespace madoguchi::ime {

enum class KanaScript { hiragana, katakana };

// Hiragana U+3041–3096 and ゝゞ become katakana; everything else is kept
// (ー, kanji, ASCII, katakana already).
char32_t to_katakana(char32_t cp);
// Katakana U+30A1–30F6 and ヽヾ become hiragana; ヷヸヹヺ (no hiragana) and
// everything else are kept.
char32_t to_hiragana(char32_t cp);

std::string to_katakana(std::string_view utf8);
std::string to_hiragana(std::string_view utf8);
std::string to_script(std::string_view utf8, KanaScript script);

bool is_hiragana(char32_t cp);
bool is_katakana(char32_t cp);

}  // namespace madoguchi::ime
