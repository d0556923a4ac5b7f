// Kana conversions, table-driven.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "data/text/kana.hpp"

using namespace madoguchi;

namespace {
struct Pair {
    const char* in;
    const char* out;
};
}  // namespace

TEST_CASE("hiragana to katakana") {
    const Pair cases[] = {{"やまだ", "ヤマダ"},
                          {"たろう", "タロウ"},
                          {"ゔぁいおりん", "ヴァイオリン"},
                          {"きゃっと", "キャット"},
                          {"ゝゞ", "ヽヾ"},
                          {"ゕゖ", "ヵヶ"},
                          {"ヤマダ", "ヤマダ"},
                          {"abc123", "abc123"},
                          {"漢字かな", "漢字カナ"},
                          {"ー", "ー"},
                          {"", ""},
                          {"ゐゑを", "ヰヱヲ"}};
    for (const auto& c : cases) {
        INFO(c.in);
        CHECK(hiragana_to_katakana(std::string_view(c.in)) == c.out);
    }
}

TEST_CASE("katakana to hiragana") {
    const Pair cases[] = {{"ヤマダ", "やまだ"}, {"ヴ", "ゔ"},     {"ヷ", "ヷ"}, {"コーヒー", "こーひー"},
                          {"ヽヾ", "ゝゞ"},     {"ヵヶ", "ゕゖ"}, {"ｱ", "ｱ"},   {"Ａ", "Ａ"}};
    for (const auto& c : cases) {
        INFO(c.in);
        CHECK(katakana_to_hiragana(std::string_view(c.in)) == c.out);
    }
}

TEST_CASE("one code point at a time (the keyboard's かな/カナ toggle and 50音 modifiers)") {
    const char32_t hira[] = U"あぁがぱゔゝゞゕゖゐゑを";
    const char32_t kata[] = U"アァガパヴヽヾヵヶヰヱヲ";
    for (std::size_t i = 0; hira[i] != 0; ++i) {
        CAPTURE(static_cast<std::uint32_t>(hira[i]));
        CHECK(hiragana_to_katakana(hira[i]) == kata[i]);
        CHECK(katakana_to_hiragana(kata[i]) == hira[i]);
    }
    for (char32_t kept : {U'ー', U'・', U'ヷ', U'ヺ', U'東', U'a', U'ｱ'}) {
        CHECK(hiragana_to_katakana(kept) == kept);
        CHECK(katakana_to_hiragana(kept) == kept);
    }
}

TEST_CASE("invalid UTF-8 becomes U+FFFD, so the result is always valid") {
    // The IME's own copy used to drop invalid bytes; the shared rule shows
    // them (one U+FFFD per invalid byte here), so nothing merges unseen.
    CHECK(hiragana_to_katakana(std::string_view("a\xff\xfe"
                                                "b")) == "a\uFFFD\uFFFDb");
    CHECK(katakana_to_hiragana(std::string_view("\xe3\x82")) == "\uFFFD");
}

TEST_CASE("half-width to full-width katakana composes sound marks") {
    const Pair cases[] = {{"ｶﾞ", "ガ"},
                          {"ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ", "パピプペポ"},
                          {"ｳﾞ", "ヴ"},
                          {"ﾜﾞ", "ヷ"},
                          {"ｦﾞ", "ヺ"},
                          {"ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダ タロウ"},
                          {"ｺｰﾋｰ", "コーヒー"},
                          {"ｷｬｯﾄ", "キャット"},
                          {"｡｢｣､･", "。「」、・"},
                          {"ﾞ", "゛"},
                          {"aﾟ", "a゜"},
                          {"ﾝﾞ", "ン゛"},
                          {"ﾂﾞ", "ヅ"},
                          {"ﾎﾟ", "ポ"},
                          {"ｱｲｳｴｵ", "アイウエオ"},
                          {"ﾗﾘﾙﾚﾛﾜｦﾝ", "ラリルレロワヲン"}};
    for (const auto& c : cases) {
        INFO(c.in);
        CHECK(halfwidth_to_fullwidth_kana(std::string_view(c.in)) == c.out);
    }
}

