// Era table and conversions.
#include "data/rules/japanese_calendar.hpp"

#include <array>
#include <cstdio>

#include "data/rules/rule_error.hpp"
#include "data/text/normalize.hpp"
#include "data/text/utf8.hpp"

namespace madoguchi {
namespace {

struct EraInfo {
    Era era;
    std::string_view name;
    std::string_view name_en;
    std::string_view letter;
    CivilDate start;
};

// Meiji's real start (1868) predates Japan's Gregorian calendar (明治6年 =
// 1873); earlier dates were lunisolar, so the table starts at 1873-01-01.
constexpr std::array<EraInfo, 5> kEras = {{
    {Era::meiji, "明治", "Meiji", "M", {1873, 1, 1}},
    {Era::taisho, "大正", "Taisho", "T", {1912, 7, 30}},
    {Era::showa, "昭和", "Showa", "S", {1926, 12, 25}},
    {Era::heisei, "平成", "Heisei", "H", {1989, 1, 8}},
    {Era::reiwa, "令和", "Reiwa", "R", {2019, 5, 1}},
}};
// Year 1 of each era in the Gregorian calendar (明治元年 = 1868).
constexpr std::array<int, 5> kFirstYear = {1868, 1912, 1926, 1989, 2019};

const EraInfo& info(Era era) { return kEras[static_cast<std::size_t>(era)]; }

CivilDate day_before(CivilDate d) {
    if (--d.day == 0) {
        if (--d.month == 0) {
            d.month = 12;
            --d.year;
        }
        d.day = days_in_month(d.year, d.month);
    }
    return d;
}

Error invalid_date(std::string_view field) {
    return rule_error("date.invalid", field, "存在しない日付です。", "This date does not exist.");
}

}  // namespace

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap_year(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

bool is_valid_civil_date(const CivilDate& d) {
    return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= days_in_month(d.year, d.month);
}

std::string_view era_name(Era era) { return info(era).name; }
std::string_view era_name_en(Era era) { return info(era).name_en; }
CivilDate era_start(Era era) { return info(era).start; }

std::optional<CivilDate> era_end(Era era) {
    const auto i = static_cast<std::size_t>(era);
    if (i + 1 >= kEras.size()) return std::nullopt;
    return day_before(kEras[i + 1].start);
}

std::optional<Era> parse_era(std::string_view name) {
    std::string n = encode_utf8(nfkc_japanese(decode_utf8_lossy(name)));
    for (const EraInfo& e : kEras) {
        std::string lower_en(e.name_en);
        for (char& c : lower_en) c = static_cast<char>(c | 0x20);
        std::string lower_n = n;
        for (char& c : lower_n)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
        if (n == e.name || lower_n == lower_en || (n.size() == 1 && (n[0] | 0x20) == (e.letter[0] | 0x20)))
            return e.era;
    }
    return std::nullopt;
}

Result<WarekiDate> to_wareki(std::string_view field, const CivilDate& date) {
    if (!is_valid_civil_date(date)) return invalid_date(field);
    for (auto it = kEras.rbegin(); it != kEras.rend(); ++it) {
        if (date >= it->start) {
            const int first = kFirstYear[static_cast<std::size_t>(it->era)];
            return WarekiDate{it->era, date.year - first + 1, date.month, date.day};
        }
    }
    return rule_error("date.before_meiji", field, "1873年より前の日付は扱えません。",
                      "Dates before 1873 are not supported.");
}

Result<CivilDate> from_wareki(std::string_view field, const WarekiDate& w) {
    if (w.year < 1 || w.year > 200) return invalid_date(field);
    const CivilDate date{kFirstYear[static_cast<std::size_t>(w.era)] + w.year - 1, w.month, w.day};
    if (!is_valid_civil_date(date)) return invalid_date(field);
    const CivilDate start = era_start(w.era);
    const auto end = era_end(w.era);
    if (date < start || (end && date > *end)) {
        const std::string name(era_name(w.era));
        std::string range_ja =
            name + "は" + format_date_with_wareki(start).substr(0, format_date_with_wareki(start).find("（"));
        std::string range_en = std::string(era_name_en(w.era)) + " runs from " + format_iso_date(start);
        if (end) {
            const std::string end_text = format_date_with_wareki(*end);
            range_ja += "から" + end_text.substr(0, end_text.find("（")) + "までです。";
            range_en += " to " + format_iso_date(*end) + ".";
        } else {
            range_ja += "からです。";
            range_en += " on.";
        }
        return rule_error("date.outside_era", field, "その日付は" + name + "にはありません。" + range_ja,
                          "That date is not in the " + std::string(era_name_en(w.era)) + " era. " + range_en);
    }
    return date;
}

std::string format_wareki_year(const WarekiDate& w) {
    return std::string(era_name(w.era)) + (w.year == 1 ? std::string("元") : std::to_string(w.year)) + "年";
}

std::string format_date_with_wareki(const CivilDate& date) {
    const auto w = to_wareki("", date);
    if (!is_valid_civil_date(date)) return "";
    std::string out = std::to_string(date.year) + "年" + std::to_string(date.month) + "月" +
                      std::to_string(date.day) + "日";
    if (w) out += "（" + format_wareki_year(*w) + "）";
    return out;
}

std::string format_iso_date(const CivilDate& date) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buf;
}

}  // namespace madoguchi
