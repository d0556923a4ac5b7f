// Password strength and whole-number rules.
#include <doctest/doctest.h>

#include <string>

#include "data/rules/number.hpp"
#include "data/rules/password.hpp"

using namespace madoguchi;

TEST_CASE("password strength") {
    struct Case {
        std::string password;
        const char* code;  // "" = accepted
    };
    const Case cases[] = {
        {"kiosk2026madoguchi", ""},
        {"Sakura#2026", ""},
        {"tr0ub4dor&3", ""},
        {std::string(128, 'a') + "", "password.mix"},
        {"short1", "password.too_short"},
        {"", "password.too_short"},
        {std::string(129, 'a'), "password.too_long"},
        {"onlyletters", "password.mix"},
        {"1234567890123", "password.mix"},
        {"password1", "password.common"},
        {"PASSWORD123", "password.common"},
        {"abcd1234", "password.common"},
        {"パスワード12345", "password.characters"},
        {"pass word 12", "password.characters"},
        {"ｐａｓｓ１２３４５", "password.characters"},
        {std::string("pass\0word12", 11), "password.characters"},
        {"taro2026xyz", "password.personal"},
        {"yamada.t99zz", "password.personal"},
    };
    for (const auto& c : cases) {
        INFO(c.password);
        const Status s = check_password_strength("password", c.password, {"taro2026", "yamada.t@example.jp"});
        if (*c.code == '\0') {
            CHECK(s.ok());
        } else {
            REQUIRE_FALSE(s.ok());
            CHECK(s.error().code == c.code);
            CHECK(s.error().field == "password");
        }
    }
}

TEST_CASE("password messages say what to do") {
    const Status s = check_password_strength("password", "abc1");
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().message_ja == "パスワードは8文字以上にしてください（いま4文字）。");
    CHECK(s.error().message_en == "Use at least 8 characters (now 4).");
}

TEST_CASE("whole numbers") {
    struct Case {
        const char* in;
        std::int64_t value;  // -1 = rejected with `code`
        const char* code;
    };
    const Case cases[] = {
        {"1200", 1200, ""},
        {"１２００", 1200, ""},
        {"1,200", 1200, ""},
        {"１，２００", 1200, ""},
        {" 42 ", 42, ""},
        {"0", -1, "number.range"},
        {"100001", -1, "number.range"},
        {"-5", -1, "number.format"},
        {"1.5", -1, "number.format"},
        {"12a", -1, "number.format"},
        {",100", -1, "number.format"},
        {"1,,000", -1, "number.format"},
        {"", -1, "text.required"},
        {"99999999999999999999999", -1, "number.range"},
        {"一二〇〇", -1, "number.format"},
    };
    for (const auto& c : cases) {
        INFO(c.in);
        const auto r = parse_whole_number("hourly_rate_yen", c.in, 1, 100000);
        if (c.value >= 0) {
            REQUIRE(r.ok());
            CHECK(*r == c.value);
        } else {
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().code == c.code);
        }
    }
    CHECK(check_range("level", 3, 1, 5).ok());
    CHECK(check_range("level", 6, 1, 5).error().message_ja == "1から5までの数で入力してください。");
}
