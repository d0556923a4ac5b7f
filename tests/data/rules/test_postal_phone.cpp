// Postal code and phone number rules (JAPAN.md).
#include <doctest/doctest.h>

#include "data/rules/phone.hpp"
#include "data/rules/postal_code.hpp"

using namespace madoguchi;

TEST_CASE("postal codes are normalized to 7 digits") {
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {
        {"1000001", "1000001"},         {"100-0001", "1000001"},
        {"〒100-0001", "1000001"},      {"〒 100-0001", "1000001"},
        {"１００−０００１", "1000001"}, {"１００－０００１", "1000001"},
        {"１０００００１", "1000001"},  {"100ー0001", "1000001"},
        {"100ｰ0001", "1000001"},        {"100‐0001", "1000001"},
        {"100―0001", "1000001"},        {"100〜0001", "1000001"},
        {" 430-0933 ", "4300933"},      {"\u3000０６０−０００１", "0600001"},
        {"100 0001", "1000001"},        {"〶1000001", "1000001"},
    };
    for (const auto& c : cases) {
        INFO(c.in);
        const auto r = normalize_postal_code("postal_code", c.in);
        REQUIRE(r.ok());
        CHECK(*r == c.out);
        CHECK(check_postal_code("postal_code", *r).ok());
    }
}

TEST_CASE("postal code rejections") {
    const char* cases[] = {"100001",
                           "10000011",
                           "100-000a",
                           "abc-defg",
                           "100_0001",
                           "100.0001",
                           "１００−０００",
                           "1000001; DROP TABLE",
                           "〒",
                           "0x1000001",
                           "1000001😀",
                           "\xFF"
                           "1000001",
                           "一〇〇〇〇〇一"};
    for (const char* in : cases) {
        INFO(in);
        const auto r = normalize_postal_code("postal_code", in);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().field == "postal_code");
    }
    const auto blank = normalize_postal_code("postal_code", "  ");
    REQUIRE_FALSE(blank.ok());
    CHECK(blank.error().code == "text.required");
    CHECK(normalize_postal_code("postal_code", "12").error().code == "postal_code.format");
}

TEST_CASE("postal code display and stored form") {
    CHECK(format_postal_code("1000001") == "100-0001");
    CHECK(format_postal_code("100001") == "100001");
    CHECK_FALSE(check_postal_code("p", "100-0001").ok());
    CHECK_FALSE(check_postal_code("p", "１０００００１").ok());
}

TEST_CASE("phone numbers: valid shapes, kinds and display") {
    struct Case {
        const char* in;
        const char* digits;
        PhoneKind kind;
        const char* shown;
    };
    const Case cases[] = {
        {"090-1234-5678", "09012345678", PhoneKind::mobile, "090-1234-5678"},
        {"09012345678", "09012345678", PhoneKind::mobile, "090-1234-5678"},
        {"０９０−１２３４−５６７８", "09012345678", PhoneKind::mobile, "090-1234-5678"},
        {"080 1234 5678", "08012345678", PhoneKind::mobile, "080-1234-5678"},
        {"070(1234)5678", "07012345678", PhoneKind::mobile, "070-1234-5678"},
        {"060-1234-5678", "06012345678", PhoneKind::mobile, "060-1234-5678"},
        {"050-1234-5678", "05012345678", PhoneKind::ip_phone, "050-1234-5678"},
        {"+81 90-1234-5678", "09012345678", PhoneKind::mobile, "090-1234-5678"},
        {"+819012345678", "09012345678", PhoneKind::mobile, "090-1234-5678"},
        {"+81 (0)90-1234-5678", "09012345678", PhoneKind::mobile, "090-1234-5678"},
        {"+81 090-1234-5678", "09012345678", PhoneKind::mobile, "090-1234-5678"},
        {"＋８１ ３−１２３４−５６７８", "0312345678", PhoneKind::fixed_line, "03-1234-5678"},
        {"03-1234-5678", "0312345678", PhoneKind::fixed_line, "03-1234-5678"},
        {"06-1234-5678", "0612345678", PhoneKind::fixed_line, "06-1234-5678"},
        {"053-123-4567", "0531234567", PhoneKind::fixed_line, "0531234567"},
        {"0467-12-3456", "0467123456", PhoneKind::fixed_line, "0467123456"},
        {"01267-1-2345", "0126712345", PhoneKind::fixed_line, "0126712345"},
        {"0120-123-456", "0120123456", PhoneKind::toll_free, "0120-123-456"},
        {"0800-123-4567", "08001234567", PhoneKind::toll_free, "0800-123-4567"},
        {"0570-123-456", "0570123456", PhoneKind::navi_dial, "0570-123-456"},
        {"090ー1234ー5678", "09012345678", PhoneKind::mobile, "090-1234-5678"},
        {" 090‐1234‐5678 ", "09012345678", PhoneKind::mobile, "090-1234-5678"},
    };
    for (const auto& c : cases) {
        INFO(c.in);
        const auto r = parse_phone("phone", c.in);
        REQUIRE(r.ok());
        CHECK(r->digits == c.digits);
        CHECK(r->kind == c.kind);
        CHECK(format_phone(*r) == c.shown);
        CHECK(check_phone("phone", r->digits).ok());
    }
}

TEST_CASE("phone number rejections") {
    struct Case {
        const char* in;
        const char* code;
    };
    const Case cases[] = {
        {"090-1234-567", "phone.invalid"},  // 0X0 must be 11 digits
        {"0901234567", "phone.invalid"},
        {"080-123-4567", "phone.invalid"},
        {"050-123-4567", "phone.invalid"},
        {"090-1234-56789", "phone.invalid"},
        {"03-1234-567", "phone.invalid"},
        {"03-1234-56789", "phone.invalid"},
        {"020-1234-5678", "phone.not_contact"},
        {"0201234567", "phone.not_contact"},
        {"0120-123-4567", "phone.invalid"},
        {"0800-123-456", "phone.invalid"},
        {"0570-123-4567", "phone.invalid"},
        {"90-1234-5678", "phone.leading_zero"},
        {"1234567890", "phone.leading_zero"},
        {"00-1234-5678", "phone.invalid"},
        {"+1 415 555 0100", "phone.country"},
        {"+8", "phone.country"},
        {"090-1234-5678 内線12", "phone.characters"},
        {"tel:09012345678", "phone.characters"},
        {"090.1234.5678", "phone.characters"},
        {"", "text.required"},
        {"\xC0\xAF", "text.invalid_utf8"},
        {"0'; DROP TABLE users;--", "phone.characters"},
    };
    for (const auto& c : cases) {
        INFO(c.in);
        const auto r = parse_phone("phone", c.in);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == c.code);
        CHECK(r.error().field == "phone");
    }
    CHECK(parse_phone("phone", std::string(10000, '0')).error().code == "phone.invalid");
}

TEST_CASE("stored phone numbers are digits only") {
    CHECK(check_phone("phone", "09012345678").ok());
    CHECK(check_phone("phone", "090-1234-5678").error().code == "phone.not_normalized");
    CHECK(check_phone("phone", "0201234567").error().code == "phone.not_contact");
}
