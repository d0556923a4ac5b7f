// Character classes: control and invisible characters, undrawable
// characters, kana ranges, spaces and trimming.
#include <doctest/doctest.h>

#include "data/text/char_classes.hpp"

using namespace madoguchi;

TEST_CASE("control characters") {
    for (char32_t c :
         {U'\0', U'\t', U'\n', U'\r', char32_t{0x1B}, char32_t{0x7F}, char32_t{0x85}, char32_t{0x9F}}) {
        INFO(static_cast<unsigned>(c));
        CHECK(is_control_char(c));
    }
    for (char32_t c : {U' ', U'a', U'あ', U'\u3000', U'\u00A0', U'\uFFFD'}) {
        INFO(static_cast<unsigned>(c));
        CHECK_FALSE(is_control_char(c));
    }
}

TEST_CASE("invisible formatting characters") {
    for (char32_t c :
         {U'\u200B', U'\u200D', U'\u200E', U'\u202E', U'\u2066', U'\uFEFF', U'\u00AD', U'\u2028'}) {
        INFO(static_cast<unsigned>(c));
        CHECK(is_invisible_format_char(c));
    }
    CHECK_FALSE(is_invisible_format_char(U'ア'));
    CHECK_FALSE(is_invisible_format_char(U' '));
}

TEST_CASE("characters the 16-bit ImWchar UI cannot draw") {
    for (char32_t c : {U'\U0001F600', U'\U00020BB7' /* 𠮷 */, U'\U0001F44D', U'\U00010000', U'\uE000',
                       U'\uF8FF', U'\uFFFF'}) {
        INFO(static_cast<unsigned>(c));
        CHECK(is_undrawable_char(c));
    }
    for (char32_t c : {U'吉', U'あ', U'ｱ', U'A', U'〒', U'㈱', U'\uFA19' /* 神 compatibility ideograph */}) {
        INFO(static_cast<unsigned>(c));
        CHECK_FALSE(is_undrawable_char(c));
    }
    CHECK(is_outside_bmp(U'\U00020BB7'));
    CHECK_FALSE(is_outside_bmp(U'\uFFFD'));
}

TEST_CASE("kana ranges") {
    CHECK(is_hiragana(U'あ'));
    CHECK(is_hiragana(U'ゔ'));
    CHECK(is_hiragana(U'ゝ'));
    CHECK_FALSE(is_hiragana(U'ア'));
    CHECK(is_fullwidth_katakana(U'ア'));
    CHECK(is_fullwidth_katakana(U'ヴ'));
    CHECK(is_fullwidth_katakana(U'ー'));
    CHECK_FALSE(is_fullwidth_katakana(U'・'));
    CHECK(is_halfwidth_katakana(U'ｱ'));
    CHECK(is_halfwidth_katakana(U'ﾞ'));
    CHECK(is_halfwidth_katakana(U'ｰ'));
    CHECK_FALSE(is_halfwidth_katakana(U'｡'));
    CHECK(is_kana(U'ん'));
    CHECK_FALSE(is_kana(U'漢'));
    CHECK(is_fullwidth_digit(U'０'));
    CHECK_FALSE(is_fullwidth_digit(U'0'));
}

TEST_CASE("trimming ASCII and Japanese spaces") {
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {{"", ""},
                          {"   ", ""},
                          {"\u3000山田\u3000", "山田"},
                          {" \t山田 太郎\n", "山田 太郎"},
                          {"\u00A0x\u00A0", "x"},
                          {"\u2003a\u2002", "a"},
                          {"a", "a"},
                          {"\u3000", ""},
                          {"\xFF ", "\xFF"}};
    for (const auto& c : cases) {
        INFO(c.in);
        CHECK(trim_spaces(std::string_view(c.in)) == c.out);
    }
    CHECK(trim_spaces(std::u32string_view(U"\u3000あ ")) == U"あ");
}

TEST_CASE("code point labels") {
    CHECK(code_point_label(U'\U0001F600') == "U+1F600");
    CHECK(code_point_label(U'A') == "U+0041");
}
