// 和暦/西暦 dates, era boundaries, age and age bracket in Japan time.
#include <doctest/doctest.h>

#include <chrono>

#include "data/rules/age.hpp"
#include "data/rules/date_rules.hpp"
#include "data/rules/japanese_calendar.hpp"

using namespace madoguchi;

TEST_CASE("西暦 -> 和暦 at every era boundary") {
    struct Case {
        CivilDate date;
        Era era;
        int year;
        const char* shown;
    };
    const Case cases[] = {
        {{1990, 4, 1}, Era::heisei, 2, "1990年4月1日（平成2年）"},
        {{1989, 1, 7}, Era::showa, 64, "1989年1月7日（昭和64年）"},
        {{1989, 1, 8}, Era::heisei, 1, "1989年1月8日（平成元年）"},
        {{2019, 4, 30}, Era::heisei, 31, "2019年4月30日（平成31年）"},
        {{2019, 5, 1}, Era::reiwa, 1, "2019年5月1日（令和元年）"},
        {{2020, 1, 1}, Era::reiwa, 2, "2020年1月1日（令和2年）"},
        {{2026, 11, 26}, Era::reiwa, 8, "2026年11月26日（令和8年）"},
        {{1926, 12, 24}, Era::taisho, 15, "1926年12月24日（大正15年）"},
        {{1926, 12, 25}, Era::showa, 1, "1926年12月25日（昭和元年）"},
        {{1912, 7, 29}, Era::meiji, 45, "1912年7月29日（明治45年）"},
        {{1912, 7, 30}, Era::taisho, 1, "1912年7月30日（大正元年）"},
        {{1945, 8, 15}, Era::showa, 20, "1945年8月15日（昭和20年）"},
        {{2000, 2, 29}, Era::heisei, 12, "2000年2月29日（平成12年）"},
        {{1873, 1, 1}, Era::meiji, 6, "1873年1月1日（明治6年）"},
    };
    for (const auto& c : cases) {
        INFO(format_iso_date(c.date));
        const auto w = to_wareki("birth_date", c.date);
        REQUIRE(w.ok());
        CHECK(w->era == c.era);
        CHECK(w->year == c.year);
        CHECK(format_date_with_wareki(c.date) == c.shown);
        // and back
        const auto back = from_wareki("birth_date", *w);
        REQUIRE(back.ok());
        CHECK(*back == c.date);
    }
}

TEST_CASE("和暦 -> 西暦 rejects dates outside their era") {
    struct Case {
        WarekiDate w;
        const char* code;
    };
    const Case cases[] = {
        {{Era::showa, 64, 1, 8}, "date.outside_era"},  // 昭和64 is only Jan 1-7
        {{Era::showa, 64, 2, 1}, "date.outside_era"},
        {{Era::showa, 65, 1, 1}, "date.outside_era"},
        {{Era::heisei, 31, 5, 1}, "date.outside_era"},  // 平成31 ends Apr 30
        {{Era::heisei, 32, 1, 1}, "date.outside_era"},
        {{Era::reiwa, 1, 4, 30}, "date.outside_era"},  // 令和 starts May 1
        {{Era::heisei, 1, 1, 7}, "date.outside_era"},
        {{Era::taisho, 1, 7, 29}, "date.outside_era"},
        {{Era::taisho, 15, 12, 25}, "date.outside_era"},
        {{Era::meiji, 1, 1, 1}, "date.outside_era"},  // before the Gregorian switch
        {{Era::reiwa, 0, 5, 1}, "date.invalid"},
        {{Era::reiwa, 2, 2, 30}, "date.invalid"},
        {{Era::reiwa, 3, 2, 29}, "date.invalid"},  // 2021 is not a leap year
        {{Era::reiwa, 2, 13, 1}, "date.invalid"},
    };
    for (const auto& c : cases) {
        INFO(static_cast<int>(c.w.era));
        INFO(c.w.year);
        const auto r = from_wareki("birth_date", c.w);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == c.code);
    }
    const auto showa = from_wareki("birth_date", {Era::showa, 64, 1, 8});
    CHECK(showa.error().message_ja ==
          "その日付は昭和にはありません。昭和は1926年12月25日から1989年1月7日までです。");
    const auto ok = from_wareki("birth_date", {Era::showa, 64, 1, 7});
    REQUIRE(ok.ok());
    CHECK(*ok == CivilDate{1989, 1, 7});
    CHECK(*from_wareki("d", {Era::heisei, 31, 4, 30}) == CivilDate{2019, 4, 30});
}

