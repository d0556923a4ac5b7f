// TextField editing rules, table-driven.
#include <doctest/doctest.h>

#include "kiosk/ui/text_field.hpp"

using namespace madoguchi;

TEST_CASE("insert accepts what the field kind takes and refuses the rest") {
    struct Case {
        FieldKind kind;
        const char* input;
        bool ok;
        const char* code;
    };
    const Case cases[] = {
        {FieldKind::text, "山田", true, ""},
        {FieldKind::text, "ｶﾀｶﾅ", true, ""},
        {FieldKind::text, "\xF0\x9F\x8D\xA3", false, "input.unsupported_char"},  // 🍣
        {FieldKind::text, "\xF0\xA0\xAE\xB7", false, "input.unsupported_char"},  // 𠮷
        {FieldKind::text, "a\tb", false, "input.control_char"},
        {FieldKind::text, "\n", false, "input.control_char"},
        {FieldKind::multiline, "\n", true, ""},
        {FieldKind::text, "\xC0\xAF", false, "input.invalid_encoding"},  // overlong '/'
        {FieldKind::text, "\xED\xA0\x80", false, "input.invalid_encoding"},  // surrogate
        {FieldKind::text, "\xE2\x80\xA8", false, "input.control_char"},  // line separator
        {FieldKind::digits, "0123", true, ""},
        {FieldKind::digits, "１２", false, "input.digits_only"},
        {FieldKind::digits, "a", false, "input.digits_only"},
        {FieldKind::alphanumeric, "Abc_1-2", true, ""},
        {FieldKind::alphanumeric, "a b", false, "input.alphanumeric_only"},
        {FieldKind::alphanumeric, "ａ", false, "input.alphanumeric_only"},
        {FieldKind::email, "a@b.jp", true, ""},
        {FieldKind::email, "あ", false, "input.ascii_only"},
        {FieldKind::password, "P@ss w", false, "input.ascii_only"},
        {FieldKind::url, "https://x.jp/a?b=c", true, ""},
    };
    for (const auto& c : cases) {
        INFO("input " << c.input);
        TextField f(c.kind, 100, false);
        f.value = "keep";
        auto s = f.insert(c.input);
        CHECK(static_cast<bool>(s) == c.ok);
        if (c.ok) {
            CHECK(f.value == std::string("keep") + c.input);
            CHECK_FALSE(f.error);
        } else {
            CHECK(f.value == "keep");
            REQUIRE(f.error);
            CHECK(f.error->code == c.code);
            CHECK_FALSE(f.error->message_ja.empty());
            CHECK_FALSE(f.error->message_en.empty());
        }
    }
}

TEST_CASE("limits count characters, not bytes") {
    TextField f(FieldKind::text, 3, false);
    CHECK(f.insert("あいう"));
    CHECK(f.length() == 3);
    CHECK_FALSE(f.insert("a"));
    CHECK(f.error->code == "input.too_long");
    CHECK(f.value == "あいう");
}

TEST_CASE("backspace removes one character, never half of one") {
    TextField f(FieldKind::text, 10, false);
    CHECK(f.insert("aあ漢"));
    f.backspace();
    CHECK(f.value == "aあ");
    f.backspace();
    CHECK(f.value == "a");
    f.backspace();
    f.backspace();
    CHECK(f.value.empty());
}

TEST_CASE("paste cleans and reports in one message, keeping what fits") {
    struct Case {
        std::string raw;
        FieldKind kind;
        int max;
        std::string expect_value;
        const char* code;  // "" = clean paste
    };
    const Case cases[] = {
        {"hello", FieldKind::text, 10, "hello", ""},
        {"hello world!", FieldKind::text, 5, "hello", "input.paste_truncated"},
        {"a\xF0\x9F\x98\x80" "b", FieldKind::text, 10, "ab", "input.unsupported_char"},
        {"a\xFF" "b", FieldKind::text, 10, "ab", "input.invalid_encoding"},
        {std::string("a\0b", 3), FieldKind::text, 10, "ab", "input.control_char"},
        {"1-2a", FieldKind::digits, 10, "1-2", "input.digits_only"},
        {"line1\nline2", FieldKind::multiline, 20, "line1\nline2", ""},
        {"line1\nline2", FieldKind::text, 20, "line1line2", "input.control_char"},
        {"\xE3\x81", FieldKind::text, 10, "", "input.invalid_encoding"},  // truncated sequence
        {"", FieldKind::text, 10, "", ""},
    };
    for (const auto& c : cases) {
        INFO("raw of " << c.raw.size() << " bytes");
        TextField f(c.kind, c.max, false);
        auto s = f.paste(c.raw);
        CHECK(f.value == c.expect_value);
        if (*c.code) {
            CHECK_FALSE(s);
            REQUIRE(f.error);
            CHECK(f.error->code == c.code);
        } else {
            CHECK(s);
            CHECK_FALSE(f.error);
        }
    }
}

TEST_CASE("utf8_length") {
    CHECK(utf8_length("") == 0);
    CHECK(utf8_length("abc") == 3);
    CHECK(utf8_length("山田太郎") == 4);
    CHECK(utf8_length("\xFF\xFE") == 2);
}
