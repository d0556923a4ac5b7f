// Hostile strings through every field rule: SQL fragments, 10 kB strings,
// invalid UTF-8, NUL bytes, emoji, bidi overrides. Rules must return an
// Error or a clean value — never crash, never pass bad bytes through.
#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include "data/rules/bank_account_rules.hpp"
#include "data/rules/email.hpp"
#include "data/rules/furigana.hpp"
#include "data/rules/number.hpp"
#include "data/rules/password.hpp"
#include "data/rules/phone.hpp"
#include "data/rules/postal_code.hpp"
#include "data/rules/slug.hpp"
#include "data/rules/text_field.hpp"
#include "data/rules/url.hpp"
#include "data/rules/validate_records.hpp"
#include "data/rules/yucho.hpp"
#include "data/text/normalize.hpp"
#include "data/text/utf8.hpp"
#include "data/text/zengin.hpp"

using namespace madoguchi;

namespace {

std::vector<std::string> hostile_strings() {
    std::vector<std::string> s = {
        "'; DROP TABLE profiles; --",
        "\" OR 1=1 --",
        "1' UNION SELECT password FROM accounts --",
        "<script>alert('x')</script>",
        "../../../../etc/passwd",
        "%00%0d%0a",
        "${jndi:ldap://127.0.0.1/a}",
        std::string("nul\0inside", 10),
        std::string(1, '\0'),
        "\xFF\xFE\xFD",
        "\xC0\x80",          // overlong NUL
        "\xED\xA0\x80",      // surrogate
        "\xF4\x90\x80\x80",  // above U+10FFFF
        "abc\xE3\x81",       // truncated
        "😀😀😀",
        "𠮷野家",
        "\u202Eevil\u202C",
        "\u200B\u200B",
        "\uFEFF",
        "ﾞﾞﾞﾟﾟﾟ",
        "゛゜゛",
        "\u3000\u3000\u3000",
        "\r\n\r\n",
        "+81",
        "+",
        "〒",
        "ー",
        "・",
        "-",
    };
    s.push_back(std::string(10 * 1024, 'A'));
    s.push_back(std::string(10 * 1024, '9'));
    std::string kana;
    for (int i = 0; i < 3500; ++i) kana += "ア";  // ~10 kB
    s.push_back(kana);
    std::string emoji;
    for (int i = 0; i < 2600; ++i) emoji += "😀";  // ~10 kB
    s.push_back(emoji);
    std::string invalid;
    for (int i = 0; i < 5000; ++i) invalid += "\xE3\x81";
    s.push_back(invalid);
    return s;
}

// A successful result must be valid UTF-8 and free of control characters.
void check_clean(const std::string& value) {
    CHECK(is_valid_utf8(value));
    for (char c : value) CHECK(static_cast<unsigned char>(c) >= 0x20);
}

}  // namespace

TEST_CASE("hostile strings through every normalizer") {
    const std::vector<std::pair<const char*, std::function<Result<std::string>(const std::string&)>>> rules =
        {
            {"furigana", [](const std::string& v) { return normalize_furigana("f", v); }},
            {"postal", [](const std::string& v) { return normalize_postal_code("f", v); }},
            {"email", [](const std::string& v) { return normalize_email("f", v); }},
            {"url", [](const std::string& v) { return normalize_url("f", v); }},
            {"slug", [](const std::string& v) { return normalize_slug("f", v, kUsernameLimits); }},
            {"account", [](const std::string& v) { return normalize_account_number("f", v); }},
            {"holder", [](const std::string& v) { return normalize_holder_name("f", v); }},
            {"phone",
             [](const std::string& v) -> Result<std::string> {
                 auto r = parse_phone("f", v);
                 if (!r) return r.error();
                 return r->digits;
             }},
            {"number",
             [](const std::string& v) -> Result<std::string> {
                 auto r = parse_whole_number("f", v, 0, 1000000);
                 if (!r) return r.error();
                 return std::to_string(*r);
             }},
        };
    for (const std::string& input : hostile_strings()) {
        for (const auto& [name, rule] : rules) {
            INFO(name);
            INFO(input.substr(0, 40));
            const auto r = rule(input);
            if (r.ok()) {
                check_clean(*r);
            } else {
                CHECK(r.error().field == "f");
                CHECK(is_valid_utf8(r.error().message_ja));
                CHECK(is_valid_utf8(r.error().message_en));
            }
        }
    }
}

