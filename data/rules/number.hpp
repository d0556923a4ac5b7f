// Whole numbers typed on the kiosk (hourly rate, team size, years): full-width
// digits and thousands separators accepted, range checked.
#pragma once

#include <cstdint>
#include <string_view>

#include "data/result.hpp"

namespace madoguchi {

// "１，２００" -> 1200. Only digits (and ',' between them); no sign, no decimals.
Result<std::int64_t> parse_whole_number(std::string_view field, std::string_view input, std::int64_t min,
                                        std::int64_t max);
Status check_range(std::string_view field, std::int64_t value, std::int64_t min, std::int64_t max);

}  // namespace madoguchi
