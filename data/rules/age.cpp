// Age arithmetic on civil dates.
#include "data/rules/age.hpp"

namespace madoguchi {

CivilDate japan_date(std::chrono::system_clock::time_point now) {
    using namespace std::chrono;
    const auto japan = floor<days>(now + hours(9));
    const year_month_day ymd{sys_days(japan)};
    return CivilDate{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                     static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

int age_on(const CivilDate& birth, const CivilDate& on) {
    int age = on.year - birth.year;
    if (on.month < birth.month || (on.month == birth.month && on.day < birth.day)) --age;
    return age;
}

int age_bracket(int age) { return age < 0 ? 0 : age / 10 * 10; }

std::string age_bracket_label(int age, bool japanese) {
    const int bracket = age_bracket(age);
    if (bracket < 10) return japanese ? "10歳未満" : "under 10";
    return std::to_string(bracket) + (japanese ? "代" : "s");
}

}  // namespace madoguchi
