// Date label with 西暦 and 和暦 side by side, e.g. "1990年4月1日（平成2年）".
#pragma once

#include <string>

#include "data/model/civil_date.hpp"

namespace madoguchi {

std::string japanese_date_label(const CivilDate& date, bool japanese);

}  // namespace madoguchi
