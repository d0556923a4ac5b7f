// Comparison normalization in JAPAN.md's order: compose ゛゜, NFKC subset, dashes.
#include <doctest/doctest.h>

#include <string>

#include "data/text/normalize.hpp"
#include "data/text/utf8.hpp"

using namespace madoguchi;

namespace {
struct Pair {
    const char* in;
    const char* out;
};
}  // namespace

TEST_CASE("normalize_for_comparison") {
    const Pair cases[] = {
        // full-width ASCII and digits
        {"ＡＢＣ１２３", "ABC123"},
        {"ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "taro@example.jp"},
        {"（株）", "(株)"},
        {"１００−０００１", "100-0001"},   // U+2212 minus
        {"１００－０００１", "100-0001"},  // U+FF0D full-width hyphen-minus
        {"100‐0001", "100-0001"},
        {"100‑0001", "100-0001"},
        {"100‒0001", "100-0001"},
        {"100–0001", "100-0001"},
        {"100—0001", "100-0001"},
        {"100―0001", "100-0001"},
        {"100⁃0001", "100-0001"},
        {"100﹣0001", "100-0001"},
        // NFKC leaves these alone
        {"コーヒー", "コーヒー"},
        {"10〜20", "10〜20"},
        // spaces
        {"山田\u3000太郎", "山田 太郎"},
        {"a\u00A0b", "a b"},
        {"a\u2003b", "a b"},
        // half-width katakana with sound marks
        {"ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダ タロウ"},
        {"ﾊﾟｿｺﾝ", "パソコン"},
        {"ｳﾞｧｲｵﾘﾝ", "ヴァイオリン"},
        {"ｺｰﾋｰ", "コーヒー"},
        // spacing sound marks composed first (NFKC alone would not)
        {"か゛", "が"},
        {"ハ゜", "パ"},
        {"ウ゛", "ヴ"},
        {"か\u3099", "が"},
        {"は\u309A", "ぱ"},
        // a stray mark: NFKC gives space + combining mark
        {"゛", " \u3099"},
        {"ン゛", "ン \u3099"},
        // NEC special characters
        {"①②⑳", "1220"},
        {"Ⅲ", "III"},
        {"ⅻ", "xii"},
        {"㈱テスト", "(株)テスト"},
        {"㍻", "平成"},
        {"㋿", "令和"},
        {"㍿", "株式会社"},
        {"㌔", "キロ"},
        {"㍍", "メートル"},
        {"№1", "No1"},
        {"℡", "TEL"},
        {"㎏", "kg"},
        {"￥１００", "\u00A5100"},
        {"…", "..."},
        // not rewritten: compatibility ideographs, kanji, hiragana, emoji
        {"\uFA19", "\uFA19"},
        {"髙橋", "髙橋"},
        {"ひらがな", "ひらがな"},
        {"😀", "😀"},
        {"", ""},
    };
    for (const auto& c : cases) {
        INFO(c.in);
        CHECK(normalize_for_comparison(std::string_view(c.in)) == c.out);
    }
}

TEST_CASE("different spellings of one value compare equal after normalization") {
    const char* groups[][4] = {
        {"ヤマダ", "ﾔﾏﾀﾞ", "ヤマタ゛", "ﾔﾏﾀ\u3099"},
        {"ABC-123", "ＡＢＣ－１２３", "ABC‐123", "ＡＢＣ−１２３"},
        {"(株)山田", "㈱山田", "（株）山田", "(株)山田"},
    };
    for (const auto& g : groups) {
        const std::string first = normalize_for_comparison(std::string_view(g[0]));
        for (const char* other : g) {
            INFO(other);
            CHECK(normalize_for_comparison(std::string_view(other)) == first);
        }
    }
}

TEST_CASE("normalization is idempotent on its own output") {
    const char* inputs[] = {"ﾔﾏﾀﾞ　ﾀﾛｳ", "か゛き゛", "①ＡＢＣ－", "㍻３１年", "\xFF\xFE", "ﾞﾞﾞ", "㈱㍿"};
    for (const char* in : inputs) {
        INFO(in);
        const std::string once = normalize_for_comparison(std::string_view(in));
        CHECK(normalize_for_comparison(std::string_view(once)) == once);
        CHECK(is_valid_utf8(once));
    }
}

TEST_CASE("dash family and hyphen-like characters") {
    for (char32_t c : {U'\u2010', U'\u2011', U'\u2012', U'\u2013', U'\u2014', U'\u2015', U'\u2212', U'\uFF0D',
                       U'\uFE63'}) {
        INFO(static_cast<unsigned>(c));
        CHECK(is_dash_family(c));
        CHECK(is_hyphen_like(c));
    }
    for (char32_t c : {U'ー', U'ｰ', U'〜', U'～', U'~', U'-'}) {
        INFO(static_cast<unsigned>(c));
        CHECK_FALSE(is_dash_family(c));
        CHECK(is_hyphen_like(c));
    }
    CHECK_FALSE(is_hyphen_like(U'_'));
    CHECK(map_dash_family(U"a\u2212b\u30FCc") == U"a-bーc");
}
