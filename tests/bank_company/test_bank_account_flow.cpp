// Bank account 【12】 through the touch screen: bank and branch found by name,
// kana and code in the Zengin data set; invalid inputs with their messages
// (8-digit number, half-width kana and latin in the holder, no branch);
// the Zengin holder conversion (small kana, ヴ, long vowel, middle dot) on
// the confirmation step; the number masked on screen and in the widget
// registry; the ゆうちょ 記号・番号 example of JAPAN.md; outbox rows for
// put and delete; a 1–6 digit number padded with zeros to 7 (JAPAN.md).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/bank_company/bank_company_fixture.hpp"

using namespace madoguchi;
using madoguchi::testing::BankCompanyFixture;
using madoguchi::testing::fill;
using madoguchi::testing::paste_into;
using nlohmann::json;

namespace {

std::vector<OutboxRow> bank_rows(Store& s) {
    auto rows = s.outbox().list(OutboxState::pending);
    REQUIRE(rows.ok());
    std::vector<OutboxRow> out;
    for (auto& r : *rows)
        if (r.entity_type == "bank_account") out.push_back(r);
    return out;
}

// The index of the result button whose label contains `needle`, or -1.
int result_with(UiDriver& d, const std::string& prefix, const std::string& needle) {
    for (int i = 0; i < 8; ++i) {
        const WidgetRecord* r = d.find(prefix + std::to_string(i));
        if (!r) break;
        if (r->label.find(needle) != std::string::npos) return i;
    }
    return -1;
}

// No widget anywhere shows the plain number.
void check_number_not_shown(UiDriver& d, const std::string& number) {
    for (const WidgetRecord& r : d.app().registry().all()) {
        INFO(r.id);
        CHECK(r.value.find(number) == std::string::npos);
        CHECK(r.label.find(number) == std::string::npos);
    }
}

}  // namespace

TEST_CASE("bank: lookup by name, kana and code; invalid inputs; Zengin holder; masked confirmation; outbox") {
    BankCompanyFixture f;
    auto& d = f.d();
    f.open("home.bank_account");
    REQUIRE(d.screen() == "bank_account");
    REQUIRE(d.find("bank.bank_query"));

    // The bank by name, by kana and by code: みずほ (0001) each time.
    for (const char* query : {"みずほ", "ミズホ", "0001"}) {
        CAPTURE(query);
        REQUIRE_OK(paste_into(d, "bank.bank_query", query));
        CHECK(result_with(d, "bank.bank_result.", "0001") >= 0);
    }
    REQUIRE_OK(d.tap("bank.bank_result." + std::to_string(result_with(d, "bank.bank_result.", "0001"))));
    CHECK(d.value("bank.bank_chosen") == "みずほ（0001）");

    // Invalid 1–3 at once: no branch chosen, an 8-digit number, half-width kana in the holder.
    REQUIRE_OK(fill(d, "bank.number", "12345678"));
    REQUIRE_OK(paste_into(d, "bank.holder_family", "ﾔﾏﾀﾞ"));
    REQUIRE_OK(paste_into(d, "bank.holder_given", "タロウ"));
    REQUIRE_OK(d.tap("bank.review"));
    CHECK(d.find("bank.bank_chosen"));  // still on the form
    CHECK_FALSE(d.find("bank.confirm.number"));
    CHECK(d.error("bank.branch_query").find("支店を選んでください") != std::string::npos);
    CHECK(d.error("bank.number").find("7桁") != std::string::npos);
    CHECK(d.error("bank.holder_family").find("半角カナ") != std::string::npos);
    CHECK(d.value("bank.number") == "12345678");  // kept as typed
    CHECK_FALSE(d.find("bank.number_padded"));
    CHECK(d.value("bank.holder_family") == "ﾔﾏﾀﾞ");
    CHECK(bank_rows(f.store()).empty());

    // Invalid 4: latin letters in the holder.
    REQUIRE_OK(paste_into(d, "bank.holder_family", "Yamada"));
    REQUIRE_OK(d.tap("bank.review"));
    CHECK(d.error("bank.holder_family").find("カタカナ") != std::string::npos);

    // The branch by name, kana and code: 東京営業部 (001).
    for (const char* query : {"東京営業部", "トウキョウ", "001"}) {
        CAPTURE(query);
        REQUIRE_OK(paste_into(d, "bank.branch_query", query));
        CHECK(result_with(d, "bank.branch_result.", "東京営業部") >= 0);
    }
    REQUIRE_OK(d.tap("bank.branch_result." + std::to_string(result_with(d, "bank.branch_result.", "東京営業部"))));
    CHECK(d.value("bank.branch_chosen") == "東京営業部（001）");

    // Valid: 7 digits; a holder with ヴ, a long vowel, small kana and a middle dot.
    REQUIRE_OK(fill(d, "bank.number", "8642097"));
    REQUIRE_OK(paste_into(d, "bank.holder_family", "ヴォーン・キャット"));
    REQUIRE_OK(paste_into(d, "bank.holder_given", "ショウ"));
    REQUIRE_OK(d.tap("bank.review"));
    REQUIRE(d.find("bank.confirm.number"));
    CHECK(d.value("bank.confirm.bank") == "みずほ（0001）");
    CHECK(d.value("bank.confirm.branch") == "東京営業部（001）");
    CHECK(d.value("bank.confirm.type") == "普通");
    CHECK(d.value("bank.confirm.number") == "****097");
    CHECK(d.value("bank.confirm.holder") == "ｳﾞｵ-ﾝ ｷﾔﾂﾄ ｼﾖｳ");
    check_number_not_shown(d, "8642097");
    CHECK(bank_rows(f.store()).empty());  // confirming stores nothing yet

    // Back to the form keeps everything; then save.
    REQUIRE_OK(d.tap("bank.back_to_form"));
    CHECK(d.value("bank.holder_family") == "ヴォーン・キャット");
    REQUIRE_OK(d.tap("bank.review"));
    REQUIRE_OK(d.tap("bank.save"));
    REQUIRE(d.find("bank.saved.number"));
    CHECK(d.value("bank.saved.number") == "****097");
    CHECK(d.value("bank.saved.holder") == "ｳﾞｵ-ﾝ ｷﾔﾂﾄ ｼﾖｳ");
    check_number_not_shown(d, "8642097");

    auto rows = bank_rows(f.store());
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].operation == "bank_account.put");
    const json body = json::parse(rows[0].payload);
    CHECK(body["bank_code"] == "0001");
    CHECK(body["branch_code"] == "001");
    CHECK(body["account_number"] == "8642097");  // the server needs it; the row is encrypted at rest
    CHECK(body["holder_name_kana"] == "ｳﾞｵ-ﾝ ｷﾔﾂﾄ ｼﾖｳ");

    // Editing never puts the stored number back on screen.
    REQUIRE_OK(d.tap("bank.edit"));
    CHECK(d.value("bank.number").empty());
    CHECK(d.value("bank.bank_chosen") == "みずほ（0001）");
    REQUIRE_OK(d.tap("bank.form_cancel"));
    REQUIRE(d.find("bank.saved.number"));

    // Delete asks first, then queues bank_account.delete.
    REQUIRE_OK(d.tap("bank.delete"));
    REQUIRE_OK(d.tap("confirm.cancel"));
    CHECK(d.find("bank.saved.number"));
    REQUIRE_OK(d.tap("bank.delete"));
    REQUIRE_OK(d.tap("confirm.ok"));
    CHECK_FALSE(d.find("bank.saved.number"));
    CHECK(d.find("bank.bank_query"));
    rows = bank_rows(f.store());
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].operation == "bank_account.delete");
    auto gone = f.bank_accounts.load(f.owner);
    REQUIRE(gone.ok());
    CHECK_FALSE(gone->has_value());
}

