// Zengin conversion: normalize, fold to the large katakana the bank format
// knows, then to half-width.
#include "data/text/zengin.hpp"

#include <algorithm>

#include "data/text/kana.hpp"
#include "data/text/normalize.hpp"
#include "data/text/utf8.hpp"

namespace madoguchi {

bool is_zengin_holder_char(char32_t c) {
    return (c >= U'0' && c <= U'9') || (c >= U'A' && c <= U'Z') || (c >= 0xFF71 && c <= 0xFF9F) ||
           c == U' ' || c == U'(' || c == U')' || c == U'-' || c == U'.' || c == U'/';
}

ZenginConversion to_zengin_kana(std::string_view utf8) {
    const std::u32string text =
        hiragana_to_katakana(nfkc_japanese(compose_voiced_marks(decode_utf8_lossy(utf8))));
    std::u32string folded;  // full-width large katakana and ASCII
    ZenginConversion result;
    const auto reject = [&](char32_t c) {
        if (std::find(result.rejected.begin(), result.rejected.end(), c) == result.rejected.end())
            result.rejected.push_back(c);
    };
    for (char32_t c : text) {
        if (c >= U'a' && c <= U'z') {
            folded.push_back(c - U'a' + U'A');
        } else if (c == U'ー' || is_dash_family(c)) {
            folded.push_back(U'-');
        } else if (c == U'・' || c == U'\t') {
            folded.push_back(U' ');
        } else if (c == U'ヰ') {
            folded.push_back(U'イ');
        } else if (c == U'ヱ') {
            folded.push_back(U'エ');
        } else if (c == U'ヲ') {
            folded.push_back(U'オ');
        } else if (c >= U'ヷ' && c <= U'ヺ') {  // ヷヸヹヺ -> ﾜﾞ ｲﾞ ｴﾞ ｵﾞ
            static constexpr char32_t base[] = {U'ワ', U'イ', U'エ', U'オ'};
            folded.push_back(base[c - U'ヷ']);
            folded.push_back(0x3099);
        } else if (c == 0x3099 || c == 0x309A) {
            folded.push_back(c);  // a mark the user placed apart; kept as ﾞ/ﾟ
        } else if (c >= U'ァ' && c <= U'ヶ') {
            folded.push_back(katakana_small_to_large(c));
        } else if (is_zengin_holder_char(c)) {
            folded.push_back(c);
        } else {
            reject(c);
        }
    }
    const std::u32string half = fullwidth_to_halfwidth_kana(folded);
    std::u32string out;
    for (char32_t c : half) {
        if (c == U' ' && (out.empty() || out.back() == U' ')) continue;  // one space between 姓 and 名
        if (!is_zengin_holder_char(c)) {
            reject(c);
            continue;
        }
        out.push_back(c);
    }
    while (!out.empty() && out.back() == U' ') out.pop_back();
    result.converted = encode_utf8(out);
    return result;
}

}  // namespace madoguchi
