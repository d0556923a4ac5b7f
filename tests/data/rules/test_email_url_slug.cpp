// E-mail, URL and slug rules.
#include <doctest/doctest.h>

#include <string>

#include "data/rules/domain_name.hpp"
#include "data/rules/email.hpp"
#include "data/rules/slug.hpp"
#include "data/rules/url.hpp"

using namespace madoguchi;

TEST_CASE("e-mail addresses accepted and normalized") {
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {
        {"taro@example.jp", "taro@example.jp"},
        {"Taro.Yamada@Example.CO.JP", "Taro.Yamada@example.co.jp"},
        {"ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "taro@example.jp"},
        {" taro@example.jp\u3000", "taro@example.jp"},
        {"taro+kiosk@example.jp", "taro+kiosk@example.jp"},
        {"taro..yamada@docomo.ne.jp", "taro..yamada@docomo.ne.jp"},  // old carrier addresses
        {"taro.@ezweb.ne.jp", "taro.@ezweb.ne.jp"},
        {"a_b-c@sub.example-site.com", "a_b-c@sub.example-site.com"},
        {"x@xn--eckwd4c7c.xn--zckzah", "x@xn--eckwd4c7c.xn--zckzah"},
        {"o'brien@example.ie", "o'brien@example.ie"},
        {"taro＠example.jp", "taro@example.jp"},
    };
    for (const auto& c : cases) {
        INFO(c.in);
        const auto r = normalize_email("email", c.in);
        REQUIRE(r.ok());
        CHECK(*r == c.out);
        CHECK(check_email("email", *r).ok());
    }
}

TEST_CASE("e-mail addresses rejected") {
    struct Case {
        std::string in;
        const char* code;
    };
    const Case cases[] = {
        {"taro", "email.invalid"},
        {"taro@", "email.invalid"},
        {"@example.jp", "email.invalid"},
        {"taro@@example.jp", "email.invalid"},
        {"ta@ro@example.jp", "email.invalid"},
        {"taro@localhost", "email.invalid"},
        {"taro@example", "email.invalid"},
        {"taro@example.j", "email.invalid"},
        {"taro@-example.jp", "email.invalid"},
        {"taro@example-.jp", "email.invalid"},
        {"taro@exa_mple.jp", "email.invalid"},
        {"taro@example..jp", "email.invalid"},
        {"taro yamada@example.jp", "email.invalid"},
        {"taro@example.jp;DROP TABLE users", "email.invalid"},
        {"たろう@example.jp", "email.non_ascii"},
        {"taro@例え.jp", "email.non_ascii"},
        {"taro@example.123", "email.invalid"},
        {std::string(65, 'a') + "@example.jp", "email.invalid"},
        {"a@" + std::string(250, 'b') + ".jp", "text.too_long"},
        {"", "text.required"},
        {"taro@example.jp\n", "text.line_break"},
        {"...@example.jp", "email.invalid"},
        {"taro\n@example.jp", "text.line_break"},
        {"taro😀@example.jp", "text.undrawable_char"},
    };
    for (const auto& c : cases) {
        INFO(c.in);
        const auto r = normalize_email("email", c.in);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == c.code);
    }
    CHECK(check_email("email", "taro@EXAMPLE.jp").error().code == "email.not_normalized");
}

TEST_CASE("domain names") {
    CHECK(is_valid_domain_name("example.co.jp"));
    CHECK(is_valid_domain_name("a-b.example.com"));
    CHECK_FALSE(is_valid_domain_name("example"));
    CHECK_FALSE(is_valid_domain_name(".example.jp"));
    CHECK_FALSE(is_valid_domain_name(std::string(64, 'a') + ".jp"));
    CHECK_FALSE(is_valid_domain_name(""));
}

TEST_CASE("URLs accepted and normalized") {
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {
        {"https://example.co.jp", "https://example.co.jp"},
        {"http://example.co.jp/", "http://example.co.jp/"},
        {"HTTPS://Example.CO.JP/About?x=1#top", "https://example.co.jp/About?x=1#top"},
        {"example.co.jp", "https://example.co.jp"},
        {"www.example.com/jobs", "https://www.example.com/jobs"},
        {"ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｊｐ", "https://example.jp"},
        {"https://example.jp:8443/x", "https://example.jp:8443/x"},
        {"http://192.168.0.10/", "http://192.168.0.10/"},
        {"https://example.jp/%E6%97%A5", "https://example.jp/%E6%97%A5"},
        {" https://example.jp ", "https://example.jp"},
    };
    for (const auto& c : cases) {
        INFO(c.in);
        const auto r = normalize_url("company_url", c.in);
        REQUIRE(r.ok());
        CHECK(*r == c.out);
        CHECK(check_url("company_url", *r).ok());
    }
}