TEST_CASE("full-width to half-width katakana decomposes sound marks") {
    const Pair cases[] = {{"ガ", "ｶﾞ"},
                          {"パピプペポ", "ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ"},
                          {"ヴ", "ｳﾞ"},
                          {"ヤマダ タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ"},
                          {"コーヒー", "ｺｰﾋｰ"},
                          {"キャット", "ｷｬｯﾄ"},
                          {"。「」、・", "｡｢｣､･"},
                          {"ヮヰヱヵヶ", "ヮヰヱヵヶ"},
                          {"ヷヺ", "ﾜﾞｦﾞ"},
                          {"ダヂヅデド", "ﾀﾞﾁﾞﾂﾞﾃﾞﾄﾞ"},
                          {"ゲ", "ｹﾞ"},
                          {"ひらがな", "ひらがな"},
                          {"゛゜", "ﾞﾟ"}};
    for (const auto& c : cases) {
        INFO(c.in);
        CHECK(fullwidth_to_halfwidth_kana(std::string_view(c.in)) == c.out);
    }
}

TEST_CASE("every full-width katakana survives a half-width round trip") {
    for (char32_t c = U'ァ'; c <= U'ヺ'; ++c) {
        const std::u32string one(1, c);
        const std::u32string half = fullwidth_to_halfwidth_kana(one);
        if (half == one) continue;  // no half-width form (ヮヰヱヵヶヸヹ)
        INFO(static_cast<unsigned>(c));
        CHECK(halfwidth_to_fullwidth_kana(half) == one);
    }
}

TEST_CASE("voiced mark composition") {
    struct Case {
        char32_t base, mark;
        char32_t expected;  // 0 = none
    };
    const Case cases[] = {
        {U'か', U'゛', U'が'},  {U'カ', U'゛', U'ガ'}, {U'は', U'゜', U'ぱ'}, {U'ハ', 0x309A, U'パ'},
        {U'ウ', 0x3099, U'ヴ'}, {U'う', U'゛', U'ゔ'}, {U'ワ', U'゛', U'ヷ'}, {U'ヲ', U'゛', U'ヺ'},
        {U'ヽ', U'゛', U'ヾ'},  {U'ゝ', U'゛', U'ゞ'}, {U'ト', U'゛', U'ド'}, {U'ツ', U'゛', U'ヅ'},
        {U'ホ', U'゜', U'ポ'},  {U'ホ', U'゛', U'ボ'}, {U'ア', U'゛', 0},     {U'カ', U'゜', 0},
        {U'ン', U'゛', 0},      {U'ッ', U'゛', 0},     {U'わ', U'゛', 0},     {U'A', U'゛', 0},
        {U'ガ', U'゛', 0},      {U'パ', U'゜', 0},
    };
    for (const auto& c : cases) {
        INFO(static_cast<unsigned>(c.base));
        INFO(static_cast<unsigned>(c.mark));
        const auto r = compose_voiced(c.base, c.mark);
        if (c.expected) {
            REQUIRE(r.has_value());
            CHECK(*r == c.expected);
        } else {
            CHECK_FALSE(r.has_value());
        }
    }
}

TEST_CASE("small katakana to large") {
    const std::u32string small = U"ァィゥェォッャュョヮヵヶｧｨｩｪｫｬｭｮｯ";
    const std::u32string large = U"アイウエオツヤユヨワカケｱｲｳｴｵﾔﾕﾖﾂ";
    REQUIRE(small.size() == large.size());
    for (std::size_t i = 0; i < small.size(); ++i) CHECK(katakana_small_to_large(small[i]) == large[i]);
    CHECK(katakana_small_to_large(U'ア') == U'ア');
}
