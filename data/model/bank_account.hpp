// Bank account for payouts (guide 【12】, empty in the guide; see DESIGN.md).
#pragma once

#include <string>

#include "data/model/record_meta.hpp"

namespace madoguchi {

enum class AccountType { ordinary = 1, current = 2, savings = 4 };  // 普通 / 当座 / 貯蓄 (Zengin codes)

struct BankAccount {
    RecordMeta meta;
    std::string bank_code;       // 4 digits (ゆうちょ = 9900)
    std::string bank_name;
    std::string branch_code;     // 3 digits
    std::string branch_name;
    AccountType type = AccountType::ordinary;
    std::string account_number;  // 7 digits, zero padded; encrypted at rest, masked on screen
    std::string holder_name_kana;  // Zengin half-width form, e.g. "ﾔﾏﾀﾞ ﾀﾛｳ"
};

}  // namespace madoguchi
