// Company search key: width/kana/case/space folding and legal forms removed.
#include "data/text/company_search_key.hpp"

#include <array>

#include "data/text/char_classes.hpp"
#include "data/text/kana.hpp"
#include "data/text/normalize.hpp"
#include "data/text/utf8.hpp"

namespace madoguchi {
namespace {

// Spellings of a legal form after the folding below (so ㈱ and （株） are
// "(株)", カブシキガイシャ is "かぶしきがいしゃ"). Longest first where one
// contains another.
constexpr std::array<std::u32string_view, 20> kLegalForms = {
    U"株式会社", U"(株)", U"かぶしきがいしゃ", U"かぶしきかいしゃ",
    U"有限会社", U"(有)", U"ゆうげんがいしゃ", U"ゆうげんかいしゃ",
    U"合同会社", U"(同)", U"ごうどうがいしゃ", U"ごうどうかいしゃ",
    U"合資会社", U"(資)", U"ごうしがいしゃ",   U"ごうしかいしゃ",
    U"合名会社", U"(名)", U"ごうめいがいしゃ", U"ごうめいかいしゃ",
};

void remove_all(std::u32string& text, std::u32string_view what) {
    for (std::size_t at = text.find(what); at != std::u32string::npos; at = text.find(what, at))
        text.erase(at, what.size());
}

}  // namespace

std::string company_search_key(std::string_view name) {
    std::u32string folded = katakana_to_hiragana(normalize_for_comparison(decode_utf8_lossy(name)));
    std::u32string key;
    key.reserve(folded.size());
    for (char32_t c : folded) {
        if (is_space_char(c)) continue;
        key.push_back(c >= U'A' && c <= U'Z' ? c - U'A' + U'a' : c);
    }
    for (std::u32string_view form : kLegalForms) remove_all(key, form);
    return encode_utf8(key);
}

}  // namespace madoguchi
