// The 50音 grid's modifier keys: 濁点 (゛), 半濁点 (゜), 小 and the combined
// ゛゜小 key, applied to the last kana typed (か→が, は→ば→ぱ→は, つ→っ→づ→つ).
#pragma once

#include <optional>
#include <string>

namespace madoguchi::ime {

enum class KanaModifier {
    dakuten,     // か↔が, っ→づ, ぱ→ば
    handakuten,  // は↔ぱ, ば→ぱ
    small,       // つ↔っ, や↔ゃ, あ↔ぁ, わ↔ゎ, づ→っ
    cycle,       // one key: base → small → 濁点 → 半濁点 → base
};

// The modified kana, or nullopt when the modifier does not apply (ん, ま, a
// kanji…). Works on hiragana and katakana alike and keeps the script.
std::optional<char32_t> modify_kana(char32_t kana, KanaModifier modifier);

// Applies `modifier` to the last character of `text` in place. Returns false
// (text untouched) when `text` is empty or its last character cannot take it.
bool modify_last_kana(std::string& text, KanaModifier modifier);

}  // namespace madoguchi::ime
