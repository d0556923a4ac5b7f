// The common romaji → kana table (MS-IME / Google 日本語入力 conventions, as
// JAPAN.md "Romaji input" describes): exact keys and prefix queries for the
// streaming converter's longest-prefix matching.
#pragma once

#include <optional>
#include <string_view>

namespace madoguchi::ime {

// Hiragana (or punctuation) for an exact romaji key ("kya" → "きゃ").
// Keys are lower-case ASCII.
std::optional<std::string_view> romaji_to_kana(std::string_view key);

// True when some key is strictly longer than `prefix` and starts with it
// ("ky" → true, "kya" → false), i.e. more input could still match.
bool romaji_key_continues(std::string_view prefix);

}  // namespace madoguchi::ime
