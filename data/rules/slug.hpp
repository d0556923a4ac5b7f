// Alphanumeric slugs that become part of a public URL and can never change:
// username (【5】 Step 2), team page URL (【3】), company URL (【11】 "英数字のみ").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "data/result.hpp"

namespace madoguchi {

struct SlugLimits {
    std::size_t min_chars = 3;
    std::size_t max_chars = 30;
};
inline constexpr SlugLimits kUsernameLimits{3, 30};
inline constexpr SlugLimits kTeamSlugLimits{3, 40};
inline constexpr SlugLimits kCompanySlugLimits{2, 40};

// Full-width folded to ASCII and lower-cased; then a-z, 0-9 and '-' / '_'
// between alphanumerics; must start with a letter or digit; words the
// platform's own URLs use (admin, api, login…) are reserved.
Result<std::string> normalize_slug(std::string_view field, std::string_view input, const SlugLimits& limits);
Status check_slug(std::string_view field, std::string_view stored, const SlugLimits& limits);

}  // namespace madoguchi
