// Zengin (全銀) character set for bank account holder names and the
// conversion from what a person types to it (JAPAN.md "Account holder").
#pragma once

#include <string>
#include <string_view>

namespace madoguchi {

// Allowed in a stored holder name: 0-9 A-Z ｱ-ﾝ ﾞ ﾟ space ( ) - . /
bool is_zengin_holder_char(char32_t c);

struct ZenginConversion {
    std::string converted;    // half-width Zengin form, spaces collapsed and trimmed
    std::u32string rejected;  // characters with no Zengin form (kanji, @, emoji…), each once
    bool ok() const { return rejected.empty() && !converted.empty(); }
};

// ガ->ｶﾞ, ゃ/ャ->ﾔ, ッ->ﾂ, ヴ->ｳﾞ, ヰヱヲ->ｲｴｵ, ー and dashes->'-', ・->' ',
// a-z->A-Z, full-width ASCII->ASCII, hiragana accepted as katakana.
ZenginConversion to_zengin_kana(std::string_view utf8);

}  // namespace madoguchi