TEST_CASE("era names and years") {
    CHECK(parse_era("令和") == Era::reiwa);
    CHECK(parse_era("H") == Era::heisei);
    CHECK(parse_era("s") == Era::showa);
    CHECK(parse_era("Ｔ") == Era::taisho);
    CHECK(parse_era("Meiji") == Era::meiji);
    CHECK(parse_era("reiwa") == Era::reiwa);
    CHECK_FALSE(parse_era("X").has_value());
    CHECK_FALSE(parse_era("").has_value());
    CHECK(format_wareki_year({Era::reiwa, 1, 5, 1}) == "令和元年");
    CHECK(format_wareki_year({Era::heisei, 2, 1, 1}) == "平成2年");
    CHECK(era_end(Era::showa) == CivilDate{1989, 1, 7});
    CHECK(era_end(Era::heisei) == CivilDate{2019, 4, 30});
    CHECK_FALSE(era_end(Era::reiwa).has_value());
    CHECK(to_wareki("d", {1872, 12, 31}).error().code == "date.before_meiji");
    CHECK(to_wareki("d", {2023, 2, 29}).error().code == "date.invalid");
    CHECK(format_date_with_wareki({2023, 2, 29}).empty());
}

TEST_CASE("calendar arithmetic") {
    CHECK(is_leap_year(2000));
    CHECK(is_leap_year(2024));
    CHECK_FALSE(is_leap_year(1900));
    CHECK_FALSE(is_leap_year(2023));
    CHECK(days_in_month(2024, 2) == 29);
    CHECK(days_in_month(2023, 2) == 28);
    CHECK(days_in_month(2023, 4) == 30);
    CHECK(days_in_month(2023, 13) == 0);
    CHECK(is_valid_civil_date({2024, 2, 29}));
    CHECK_FALSE(is_valid_civil_date({2024, 4, 31}));
    CHECK_FALSE(is_valid_civil_date({0, 1, 1}));
}

TEST_CASE("age and age bracket") {
    struct Case {
        CivilDate birth, on;
        int age;
        const char* bracket;
    };
    const Case cases[] = {
        {{1990, 4, 1}, {2026, 3, 31}, 35, "30代"},    {{1990, 4, 1}, {2026, 4, 1}, 36, "30代"},
        {{1986, 11, 27}, {2026, 11, 26}, 39, "30代"}, {{1986, 11, 26}, {2026, 11, 26}, 40, "40代"},
        {{2000, 2, 29}, {2023, 2, 28}, 22, "20代"},   {{2000, 2, 29}, {2023, 3, 1}, 23, "20代"},
        {{2000, 2, 29}, {2024, 2, 29}, 24, "20代"},   {{2010, 5, 5}, {2026, 5, 5}, 16, "10代"},
        {{1926, 1, 1}, {2026, 1, 1}, 100, "100代"},   {{2020, 1, 1}, {2026, 1, 1}, 6, "10歳未満"},
    };
    for (const auto& c : cases) {
        INFO(format_iso_date(c.birth));
        INFO(format_iso_date(c.on));
        CHECK(age_on(c.birth, c.on) == c.age);
        CHECK(age_bracket_label(c.age) == c.bracket);
    }
    CHECK(age_bracket(37) == 30);
    CHECK(age_bracket(-1) == 0);
    CHECK(age_bracket_label(37, false) == "30s");
}

TEST_CASE("the date in Japan, not in UTC") {
    using namespace std::chrono;
    // 2026-03-31 15:00 UTC is already April 1 in Japan.
    const auto t = sys_days(year{2026} / March / 31) + hours(15);
    CHECK(japan_date(t) == CivilDate{2026, 4, 1});
    CHECK(japan_date(t - minutes(1)) == CivilDate{2026, 3, 31});
    // A birthday on April 1: the bracket changes at Japanese midnight.
    CHECK(age_on({1996, 4, 1}, japan_date(t)) == 30);
    CHECK(age_on({1996, 4, 1}, japan_date(t - minutes(1))) == 29);
}

TEST_CASE("birth date rule") {
    const CivilDate today{2026, 11, 26};
    CHECK(check_birth_date("birth_date", {1990, 4, 1}, today).ok());
    CHECK(check_birth_date("birth_date", {2011, 11, 26}, today).ok());  // 15 today
    CHECK(check_birth_date("birth_date", {2011, 11, 27}, today).error().code == "birth_date.too_young");
    CHECK(check_birth_date("birth_date", {2027, 1, 1}, today).error().code == "date.future");
    CHECK(check_birth_date("birth_date", {1900, 1, 1}, today).error().code == "birth_date.too_old");
    CHECK(check_birth_date("birth_date", {1990, 2, 30}, today).error().code == "date.invalid");
    const YearMonth now{2026, 11};
    CHECK(check_year_month("acquired", {2020, 4}, &now).ok());
    CHECK(check_year_month("acquired", {2026, 12}, &now).error().code == "date.future");
    CHECK(check_year_month("acquired", {2020, 13}).error().code == "date.invalid_year_month");
    CHECK(check_year_month("acquired", {1800, 1}).error().code == "date.invalid_year_month");
}
