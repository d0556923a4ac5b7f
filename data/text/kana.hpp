// Kana conversions: hiragana <-> katakana, half-width <-> full-width katakana,
// and composition of voiced/semi-voiced sound marks (か + ゛ -> が).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace madoguchi {

// か+゛ -> が, ハ+゜ -> パ, ウ+゛ -> ヴ … for the spacing marks U+309B/U+309C,
// the combining marks U+3099/U+309A and the half-width ﾞ/ﾟ. nullopt when the
// pair has no precomposed form.
std::optional<char32_t> compose_voiced(char32_t base, char32_t mark);
bool is_voiced_mark(char32_t c);       // ゛ U+309B, U+3099, ﾞ U+FF9E
bool is_semi_voiced_mark(char32_t c);  // ゜ U+309C, U+309A, ﾟ U+FF9F

// ぁ–ゖ, ゝゞ -> ァ–ヶ, ヽヾ (ゔ -> ヴ). Everything else is kept. Also the
// keyboard's かな/カナ toggle and the romaji converter's katakana mode.
char32_t hiragana_to_katakana(char32_t c);
std::u32string hiragana_to_katakana(std::u32string_view text);
std::string hiragana_to_katakana(std::string_view utf8);
// ァ–ヶ, ヽヾ -> ぁ–ゖ, ゝゞ. ヷヸヹヺ have no hiragana and are kept.
char32_t katakana_to_hiragana(char32_t c);
std::u32string katakana_to_hiragana(std::u32string_view text);
std::string katakana_to_hiragana(std::string_view utf8);

// ｶﾞ -> ガ, ｱ -> ア, ｰ -> ー, ｡｢｣､･ -> 。「」、・. A stray ﾞ/ﾟ becomes the
// spacing ゛/゜ so nothing invisible is produced.
std::u32string halfwidth_to_fullwidth_kana(std::u32string_view text);
std::string halfwidth_to_fullwidth_kana(std::string_view utf8);
// ガ -> ｶﾞ, ア -> ｱ, ー -> ｰ, 。「」、・ -> ｡｢｣､･, ゛゜ -> ﾞﾟ. Katakana without a
// half-width form (ヮヰヱヵヶ, ヸヹ) are kept.
std::u32string fullwidth_to_halfwidth_kana(std::u32string_view text);
std::string fullwidth_to_halfwidth_kana(std::string_view utf8);

// Small katakana to their large forms (ァ->ア, ッ->ツ, ャ->ヤ, ヮ->ワ, ヵ->カ, ヶ->ケ).
char32_t katakana_small_to_large(char32_t c);

}  // namespace madoguchi
