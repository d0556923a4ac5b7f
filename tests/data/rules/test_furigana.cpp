// Furigana rule (JAPAN.md): katakana only, normalized from what people type.
#include <doctest/doctest.h>

#include "data/rules/furigana.hpp"

using namespace madoguchi;

TEST_CASE("furigana normalization accepts and converts") {
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {
        {"ヤマダ", "ヤマダ"},
        {"やまだ", "ヤマダ"},
        {"ﾔﾏﾀﾞ", "ヤマダ"},
        {"ヤマタ゛", "ヤマダ"},
        {"やまた゛", "ヤマダ"},
        {"\u3000タロウ ", "タロウ"},
        {"ゔぃくとりあ", "ヴィクトリア"},
        {"ｳﾞｨｸﾄﾘｱ", "ヴィクトリア"},
        {"コーヒー", "コーヒー"},
        {"コ-ヒ-", "コーヒー"},
        {"コ−ヒ−", "コーヒー"},
        {"コ‐ヒ―", "コーヒー"},
        {"コ～ヒ〜", "コーヒー"},
        {"ｺｰﾋｰ", "コーヒー"},
        {"キョウコ", "キョウコ"},
        {"きゃっと", "キャット"},
        {"ヂヅ", "ヂヅ"},
        {"ァィゥェォ", "ァィゥェォ"},
        {"ヮ", "ヮ"},
        {"コアコンシェル", "コアコンシェル"},
        {"ﾊﾟｸ", "パク"},
        {"ﾎﾟﾎﾟ", "ポポ"},
    };
    for (const auto& c : cases) {
        INFO(c.in);
        const auto r = normalize_furigana("family_name_kana", c.in);
        REQUIRE(r.ok());
        CHECK(*r == c.out);
        CHECK(check_furigana("family_name_kana", *r).ok());
    }
}

TEST_CASE("furigana rejections") {
    struct Case {
        const char* in;
        const char* code;
        bool allow_dot = false;
    };
    const Case cases[] = {
        {"山田", "furigana.not_katakana"},
        {"Yamada", "furigana.not_katakana"},
        {"ヤマダ1", "furigana.not_katakana"},
        {"ヤマダ タロウ", "furigana.space"},
        {"ヤマダ\u3000タロウ", "furigana.space"},
        {"ヶ", "furigana.small_ka"},
        {"ヵ", "furigana.small_ka"},
        {"ジョン・スミス", "furigana.middle_dot"},
        {"・ジョン", "furigana.middle_dot_position", true},
        {"ジョン・", "furigana.middle_dot_position", true},
        {"ジョン・・スミス", "furigana.middle_dot_position", true},
        {"ーヤ", "furigana.long_vowel_start"},
        {"-ヤ", "furigana.not_katakana"},  // a dash not inside a kana run is not ー
        {"ヷ", "furigana.not_katakana"},   // U+30F7 is outside U+30A1–30F4
        {"ヽ", "furigana.not_katakana"},
        {"ヤマダ😀", "text.undrawable_char"},
        {"", "text.required"},
        {"\u3000", "text.required"},
        {"ヤマ\nダ", "text.line_break"},
        {"\xE3\x83", "text.invalid_utf8"},
        {"ア\u200Bイ", "text.invisible_char"},
        {"ア゛", "furigana.not_katakana"},  // no precomposed form: a stray mark remains
    };
    for (const auto& c : cases) {
        INFO(c.in);
        FuriganaOptions o;
        o.allow_middle_dot = c.allow_dot;
        const auto r = normalize_furigana("given_name_kana", c.in, o);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == c.code);
        CHECK(r.error().field == "given_name_kana");
    }
}

TEST_CASE("middle dot where foreign names are allowed") {
    FuriganaOptions o;
    o.allow_middle_dot = true;
    const auto r = normalize_furigana("given_name_kana", "ジョン･スミス", o);  // half-width ･
    REQUIRE(r.ok());
    CHECK(*r == "ジョン・スミス");
}

TEST_CASE("furigana length counts characters") {
    std::string thirty;
    for (int i = 0; i < 30; ++i) thirty += "ア";
    CHECK(normalize_furigana("f", thirty).ok());
    const auto r = normalize_furigana("f", thirty + "ア");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "text.too_long");
}

TEST_CASE("stored furigana must already be katakana") {
    CHECK(check_furigana("f", "ヤマダ").ok());
    const Status s = check_furigana("f", "やまだ");
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == "furigana.not_normalized");
    FuriganaOptions optional;
    optional.required = false;
    CHECK(check_furigana("f", "", optional).ok());
}

TEST_CASE("the offending character is named in the message") {
    const auto r = normalize_furigana("f", "ヤマ田");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message_ja.find("「田」") != std::string::npos);
}