TEST_CASE("bank: ゆうちょ 記号・番号 17300 / 19927651 becomes 738, 普通, 1992765") {
    BankCompanyFixture f;
    auto& d = f.d();
    f.open("home.bank_account");
    REQUIRE_OK(d.tap("bank.mode.1"));
    REQUIRE(d.find("bank.yucho_kigo"));

    // A 番号 of a 普通 account must end in 1.
    REQUIRE_OK(fill(d, "bank.yucho_kigo", "17300"));
    REQUIRE_OK(fill(d, "bank.yucho_bango", "19927652"));
    REQUIRE_OK(d.tap("bank.yucho_convert"));
    CHECK_FALSE(d.error("bank.yucho_bango").empty());

    REQUIRE_OK(fill(d, "bank.yucho_bango", "19927651"));
    REQUIRE_OK(d.tap("bank.yucho_convert"));
    CHECK(d.error("bank.yucho_bango").empty());
    CHECK(d.value("bank.yucho_result").find("七三八（738）") != std::string::npos);
    CHECK(d.value("bank.yucho_result").find("普通") != std::string::npos);
    CHECK(d.value("bank.yucho_result").find("****765") != std::string::npos);

    REQUIRE_OK(paste_into(d, "bank.holder_family", "ユウチョ"));
    REQUIRE_OK(paste_into(d, "bank.holder_given", "ハナコ"));
    REQUIRE_OK(d.tap("bank.review"));
    REQUIRE(d.find("bank.confirm.number"));
    CHECK(d.value("bank.confirm.bank") == "ゆうちょ（9900）");
    CHECK(d.value("bank.confirm.branch") == "七三八（738）");
    CHECK(d.value("bank.confirm.type") == "普通");
    CHECK(d.value("bank.confirm.number") == "****765");
    CHECK(d.value("bank.confirm.holder") == "ﾕｳﾁﾖ ﾊﾅｺ");
    REQUIRE_OK(d.tap("bank.save"));
    auto saved = f.bank_accounts.load(f.owner);
    REQUIRE(saved.ok());
    REQUIRE(saved->has_value());
    CHECK((*saved)->bank_code == "9900");
    CHECK((*saved)->branch_code == "738");
    CHECK((*saved)->type == AccountType::ordinary);
    CHECK((*saved)->account_number == "1992765");
    CHECK(d.value("bank.saved.number") == "****765");
}

