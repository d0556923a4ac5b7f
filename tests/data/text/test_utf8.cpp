// UTF-8 decoding: valid text round-trips, every kind of invalid sequence is
// detected, lengths count characters, never bytes.
#include <doctest/doctest.h>

#include <string>

#include "data/text/utf8.hpp"

using namespace madoguchi;

TEST_CASE("valid UTF-8 decodes and re-encodes unchanged") {
    const char* cases[] = {"",
                           "abc",
                           "日本語",
                           "ｶﾀｶﾅ",
                           "𠮷野家",
                           "😀👍",
                           "é",
                           "\x7F",
                           "\xEF\xBF\xBF",
                           "\xF4\x8F\xBF\xBF",
                           "混在 mixed ｶﾞ 😀 ＡＢＣ"};
    for (const char* s : cases) {
        INFO(s);
        CHECK(is_valid_utf8(s));
        const auto decoded = decode_utf8(s);
        REQUIRE(decoded.has_value());
        CHECK(encode_utf8(*decoded) == s);
    }
}

TEST_CASE("invalid UTF-8 is detected, with the offset of the first bad byte") {
    struct Case {
        std::string bytes;
        std::size_t offset;
    };
    const Case cases[] = {
        {"\x80", 0},              // lone continuation
        {"a\xBF", 1},             // lone continuation after ASCII
        {"\xC0\xAF", 0},          // overlong '/'
        {"\xC1\xBF", 0},          // overlong
        {"\xE0\x80\xAF", 0},      // overlong 3-byte
        {"\xF0\x80\x80\xAF", 0},  // overlong 4-byte
        {"\xED\xA0\x80", 0},      // UTF-16 surrogate D800
        {"\xED\xBF\xBF", 0},      // surrogate DFFF
        {"\xF4\x90\x80\x80", 0},  // above U+10FFFF
        {"\xF5\x80\x80\x80", 0},  // invalid lead byte
        {"\xFF", 0},              // never valid
        {"\xFE", 0},
        {"\xE3\x81", 0},                       // truncated あ
        {"あ\xE3", 3},                         // truncated at the end
        {"ok\xF0\x9F\x98", 2},                 // truncated emoji
        {"\xE3\x41\x82", 0},                   // ASCII inside a sequence
        {std::string("a\0b", 3) + "\xC3", 3},  // NUL is valid, the trailing lead byte is not
    };
    for (const auto& c : cases) {
        INFO(c.bytes);
        CHECK_FALSE(is_valid_utf8(c.bytes));
        CHECK_FALSE(decode_utf8(c.bytes).has_value());
        REQUIRE(first_invalid_utf8_offset(c.bytes).has_value());
        CHECK(*first_invalid_utf8_offset(c.bytes) == c.offset);
        // Lossy decoding never throws and always yields at least one U+FFFD.
        CHECK(decode_utf8_lossy(c.bytes).find(kReplacementChar) != std::u32string::npos);
    }
}

TEST_CASE("lossy decoding replaces each maximal invalid subpart once") {
    CHECK(decode_utf8_lossy("a\xE3\x81"
                            "b") == U"a\uFFFDb");
    CHECK(decode_utf8_lossy("\xE3\x41") == U"\uFFFDA");
    CHECK(decode_utf8_lossy("\xFF\xFF") == U"\uFFFD\uFFFD");
    CHECK(decode_utf8_lossy("\xF0\x9F\x98\x80") == U"\U0001F600");
}

TEST_CASE("lengths are in code points") {
    struct Case {
        const char* text;
        std::size_t chars;
    };
    const Case cases[] = {{"", 0},
                          {"abc", 3},
                          {"日本語", 3},
                          {"ｶﾞ", 2},
                          {"ガ", 1},
                          {"𠮷", 1},
                          {"😀😀", 2},
                          {"a\xFF"
                           "b",
                           3},
                          {"ＡＢＣ", 3},
                          {"コアコンシェル 太郎", 10}};
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK(count_code_points(c.text) == c.chars);
    }
    CHECK(count_code_points(std::string(10000, 'x')) == 10000);
    std::string kanji;
    for (int i = 0; i < 3000; ++i) kanji += "漢";
    CHECK(count_code_points(kanji) == 3000);
    CHECK(kanji.size() == 9000);
}

TEST_CASE("encoding replaces code points that are not Unicode scalar values") {
    std::string out;
    append_utf8(out, 0xD800);
    append_utf8(out, 0x110000);
    CHECK(out == "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("random bytes never crash the decoder") {
    std::uint32_t seed = 12345;
    for (int round = 0; round < 2000; ++round) {
        std::string bytes;
        const int n = static_cast<int>(seed % 24);
        for (int i = 0; i < n; ++i) {
            seed = seed * 1664525u + 1013904223u;
            bytes.push_back(static_cast<char>(seed >> 24));
        }
        seed = seed * 1664525u + 1013904223u;
        const auto lossy = decode_utf8_lossy(bytes);
        CHECK(lossy.size() <= bytes.size());
        CHECK(count_code_points(bytes) == lossy.size());
        CHECK(is_valid_utf8(encode_utf8(lossy)));
        CHECK(is_valid_utf8(bytes) == decode_utf8(bytes).has_value());
    }
}
