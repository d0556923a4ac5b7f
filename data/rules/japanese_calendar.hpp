// 和暦 (Japanese era) <-> 西暦 dates for birth dates and periods (JAPAN.md
// "Birth date"): 明治 (from the Gregorian switch 1873-01-01), 大正 1912-07-30,
// 昭和 1926-12-25, 平成 1989-01-08, 令和 2019-05-01; year 1 is 元年.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "data/model/civil_date.hpp"
#include "data/result.hpp"

namespace madoguchi {

enum class Era { meiji, taisho, showa, heisei, reiwa };

struct WarekiDate {
    Era era = Era::reiwa;
    int year = 1;  // 1 = 元年
    int month = 1;
    int day = 1;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);
bool is_valid_civil_date(const CivilDate& d);

std::string_view era_name(Era era);         // "令和"
std::string_view era_name_en(Era era);      // "Reiwa"
CivilDate era_start(Era era);               // first day of the era
std::optional<CivilDate> era_end(Era era);  // last day; nullopt for the current era
// "令和", "R", "r", "Ｒ" (after NFKC), "Reiwa" …
std::optional<Era> parse_era(std::string_view name);

// Errors use `field`. Dates before 1873-01-01 have no Gregorian 和暦 here.
Result<WarekiDate> to_wareki(std::string_view field, const CivilDate& date);
// Rejects dates outside the era (昭和64年1月8日, 平成31年5月1日, 令和元年4月30日…).
Result<CivilDate> from_wareki(std::string_view field, const WarekiDate& date);

std::string format_wareki_year(const WarekiDate& w);  // "平成2年", "令和元年"
// "1990年4月1日（平成2年）"; an invalid date gives "".
std::string format_date_with_wareki(const CivilDate& date);
// "1990-04-01" for logs and the wire.
std::string format_iso_date(const CivilDate& date);

}  // namespace madoguchi
