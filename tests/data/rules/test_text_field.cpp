// Shared text field rules: required, lengths in characters, control and
// invisible characters, undrawable characters.
#include <doctest/doctest.h>

#include <string>

#include "data/rules/text_field.hpp"

using namespace madoguchi;

TEST_CASE("check_text table") {
    struct Case {
        std::string value;
        TextLimits limits;
        const char* code;  // "" = passes
    };
    const TextLimits nick{true, 30};
    const TextLimits intro{false, 2000, 0, true};
    const Case cases[] = {
        {"たろう", nick, ""},
        {"", nick, "text.required"},
        {"   ", nick, "text.required"},
        {"\u3000\u3000", nick, "text.required"},
        {"", intro, ""},
        {std::string(30, 'a'), nick, ""},
        {std::string(31, 'a'), nick, "text.too_long"},
        {[] {
             std::string s;
             for (int i = 0; i < 30; ++i) s += "あ";
             return s;
         }(),
         nick, ""},  // 90 bytes, 30 chars
        {[] {
             std::string s;
             for (int i = 0; i < 31; ++i) s += "あ";
             return s;
         }(),
         nick, "text.too_long"},
        {"一行目\n二行目", intro, ""},
        {"一行目\n二行目", nick, "text.line_break"},
        {"tab\there", nick, "text.line_break"},
        {std::string("nul\0byte", 8), nick, "text.control_char"},
        {std::string("nul\0byte", 8), intro, "text.control_char"},
        {"esc\x1B[31m", intro, "text.control_char"},
        {"zero\u200Bwidth", nick, "text.invisible_char"},
        {"rtl\u202Eoverride", intro, "text.invisible_char"},
        {"bom\uFEFF", nick, "text.invisible_char"},
        {"😀", nick, "text.undrawable_char"},
        {"𠮷野", nick, "text.undrawable_char"},
        {"私用\uE000", nick, "text.undrawable_char"},
        {"\xFF\xFE", nick, "text.invalid_utf8"},
        {"abc\xE3\x81", intro, "text.invalid_utf8"},
        {"髙橋\uFA19", nick, ""},  // BMP compatibility ideographs are drawable and kept
        {"ab", TextLimits{true, 10, 3}, "text.too_short"},
    };
    for (const auto& c : cases) {
        INFO(c.value);
        const Status s = check_text("nickname", c.value, c.limits);
        if (*c.code == '\0') {
            CHECK(s.ok());
        } else {
            REQUIRE_FALSE(s.ok());
            CHECK(s.error().code == c.code);
            CHECK(s.error().field == "nickname");
            CHECK_FALSE(s.error().message_ja.empty());
            CHECK_FALSE(s.error().message_en.empty());
        }
    }
}

TEST_CASE("length messages give the limit and the current count in characters") {
    std::string s;
    for (int i = 0; i < 35; ++i) s += "漢";
    const Status st = check_length("nickname", s, 0, 30);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().message_ja == "30文字以内で入力してください（いま35文字）。");
    CHECK(st.error().message_en == "Use at most 30 characters (now 35).");
}

TEST_CASE("undrawable message never contains the undrawable character") {
    const Status s = check_drawable("comment", "楽しい😀");
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().message_ja.find("😀") == std::string::npos);
    CHECK(s.error().message_en.find("U+1F600") != std::string::npos);
}

TEST_CASE("is_blank") {
    CHECK(is_blank(""));
    CHECK(is_blank(" \t\n"));
    CHECK(is_blank("\u3000"));
    CHECK_FALSE(is_blank("a"));
    CHECK_FALSE(is_blank("\u3000あ"));
}
