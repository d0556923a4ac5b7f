// Bank and branch lookups against the zengin-code data set.
#include <doctest/doctest.h>

#include <algorithm>

#include "data/datasets/bank_directory.hpp"
#include "data/rules/validate_records.hpp"
#include "data/rules/yucho.hpp"
#include "tests/data/datasets/asset_dir.hpp"

using namespace madoguchi;

namespace {
const BankDirectory& directory() {
    static const BankDirectory d = [] {
        auto r = BankDirectory::open(test_asset_dir() / "banks.bin");
        REQUIRE(r.ok());
        return std::move(r).value();
    }();
    return d;
}
}  // namespace

TEST_CASE("banks by code") {
    CHECK(directory().bank_count() > 1000);
    CHECK(directory().branch_count() > 25000);
    const auto mizuho = directory().bank("0001");
    REQUIRE(mizuho);
    CHECK(mizuho->name == "みずほ");
    CHECK(mizuho->kana == "ミズホ");
    const auto yucho = directory().bank("9900");
    REQUIRE(yucho);
    CHECK(yucho->name == "ゆうちょ");
    CHECK_FALSE(directory().bank("0000"));
    CHECK_FALSE(directory().bank("abc"));
}

TEST_CASE("branches by code") {
    const auto b = directory().branch("0001", "001");
    REQUIRE(b);
    CHECK(b->name == "東京営業部");
    CHECK_FALSE(directory().branch("0001", "999"));
    CHECK(directory().branches("9900").size() > 50);
    CHECK(directory().branches("0000").empty());
}

TEST_CASE("a ゆうちょ branch from 記号・番号") {
    const auto converted = convert_yucho_kigo_bango("17300", "19927651");
    REQUIRE(converted.ok());
    const auto b = directory().branch(kYuchoBankCode, converted->branch_code);
    REQUIRE(b);
    CHECK(b->code == "738");
    CHECK(b->name == "七三八");
    CHECK(b->name == converted->branch_name);
    CHECK(b->kana == converted->branch_kana);
}

TEST_CASE("every ゆうちょ branch name matches the name computed from its digits") {
    for (const Branch& b : directory().branches("9900")) {
        INFO(b.code);
        // 記号 whose digits 2–3 give this branch: 1XY00 for *8, 0XY00 for *9.
        const char kind = b.code[2];
        if (kind != '8' && kind != '9') continue;
        const std::string kigo = std::string(kind == '8' ? "1" : "0") + b.code.substr(0, 2) + "00";
        const auto c = convert_yucho_kigo_bango(kigo, kind == '8' ? "11" : "1");
        REQUIRE(c.ok());
        CHECK(c->branch_code == b.code);
        CHECK(c->branch_name == b.name);
        CHECK(c->branch_kana == b.kana);
    }
}

TEST_CASE("bank search by name, kana, hiragana, romaji and code") {
    struct Case {
        const char* query;
        const char* expected_code;  // must appear in the results
        bool first;                 // and be the first result
    };
    const Case cases[] = {
        {"みずほ", "0001", true},
        {"ミズホ", "0001", true},
        {"ﾐｽﾞﾎ", "0001", true},
        {"mizuho", "0001", true},
        {"みずほ銀行", "0001", true},
        {"0001", "0001", true},
        {"０００１", "0001", true},
        {"三菱UFJ", "0005", true},
        {"三菱ＵＦＪ銀行", "0005", true},
        {"ゆうちょ", "9900", true},
        {"ユウチョ", "9900", true},
        {"9900", "9900", true},
        {"とうきょうすたー", "0526", false},
        {"東京", "1349", false},
        {"三井住友", "0009", true},
    };
    for (const auto& c : cases) {
        INFO(c.query);
        const auto hits = directory().search_banks(c.query);
        REQUIRE_FALSE(hits.empty());
        const bool found =
            std::any_of(hits.begin(), hits.end(), [&](const Bank& b) { return b.code == c.expected_code; });
        CHECK(found);
        if (c.first) CHECK(hits.front().code == c.expected_code);
    }
    CHECK(directory().search_banks("").empty());
    CHECK(directory().search_banks("存在しない銀行名xyz").empty());
    CHECK(directory().search_banks("信金", 5).size() == 5);
}

TEST_CASE("branch search within a bank") {
    const auto by_name = directory().search_branches("0001", "東京営業部");
    REQUIRE_FALSE(by_name.empty());
    CHECK(by_name.front().code == "001");
    const auto by_kana =
        directory().search_branches("0001", "とうきょう");  // data says トウキヨウ (large ヨ)
    CHECK(std::any_of(by_kana.begin(), by_kana.end(), [](const Branch& b) { return b.code == "001"; }));
    const auto by_code = directory().search_branches("9900", "738");
    REQUIRE(by_code.size() == 1);
    CHECK(by_code.front().name == "七三八");
    const auto by_kanji_digits = directory().search_branches("9900", "七三八");
    REQUIRE_FALSE(by_kanji_digits.empty());
    CHECK(by_kanji_digits.front().code == "738");
    for (const auto& b : directory().search_branches("0001", "支店")) CHECK(b.bank_code == "0001");
}

TEST_CASE("bank account validation against the data set") {
    ValidationContext ctx;
    ctx.banks = &directory();
    BankAccount b;
    b.bank_code = "9900";
    b.bank_name = "ゆうちょ";
    b.branch_code = "738";
    b.branch_name = "七三八";
    b.account_number = "1992765";
    b.holder_name_kana = "ﾔﾏﾀﾞ ﾀﾛｳ";
    CHECK(validate_bank_account(b, ctx).empty());

    auto unknown_bank = b;
    unknown_bank.bank_code = "0000";
    const auto e1 = validate_bank_account(unknown_bank, ctx);
    REQUIRE(e1.size() == 1);
    CHECK(e1[0].field == "bank_code");

    auto unknown_branch = b;
    unknown_branch.branch_code = "737";
    const auto e2 = validate_bank_account(unknown_branch, ctx);
    REQUIRE(e2.size() == 1);
    CHECK(e2[0].field == "branch_code");

    auto wrong_name = b;
    wrong_name.branch_name = "七三九";
    const auto e3 = validate_bank_account(wrong_name, ctx);
    REQUIRE(e3.size() == 1);
    CHECK(e3[0].field == "branch_name");
}

TEST_CASE("search keys") {
    CHECK(bank_search_key("とうきょう") == bank_search_key("トウキヨウ"));
    CHECK(bank_search_key("ﾄｳｷｮｳ") == bank_search_key("トウキヨウ"));
    CHECK(bank_search_key("みずほ銀行") == bank_search_key("みずほ"));
    CHECK(bank_search_key("ＵＦＪ") == "ufj");
    CHECK(bank_search_key("スター") == bank_search_key("スタ－"));  // data writes ー as U+FF0D
}