TEST_CASE("URLs rejected") {
    struct Case {
        const char* in;
        const char* code;
    };
    const Case cases[] = {
        {"javascript:alert(1)", "url.invalid"},
        {"ftp://example.jp", "url.scheme"},
        {"file:///etc/passwd", "url.scheme"},
        {"https://user:pass@example.jp", "url.credentials"},
        {"https://", "url.invalid"},
        {"https://example", "url.invalid"},
        {"https://exa mple.jp", "url.invalid"},
        {"https://example.jp/a b", "url.invalid"},
        {"https://example.jp:0", "url.invalid"},
        {"https://example.jp:99999", "url.invalid"},
        {"https://example.jp:abc", "url.invalid"},
        {"https://256.1.1.1", "url.invalid"},
        {"https://例え.jp", "url.non_ascii"},
        {"https://example.jp/<script>", "url.invalid"},
        {"", "text.required"},
    };
    for (const auto& c : cases) {
        INFO(c.in);
        const auto r = normalize_url("company_url", c.in);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == c.code);
    }
    CHECK(check_url("company_url", "example.jp").error().code == "url.not_normalized");
}

TEST_CASE("slugs") {
    struct Case {
        const char* in;
        const char* out;  // nullptr = rejected with `code`
        const char* code;
    };
    const Case cases[] = {
        {"taro", "taro", ""},
        {"Taro_Yamada", "taro_yamada", ""},
        {"ｔａｒｏ１２３", "taro123", ""},
        {"core-concierge", "core-concierge", ""},
        {"team2026", "team2026", ""},
        {"123abc", "123abc", ""},
        {"ta", nullptr, "slug.length"},
        {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", nullptr, "slug.length"},  // 31
        {"taro yamada", nullptr, "slug.characters"},
        {"たろう", nullptr, "slug.characters"},
        {"taro.yamada", nullptr, "slug.characters"},
        {"-taro", nullptr, "slug.separator"},
        {"taro_", nullptr, "slug.separator"},
        {"ta--ro", nullptr, "slug.separator"},
        {"admin", nullptr, "slug.reserved"},
        {"ADMIN", nullptr, "slug.reserved"},
        {"../etc", nullptr, "slug.characters"},
        {"", nullptr, "text.required"},
        {"taro😀", nullptr, "text.undrawable_char"},
    };
    for (const auto& c : cases) {
        INFO(c.in);
        const auto r = normalize_slug("username", c.in, kUsernameLimits);
        if (c.out) {
            REQUIRE(r.ok());
            CHECK(*r == c.out);
        } else {
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().code == c.code);
        }
    }
    CHECK(check_slug("username", "taro", kUsernameLimits).ok());
    CHECK(check_slug("username", "Taro", kUsernameLimits).error().code == "slug.not_normalized");
}

// Company URL (【11】 英数字のみ): one rule for the kiosk, the server (which
// validates with these rules) and docs/api/schemas.json ^[a-z0-9]{3,40}$.
TEST_CASE("company slugs: alphanumeric only, 3-40, folded to lower case") {
    struct Case {
        const char* in;
        const char* out;  // nullptr = rejected with `code`
        const char* code;
    };
    const Case cases[] = {
        {"yamadashoji", "yamadashoji", ""},
        {"YamadaShoji", "yamadashoji", ""},
        {"ｙａｍａｄａ２０２６", "yamada2026", ""},
        {" abc ", "abc", ""},
        {"abc", "abc", ""},
        {"1234567890123456789012345678901234567890", "1234567890123456789012345678901234567890", ""},
        {"ab", nullptr, "slug.length"},
        {"12345678901234567890123456789012345678901", nullptr, "slug.length"},  // 41
        {"yamada-shoji", nullptr, "slug.characters"},
        {"yamada_shoji", nullptr, "slug.characters"},
        {"yamada shoji", nullptr, "slug.characters"},
        {"yamada.co", nullptr, "slug.characters"},
        {"やまだ", nullptr, "slug.characters"},
        {"ヤマダ", nullptr, "slug.characters"},
        {"yamada\xE2\x80\x90shoji", nullptr, "slug.characters"},  // U+2010 hyphen
        {"admin", nullptr, "slug.reserved"},
        {"", nullptr, "text.required"},
        {"abc😀", nullptr, "text.undrawable_char"},
    };
    for (const auto& c : cases) {
        INFO(c.in);
        const auto r = normalize_slug("url_slug", c.in, kCompanySlugLimits);
        if (c.out) {
            REQUIRE(r.ok());
            CHECK(*r == c.out);
            CHECK(check_slug("url_slug", *r, kCompanySlugLimits).ok());
        } else {
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().code == c.code);
        }
    }
    CHECK(check_slug("url_slug", "YamadaShoji", kCompanySlugLimits).error().code == "slug.not_normalized");
    CHECK(check_slug("url_slug", "yamada-shoji", kCompanySlugLimits).error().code == "slug.characters");
}
