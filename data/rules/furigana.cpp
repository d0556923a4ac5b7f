// Furigana normalization and validation.
#include "data/rules/furigana.hpp"

#include "data/rules/rule_error.hpp"
#include "data/rules/text_field.hpp"
#include "data/text/char_classes.hpp"
#include "data/text/kana.hpp"
#include "data/text/normalize.hpp"
#include "data/text/utf8.hpp"

namespace madoguchi {
namespace {

bool is_furigana_letter(char32_t c) { return c >= 0x30A1 && c <= 0x30F4; }  // ァ…ヴ

Error not_katakana(std::string_view field, char32_t c) {
    std::string shown;
    append_utf8(shown, c);
    return rule_error("furigana.not_katakana", field,
                      "「" + shown + "」は使えません。フリガナはカタカナで入力してください。",
                      "\"" + shown + "\" is not allowed. Enter the reading in katakana.");
}

}  // namespace

Result<std::string> normalize_furigana(std::string_view field, std::string_view input,
                                       const FuriganaOptions& options) {
    if (auto s = check_text(field, input, TextLimits{options.required, 0, 0, false}); !s) return s.error();
    const std::u32string decoded = decode_utf8_lossy(input);
    const std::u32string composed = compose_voiced_marks(trim_spaces(std::u32string_view(decoded)));
    // A sound mark left over has no precomposed form (ア゛): NFKC would turn it
    // into a space plus a combining mark, so name it here instead.
    for (char32_t c : composed)
        if (c == 0x309B || c == 0x309C || c == 0x3099 || c == 0x309A)
            return not_katakana(field, c == 0x3099 ? U'゛' : c == 0x309A ? U'゜' : c);
    std::u32string text = hiragana_to_katakana(nfkc_japanese(composed));
    if (text.empty()) return std::string();

    std::u32string out;
    out.reserve(text.size());
    for (char32_t c : text) {
        // A dash or tilde right after kana is meant as the long vowel mark.
        if ((is_hyphen_like(c) || c == U'ｰ') && !out.empty() &&
            (is_furigana_letter(out.back()) || out.back() == U'ー')) {
            out.push_back(U'ー');
            continue;
        }
        if (c == U'ヵ' || c == U'ヶ') {
            return rule_error("furigana.small_ka", field,
                              "小さい「ヵ」「ヶ」は使えません。「カ」「ケ」で入力してください。",
                              "Small ヵ/ヶ are not allowed; use カ/ケ.");
        }
        if (is_space_char(c)) {
            return rule_error("furigana.space", field,
                              "空白は入れないでください（姓と名は別の欄に入力します）。",
                              "No spaces, please: family and given names have separate fields.");
        }
        if (c == U'・') {
            if (!options.allow_middle_dot) {
                return rule_error("furigana.middle_dot", field, "この欄では「・」は使えません。",
                                  "The middle dot (・) is not allowed in this field.");
            }
            if (out.empty() || out.back() == U'・') {
                return rule_error("furigana.middle_dot_position", field,
                                  "「・」は名前の区切りにだけ使えます。",
                                  "The middle dot (・) may only separate parts of a name.");
            }
            out.push_back(c);
            continue;
        }
        if (c == U'ー') {
            if (out.empty() || out.back() == U'・') {
                return rule_error("furigana.long_vowel_start", field, "「ー」で始めることはできません。",
                                  "The reading cannot start with the long vowel mark (ー).");
            }
            out.push_back(c);
            continue;
        }
        if (!is_furigana_letter(c)) return not_katakana(field, c);
        out.push_back(c);
    }
    if (out.back() == U'・') {
        return rule_error("furigana.middle_dot_position", field, "「・」は名前の区切りにだけ使えます。",
                          "The middle dot (・) may only separate parts of a name.");
    }
    std::string result = encode_utf8(out);
    if (auto s = check_length(field, result, 0, options.max_chars); !s) return s.error();
    return result;
}

Status check_furigana(std::string_view field, std::string_view stored, const FuriganaOptions& options) {
    auto normalized = normalize_furigana(field, stored, options);
    if (!normalized) return normalized.error();
    if (*normalized != stored) {
        return rule_error("furigana.not_normalized", field, "フリガナは全角カタカナで入力してください。",
                          "The reading must be stored in full-width katakana.");
    }
    return ok_status();
}

}  // namespace madoguchi