TEST_CASE("hostile strings through the text field rules") {
    for (const std::string& input : hostile_strings()) {
        INFO(input.substr(0, 40));
        const Status single = check_text("nickname", input, TextLimits{true, 30});
        const Status multi = check_text("self_introduction", input, TextLimits{false, 2000, 0, true});
        if (!is_valid_utf8(input)) {
            CHECK(single.error().code == "text.invalid_utf8");
            CHECK(multi.error().code == "text.invalid_utf8");
        }
        if (input.find('\0') != std::string::npos) CHECK_FALSE(single.ok());
        if (single.ok()) CHECK(count_code_points(input) <= 30);
        CHECK(is_valid_utf8(normalize_for_comparison(input)));
        const auto z = to_zengin_kana(input);
        CHECK(is_valid_utf8(z.converted));
        (void)check_password_strength("password", input, {"user", "user@example.jp"});
        (void)convert_yucho_kigo_bango(input, input);
    }
}

TEST_CASE("SQL-looking values that are otherwise fine are kept verbatim") {
    // Rules validate shape, not content: storage uses bound parameters, so a
    // nickname may contain quotes; it must come back unchanged.
    const std::string nick = "O'Brien \"Bob\"";
    CHECK(check_text("nickname", nick, TextLimits{true, 30}).ok());
    CHECK_FALSE(normalize_postal_code("p", "100'0001").ok());
    CHECK_FALSE(normalize_slug("u", "bob';--", kUsernameLimits).ok());
}

TEST_CASE("hostile strings in every field of every record") {
    const ValidationContext ctx{CivilDate{2026, 11, 26}};
    for (const std::string& h : hostile_strings()) {
        INFO(h.substr(0, 40));
        Profile p;
        for (std::string* f : {&p.photo_file_id, &p.username, &p.nickname, &p.self_introduction,
                               &p.family_name, &p.given_name, &p.family_name_kana, &p.given_name_kana,
                               &p.postal_code, &p.prefecture, &p.city, &p.town, &p.address_line, &p.phone,
                               &p.preferred_prefecture, &p.preferred_municipality, &p.hometown, &p.schools})
            *f = h;
        Profile normalized = p;
        (void)normalize_profile_fields(normalized);
        const Errors pe = validate_profile(p, ctx);
        CHECK_FALSE(pe.empty());
        for (const Error& e : pe) {
            CHECK_FALSE(e.field.empty());
            CHECK(is_valid_utf8(e.message_ja));
        }

        Company c{{}, h, h, h, h, h, h, h, h, h};
        (void)normalize_company_fields(c);
        CHECK_FALSE(validate_company(c).empty());

        Career career;
        career.category = career.company_name = career.duties = career.company_url = career.role =
            career.environment = h;
        career.attachments.push_back({h, h, h});
        (void)normalize_career_fields(career);
        CHECK_FALSE(validate_career(career, ctx).empty());

        BankAccount b{{}, h, h, h, h, AccountType::ordinary, h, h};
        (void)normalize_bank_account_fields(b);
        CHECK_FALSE(validate_bank_account(b, ctx).empty());

        // Free-text records fail exactly when one of their text rules fails.
        CHECK(validate_skill(Skill{{}, h, 1, 0, h}).empty() ==
              (check_text("name", h, {true, 50}).ok() && check_text("notes", h, {false, 500, 0, true}).ok()));
        CHECK(
            validate_hobby(Hobby{{}, h, h, true}).empty() ==
            (check_text("name", h, {true, 50}).ok() && check_text("comment", h, {false, 500, 0, true}).ok()));
        (void)validate_qualification(Qualification{{}, h, h, {2020, 1}, h, h, {}}, ctx);
        (void)validate_nda_agreement(NdaAgreement{{}, h, h, h, h, h, 1});
        SignUpRequest su{h, h, h, h, true};
        (void)normalize_sign_up_fields(su);
        CHECK_FALSE(validate_sign_up(su).empty());
        EmailChangeRequest ec{{}, h, h};
        (void)normalize_email_change_fields(ec);
        CHECK_FALSE(validate_email_change(ec).empty());
        CHECK_FALSE(validate_password_change(PasswordChangeRequest{h, h, h}).empty());
    }
}