TEST_CASE("bank service: holder must be typed in katakana; full-width digits are converted") {
    BankCompanyFixture f;
    struct Case {
        const char* family;
        const char* given;
        const char* zengin;  // nullptr = refused
    };
    const Case cases[] = {
        {"キャッシュ", "ジョー", "ｷﾔﾂｼﾕ ｼﾞﾖ-"},
        {"ヴィヴィアン", "", "ｳﾞｲｳﾞｲｱﾝ"},
        {"スミス・ジョン", "", "ｽﾐｽ ｼﾞﾖﾝ"},
        {"ヲノ", "ヱミ", "ｵﾉ ｴﾐ"},
        {"ﾔﾏﾀﾞ", "ﾀﾛｳ", nullptr},
        {"YAMADA", "TARO", nullptr},
        {"山田", "太郎", nullptr},
        {"やまだ", "たろう", nullptr},
        {"", "タロウ", nullptr},
    };
    for (const auto& c : cases) {
        CAPTURE(c.family);
        BankAccountInput in;
        in.bank_code = "0001";
        in.bank_name = "みずほ";
        in.branch_code = "001";
        in.branch_name = "東京営業部";
        in.account_number = "１２３４５６７";
        in.holder_family = c.family;
        in.holder_given = c.given;
        auto out = f.bank_accounts.check(in);
        if (c.zengin) {
            REQUIRE(out.ok());
            CHECK(out.account.holder_name_kana == c.zengin);
            CHECK(out.account.account_number == "1234567");
        } else {
            CHECK_FALSE(out.ok());
        }
    }
    CHECK(masked_account_number("1234567") == "****567");
    CHECK(masked_account_number("12") == "12");
}

TEST_CASE("bank: a 1-6 digit number is padded with zeros to 7, shown before confirming, masked after") {
    BankCompanyFixture f;
    auto& d = f.d();
    f.open("home.bank_account");
    REQUIRE_OK(paste_into(d, "bank.bank_query", "0001"));
    REQUIRE_OK(d.tap("bank.bank_result.0"));
    REQUIRE_OK(paste_into(d, "bank.branch_query", "001"));
    REQUIRE_OK(d.tap("bank.branch_result." + std::to_string(result_with(d, "bank.branch_result.", "東京営業部"))));
    REQUIRE_OK(paste_into(d, "bank.holder_family", "ヤマダ"));

    // While typing, the 7-digit form is shown under the field.
    REQUIRE_OK(fill(d, "bank.number", "4321"));
    CHECK(d.value("bank.number_padded") == "0004321");
    REQUIRE_OK(fill(d, "bank.number", "7654321"));
    CHECK_FALSE(d.find("bank.number_padded"));  // nothing to pad
    REQUIRE_OK(fill(d, "bank.number", "4321"));

    REQUIRE_OK(d.tap("bank.review"));
    REQUIRE(d.find("bank.confirm.number"));
    CHECK(d.value("bank.confirm.number") == "****321");
    CHECK(d.value("bank.confirm.padded") == "3");
    CHECK(d.find("bank.confirm.padded")->error.find("0を3つ") != std::string::npos);
    REQUIRE_OK(d.tap("bank.save"));
    REQUIRE(d.find("bank.saved.number"));
    CHECK(d.value("bank.saved.number") == "****321");
    auto saved = f.bank_accounts.load(f.owner);
    REQUIRE(saved.ok());
    REQUIRE(saved->has_value());
    CHECK((*saved)->account_number == "0004321");
    check_number_not_shown(d, "0004321");
    auto rows = bank_rows(f.store());
    REQUIRE(rows.size() == 1);
    CHECK(json::parse(rows[0].payload)["account_number"] == "0004321");
}

TEST_CASE("bank service: account numbers of 1-7 digits, any width, padded; others refused") {
    BankCompanyFixture f;
    struct Case {
        const char* typed;
        const char* stored;  // nullptr = refused
        std::size_t zeros;
    };
    const Case cases[] = {
        {"1", "0000001", 6},       {"123456", "0123456", 1}, {"1234567", "1234567", 0},
        {"１２３４", "0001234", 3}, {"123-4567", "1234567", 0}, {"0012345", "0012345", 0},
        {"12345678", nullptr, 0},  {"12a45", nullptr, 0},     {"", nullptr, 0},
        {"１２３４５６７８", nullptr, 0},
    };
    for (const auto& c : cases) {
        CAPTURE(c.typed);
        BankAccountInput in;
        in.bank_code = "0001";
        in.bank_name = "みずほ";
        in.branch_code = "001";
        in.branch_name = "東京営業部";
        in.account_number = c.typed;
        in.holder_family = "ヤマダ";
        auto out = f.bank_accounts.check(in);
        if (c.stored) {
            REQUIRE(out.ok());
            CHECK(out.account.account_number == c.stored);
            CHECK(out.zeros_padded == c.zeros);
            CHECK(padded_account_number(c.typed) == (c.zeros ? std::string(c.stored) : std::string()));
        } else {
            CHECK_FALSE(out.ok());
            CHECK(padded_account_number(c.typed).empty());
        }
    }
}
