// ゆうちょ銀行 記号・番号 -> the branch/type/number other banks transfer to
// (JAPAN.md: 17300 / 19927651 -> 738, 普通, 1992765).
#pragma once

#include <string>
#include <string_view>

#include "data/model/bank_account.hpp"
#include "data/result.hpp"

namespace madoguchi {

inline constexpr std::string_view kYuchoBankCode = "9900";

struct YuchoTransferAccount {
    std::string branch_code;  // "738"
    std::string branch_name;  // "七三八" (ゆうちょ names branches by their digits)
    std::string branch_kana;  // "ナナサンハチ"
    AccountType type = AccountType::ordinary;
    std::string account_number;  // 7 digits
};

// 記号 5 digits; 番号 up to 8. 記号 1xxxx: 普通, branch = digits 2–3 + "8",
// number = 番号 without its last digit (must be 1). 記号 0xxxx: 当座,
// branch = digits 2–3 + "9", number = 番号. Errors name the UI fields
// "yucho_kigo" / "yucho_bango".
Result<YuchoTransferAccount> convert_yucho_kigo_bango(std::string_view kigo, std::string_view bango);

}  // namespace madoguchi
