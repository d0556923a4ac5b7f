// Field rules of a payout bank account (JAPAN.md "Bank account",
// "Account holder"): codes, zero-padded account number, Zengin holder name.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "data/result.hpp"

namespace madoguchi {

// Zengin's 受取人名 field is 30 half-width characters (ﾞ/ﾟ count as one each).
inline constexpr std::size_t kZenginHolderMaxChars = 30;

Status check_bank_code(std::string_view field, std::string_view code);    // 4 digits
Status check_branch_code(std::string_view field, std::string_view code);  // 3 digits

// "１２３４５" -> "0012345": 1–7 digits (full-width, spaces and hyphens allowed).
Result<std::string> normalize_account_number(std::string_view field, std::string_view input);
Status check_account_number(std::string_view field, std::string_view stored);  // exactly 7 digits

// Converts what the user typed (カタカナ, ひらがな, ﾊﾝｶｸ, a-z) to the stored
// half-width Zengin form; one space between 姓 and 名.
Result<std::string> normalize_holder_name(std::string_view field, std::string_view input);
Result<std::string> normalize_holder_name(std::string_view field, std::string_view family_kana,
                                          std::string_view given_kana);
Status check_holder_name(std::string_view field, std::string_view stored);

}  // namespace madoguchi
