// Zengin account holder conversion (JAPAN.md "Account holder").
#include <doctest/doctest.h>

#include "data/text/zengin.hpp"

using namespace madoguchi;

TEST_CASE("conversion to the Zengin half-width form") {
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {
        {"ヤマダ タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ"},
        {"やまだ　たろう", "ﾔﾏﾀﾞ ﾀﾛｳ"},
        {"ガッコウ", "ｶﾞﾂｺｳ"},
        {"キョウコ", "ｷﾖｳｺ"},
        {"シュウ", "ｼﾕｳ"},
        {"ヴィクトル", "ｳﾞｲｸﾄﾙ"},
        {"ゔぃくとる", "ｳﾞｲｸﾄﾙ"},
        {"コーヒー", "ｺ-ﾋ-"},
        {"ヰヱヲ", "ｲｴｵ"},
        {"ジョン・スミス", "ｼﾞﾖﾝ ｽﾐｽ"},
        {"john smith", "JOHN SMITH"},
        {"ＪＯＨＮ", "JOHN"},
        {"ﾔﾏﾀﾞ ﾀﾛｳ", "ﾔﾏﾀﾞ ﾀﾛｳ"},
        {"ﾔﾏﾀﾞ  ﾀﾛｳ", "ﾔﾏﾀﾞ ﾀﾛｳ"},
        {"  ヤマダ  ", "ﾔﾏﾀﾞ"},
        {"カ)ヤマダショウジ", "ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ"},
        {"ヤマダ（カ", "ﾔﾏﾀﾞ(ｶ"},
        {"A.B/C-1", "A.B/C-1"},
        {"ヵヶ", "ｶｹ"},
        {"ァィゥェォ", "ｱｲｳｴｵ"},
        {"ヮ", "ﾜ"},
        {"パピプペポ", "ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ"},
        {"ヤマタ゛", "ﾔﾏﾀﾞ"},
        {"ヤマダ−タロウ", "ﾔﾏﾀﾞ-ﾀﾛｳ"},
        {"ヷ", "ﾜﾞ"},
        {"ヺ", "ｵﾞ"},
        {"１２３", "123"},
    };
    for (const auto& c : cases) {
        INFO(c.in);
        const auto z = to_zengin_kana(c.in);
        CHECK(z.rejected.empty());
        CHECK(z.converted == c.out);
        CHECK(z.ok());
    }
}

TEST_CASE("characters with no Zengin form are reported once each") {
    struct Case {
        const char* in;
        std::u32string rejected;
    };
    const Case cases[] = {
        {"山田 太郎", U"山田太郎"}, {"ヤマダ@", U"@"},  {"ヤマダ😀", U"\U0001F600"}, {"ヤマダ、タロウ", U"、"},
        {"ヤマダ,タロウ", U","},    {"タロウ!!", U"!"}, {"ヤマダ\nタロウ", U"\n"},  {"ヤマダ\xFF", U"\uFFFD"},
    };
    for (const auto& c : cases) {
        INFO(c.in);
        const auto z = to_zengin_kana(c.in);
        CHECK(z.rejected == c.rejected);
        CHECK_FALSE(z.ok());
    }
}

TEST_CASE("empty or blank input converts to nothing") {
    CHECK_FALSE(to_zengin_kana("").ok());
    CHECK(to_zengin_kana("\u3000 ").converted.empty());
}

TEST_CASE("the stored character set") {
    for (char32_t c : std::u32string(U"09AZｱﾝﾞﾟ ()-./")) {
        INFO(static_cast<unsigned>(c));
        CHECK(is_zengin_holder_char(c));
    }
    for (char32_t c : std::u32string(U"azｦｰｧア、,@あ")) {
        INFO(static_cast<unsigned>(c));
        CHECK_FALSE(is_zengin_holder_char(c));
    }
}
