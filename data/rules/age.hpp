// Age and the opt-in public age bracket (【5】 Step 14 年齢層): computed in
// Japan time (UTC+9, no daylight saving) whatever the device's zone is.
#pragma once

#include <chrono>
#include <string>

#include "data/model/civil_date.hpp"

namespace madoguchi {

// Today's date in Japan at the given instant.
CivilDate japan_date(std::chrono::system_clock::time_point now);

// Completed years on `on` (a 2/29 birthday counts from 3/1 in common years).
// Negative when `on` is before the birth date.
int age_on(const CivilDate& birth, const CivilDate& on);

// floor(age / 10) * 10: 37 -> 30.
int age_bracket(int age);
// "30代" / "30s"; under 10: "10歳未満" / "under 10".
std::string age_bracket_label(int age, bool japanese = true);

}  // namespace madoguchi
