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
    bool separators = true;  // '-' and '_' allowed between alphanumerics
};
inline constexpr SlugLimits kUsernameLimits{3, 30, true};
inline constexpr SlugLimits kTeamSlugLimits{3, 40, true};
// 【11】 says 英数字のみ: no separators. docs/api/schemas.json Company.url_slug
// states the same rule; the server compares slugs case-insensitively.
inline constexpr SlugLimits kCompanySlugLimits{3, 40, false};

// Full-width folded to ASCII and lower-cased; then a-z, 0-9 and (when the
// limits allow) '-' / '_' between alphanumerics; words the platform's own
// URLs use (admin, api, login…) are reserved.
Result<std::string> normalize_slug(std::string_view field, std::string_view input, const SlugLimits& limits);
Status check_slug(std::string_view field, std::string_view stored, const SlugLimits& limits);

}  // namespace madoguchi
