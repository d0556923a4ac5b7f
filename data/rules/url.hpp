// Web address rule (company URL in 【9】/【11】): http or https only, a real
// host name or IPv4 address, no credentials, no spaces.
#pragma once

#include <string>
#include <string_view>

#include "data/result.hpp"

namespace madoguchi {

// Full-width input folded to ASCII; "example.co.jp" gets "https://" in front;
// scheme and host lower-cased.
Result<std::string> normalize_url(std::string_view field, std::string_view input);
Status check_url(std::string_view field, std::string_view stored);

}  // namespace madoguchi
