// Furigana (セイ/メイ) rule from JAPAN.md: what the user typed is normalized
// to full-width katakana, then only U+30A1–U+30F4 and ー remain allowed.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "data/result.hpp"

namespace madoguchi {

struct FuriganaOptions {
    bool required = true;
    std::size_t max_chars = 30;
    bool allow_middle_dot = false;  // ・ between the parts of a foreign name
};

// hiragana -> katakana, ゔ -> ヴ, half-width -> full-width, ゛゜ composed,
// dashes inside a kana run -> ー, surrounding spaces trimmed. Rejects ヵヶ,
// spaces inside (姓 and 名 have separate fields), anything not katakana.
Result<std::string> normalize_furigana(std::string_view field, std::string_view input,
                                       const FuriganaOptions& options = {});

// A stored value must already be in the normalized form.
Status check_furigana(std::string_view field, std::string_view stored, const FuriganaOptions& options = {});

}  // namespace madoguchi
