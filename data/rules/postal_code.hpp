// Postal code rule (JAPAN.md): 〒 and any hyphen variant stripped, full-width
// digits accepted, then exactly 7 digits. Stored without hyphen.
#pragma once

#include <string>
#include <string_view>

#include "data/result.hpp"

namespace madoguchi {

// "〒１００−０００１" -> "1000001".
Result<std::string> normalize_postal_code(std::string_view field, std::string_view input);
// Stored form: exactly 7 ASCII digits.
Status check_postal_code(std::string_view field, std::string_view stored);
// "1000001" -> "100-0001" (other input is returned unchanged).
std::string format_postal_code(std::string_view digits);

}  // namespace madoguchi
