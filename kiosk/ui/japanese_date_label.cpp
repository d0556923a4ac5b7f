// Formats a date for display in both calendars, using the shared 和暦 rules.
#include "kiosk/ui/japanese_date_label.hpp"

#include <cstdio>

#include "data/rules/japanese_calendar.hpp"

namespace madoguchi {

std::string japanese_date_label(const CivilDate& d, bool japanese) {
    if (d.empty()) return {};
    if (japanese) return format_date_with_wareki(d);
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[96];
    auto w = to_wareki("date", d);
    if (!w || d.month < 1 || d.month > 12) {
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
        return buf;
    }
    std::snprintf(buf, sizeof buf, "%d %s %d (%s %d)", d.day, months[d.month - 1], d.year,
                  std::string(era_name_en(w->era)).c_str(), w->year);
    return buf;
}

}  // namespace madoguchi
