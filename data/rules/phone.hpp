// Japanese phone number rule (JAPAN.md "Phone"): digits only, +81 -> 0,
// 10-digit fixed lines (incl. 0120, 0570), 11-digit 050 IP and 060/070/080/090
// mobiles, 0800 + 7 digits; 020 is not a contact number.
#pragma once

#include <string>
#include <string_view>

#include "data/result.hpp"

namespace madoguchi {

enum class PhoneKind { fixed_line, mobile, ip_phone, toll_free, navi_dial };

struct PhoneNumber {
    std::string digits;  // what is stored: "09012345678"
    PhoneKind kind = PhoneKind::fixed_line;
};

// Accepts full-width digits, hyphen variants, spaces, parentheses and "+81".
Result<PhoneNumber> parse_phone(std::string_view field, std::string_view input);
// Stored form: digits only and one of the valid shapes.
Status check_phone(std::string_view field, std::string_view stored);
// Mobile and IP phones 3-4-4, 0800 4-3-4, 0120/0570 4-3-3, Tokyo/Osaka 03/06
// 2-4-4. Other fixed lines keep plain digits: the split depends on an area
// code table this product does not ship.
std::string format_phone(const PhoneNumber& number);

}  // namespace madoguchi
