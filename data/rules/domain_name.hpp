// Host name syntax shared by the e-mail and URL rules: LDH labels of at most
// 63 characters, at most 253 in all, two labels or more, an alphabetic (or
// punycode) top-level label.
#pragma once

#include <string_view>

namespace madoguchi {

bool is_valid_domain_name(std::string_view domain);

}  // namespace madoguchi
