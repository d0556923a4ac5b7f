// Bank account field rules and the ゆうちょ 記号・番号 conversion.
#include <doctest/doctest.h>

#include "data/rules/bank_account_rules.hpp"
#include "data/rules/yucho.hpp"

using namespace madoguchi;

TEST_CASE("bank and branch codes") {
    CHECK(check_bank_code("bank_code", "0001").ok());
    CHECK(check_bank_code("bank_code", "9900").ok());
    for (const char* bad : {"001", "00001", "０００１", "abcd", "", "00 1"}) {
        INFO(bad);
        CHECK(check_bank_code("bank_code", bad).error().code == "bank.bank_code");
    }
    CHECK(check_branch_code("branch_code", "738").ok());
    for (const char* bad : {"73", "7380", "７３８", "x38", ""}) {
        INFO(bad);
        CHECK(check_branch_code("branch_code", bad).error().code == "bank.branch_code");
    }
}

TEST_CASE("account numbers are 1-7 digits, zero padded to 7") {
    struct Case {
        const char* in;
        const char* out;  // nullptr = rejected
    };
    const Case cases[] = {
        {"1234567", "1234567"},
        {"12345", "0012345"},
        {"1", "0000001"},
        {"１２３４５６７", "1234567"},
        {"123-4567", "1234567"},
        {" 0012345 ", "0012345"},
        {"12345678", nullptr},
        {"12a4567", nullptr},
        {"", nullptr},
        {"---", nullptr},
        {"１２３４５６７８", nullptr},
    };
    for (const auto& c : cases) {
        INFO(c.in);
        const auto r = normalize_account_number("account_number", c.in);
        if (c.out) {
            REQUIRE(r.ok());
            CHECK(*r == c.out);
            CHECK(check_account_number("account_number", *r).ok());
        } else {
            CHECK_FALSE(r.ok());
        }
    }
    CHECK_FALSE(check_account_number("account_number", "12345").ok());
}

TEST_CASE("holder names in Zengin form") {
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {{"ヤマダ タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ"},
                          {"やまだ たろう", "ﾔﾏﾀﾞ ﾀﾛｳ"},
                          {"ｷｮｳｺ", "ｷﾖｳｺ"},
                          {"ガッツ", "ｶﾞﾂﾂ"},
                          {"smith john", "SMITH JOHN"}};
    for (const auto& c : cases) {
        INFO(c.in);
        const auto r = normalize_holder_name("holder_name_kana", c.in);
        REQUIRE(r.ok());
        CHECK(*r == c.out);
        CHECK(check_holder_name("holder_name_kana", *r).ok());
    }
    const auto joined = normalize_holder_name("holder_name_kana", "ヤマダ", "ハナコ");
    REQUIRE(joined.ok());
    CHECK(*joined == "ﾔﾏﾀﾞ ﾊﾅｺ");

    const auto kanji = normalize_holder_name("holder_name_kana", "山田 太郎");
    REQUIRE_FALSE(kanji.ok());
    CHECK(kanji.error().code == "bank.holder_characters");
    CHECK(kanji.error().message_ja.find("「山」") != std::string::npos);
    CHECK(normalize_holder_name("holder_name_kana", "").error().code == "text.required");
    CHECK(normalize_holder_name("holder_name_kana", "ア" + std::string(30, 'A')).error().code ==
          "text.too_long");
    CHECK(check_holder_name("holder_name_kana", "ヤマダ タロウ").error().code ==
          "bank.holder_not_normalized");
}

TEST_CASE("ゆうちょ 記号・番号 conversion (JAPAN.md example and more)") {
    struct Case {
        const char* kigo;
        const char* bango;
        const char* branch;
        const char* branch_name;
        const char* branch_kana;
        AccountType type;
        const char* number;
    };
    const Case cases[] = {
        {"17300", "19927651", "738", "七三八", "ナナサンハチ", AccountType::ordinary, "1992765"},
        {"１７３００", "１９９２７６５１", "738", "七三八", "ナナサンハチ", AccountType::ordinary, "1992765"},
        {"10180", "12345671", "018", "〇一八", "ゼロイチハチ", AccountType::ordinary, "1234567"},
        {"14090", "8811", "408", "四〇八", "ヨンゼロハチ", AccountType::ordinary, "0000881"},
        {"00190", "123456", "019", "〇一九", "ゼロイチキユウ", AccountType::current, "0123456"},
        {"01990", "1", "199", "一九九", "イチキユウキユウ", AccountType::current, "0000001"},
        {"17300-", "1992765-1", "738", "七三八", "ナナサンハチ", AccountType::ordinary, "1992765"},
    };
    for (const auto& c : cases) {
        INFO(c.kigo);
        INFO(c.bango);
        const auto r = convert_yucho_kigo_bango(c.kigo, c.bango);
        REQUIRE(r.ok());
        CHECK(r->branch_code == c.branch);
        CHECK(r->branch_name == c.branch_name);
        CHECK(r->branch_kana == c.branch_kana);
        CHECK(r->type == c.type);
        CHECK(r->account_number == c.number);
    }
}

TEST_CASE("ゆうちょ conversion rejections") {
    struct Case {
        const char* kigo;
        const char* bango;
        const char* code;
        const char* field;
    };
    const Case cases[] = {
        {"1730", "19927651", "yucho.kigo", "yucho_kigo"},
        {"173000", "19927651", "yucho.kigo", "yucho_kigo"},
        {"27300", "19927651", "yucho.kigo", "yucho_kigo"},
        {"1730a", "19927651", "yucho.kigo", "yucho_kigo"},
        {"17300", "19927652", "yucho.bango_check_digit", "yucho_bango"},
        {"17300", "1", "yucho.bango_check_digit", "yucho_bango"},
        {"17300", "199276511", "yucho.bango", "yucho_bango"},
        {"17300", "", "yucho.bango", "yucho_bango"},
        {"00190", "12345678", "yucho.bango", "yucho_bango"},
        {"17300", "1992765x", "yucho.bango", "yucho_bango"},
    };
    for (const auto& c : cases) {
        INFO(c.kigo);
        INFO(c.bango);
        const auto r = convert_yucho_kigo_bango(c.kigo, c.bango);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == c.code);
        CHECK(r.error().field == c.field);
    }
}
