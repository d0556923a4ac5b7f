// Date field rules: birth dates (valid, not in the future, working age) and
// year-months of periods, acquisitions and expiries.
#pragma once

#include <string_view>

#include "data/model/civil_date.hpp"
#include "data/result.hpp"

namespace madoguchi {

// Valid calendar date, not after `today`, age between limits::kMinAge and
// limits::kMaxAge on `today` (Japan date).
Status check_birth_date(std::string_view field, const CivilDate& birth, const CivilDate& today);

// Month 1–12, year 1900–2100; with not_after set, not later than its month.
Status check_year_month(std::string_view field, const YearMonth& ym, const YearMonth* not_after = nullptr);

}  // namespace madoguchi
