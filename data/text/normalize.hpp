// Comparison normalization exactly as JAPAN.md orders it: compose ゛/゜ with
// the preceding kana, then NFKC (the subset Japanese input needs), then map the
// dash family to '-'. Only ever applied to a copy: stored values keep what the
// user typed (NFC/NFKC would rewrite compatibility ideographs such as 神 U+FA19).
#pragma once

#include <string>
#include <string_view>

namespace madoguchi {

// Step 1: U+309B/U+309C (and combining U+3099/U+309A) merged into the
// preceding kana when a precomposed form exists (か゛ -> が).
std::u32string compose_voiced_marks(std::u32string_view text);

// Step 2: the NFKC subset for Japanese input:
//  - full-width ASCII U+FF01–U+FF5E -> ASCII, U+3000 and the U+2000 spaces -> ' '
//  - half-width katakana -> full-width, ﾞ/ﾟ composed (ｶﾞ -> ガ)
//  - half-width symbols ￠￡￢￤￥￦ and ｟｠
//  - NEC/IBM special characters common in Japanese text: ①–⑳, Ⅰ–Ⅻ, ⅰ–ⅻ,
//    ㈱㈲㈹, ㍻㍼㍽㍾㋿, ㍿, ㌔-style squared katakana, ㎜-style units, №, ℡, ™, …‥
//  - stray ゛/゜ become ' ' + combining mark, as NFKC does
// Not included (documented in docs/rules.md): CJK compatibility ideographs
// are NOT rewritten, nor are scripts the kiosk does not take as input.
std::u32string nfkc_japanese(std::u32string_view text);

// Step 3: hyphen-like dashes -> '-': U+2010–U+2015, U+2043, U+2212, U+FE58,
// U+FE63, U+FF0D. NFKC leaves these (and −‐―〜ー) alone. ー and 〜 are not
// mapped here: only callers that know a hyphen is meant (postal codes,
// phones) treat them as separators, see is_hyphen_like().
std::u32string map_dash_family(std::u32string_view text);
bool is_dash_family(char32_t c);

// The dash family plus what people type for a hyphen in digit fields on a
// Japanese keyboard: ー ｰ 〜 ～ ~ and ASCII '-'.
bool is_hyphen_like(char32_t c);

// All three steps. Invalid UTF-8 becomes U+FFFD (callers validate first).
std::u32string normalize_for_comparison(std::u32string_view text);
std::string normalize_for_comparison(std::string_view utf8);

}  // namespace madoguchi
