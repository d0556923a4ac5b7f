// Calendar dates without time zones (birth dates, periods, acquisition months).
#pragma once

namespace madoguchi {

struct CivilDate {
    int year = 0;   // 西暦
    int month = 0;  // 1-12
    int day = 0;    // 1-31
    bool empty() const { return year == 0; }
    auto operator<=>(const CivilDate&) const = default;
};

struct YearMonth {
    int year = 0;
    int month = 0;
    bool empty() const { return year == 0; }
    auto operator<=>(const YearMonth&) const = default;
};

}  // namespace madoguchi
