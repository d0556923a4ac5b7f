// E-mail address rule: the practical subset mail systems deliver to, with the
// dotted local parts old Japanese carrier addresses still use (taro..@, taro.@).
#pragma once

#include <string>
#include <string_view>

#include "data/result.hpp"

namespace madoguchi {

// Full-width input is folded to ASCII, spaces trimmed, the domain lower-cased.
Result<std::string> normalize_email(std::string_view field, std::string_view input);
// A stored address must already be in normalized form.
Status check_email(std::string_view field, std::string_view stored);

}  // namespace madoguchi
