// BankAccountService (guide 【12】): bank/branch lookup in the Zengin data set,
// ゆうちょ 記号・番号 conversion, normalize + validate a typed account for the
// confirmation step, save/delete through the singleton repository (outbox),
// and the masked form of the number every screen shows once it is saved.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/datasets/bank_directory.hpp"
#include "data/model/bank_account.hpp"
#include "data/result.hpp"
#include "data/rules/yucho.hpp"

namespace madoguchi {

class Store;

// What the person typed on the form, before any conversion.
struct BankAccountInput {
    std::string bank_code;  // chosen from the directory
    std::string bank_name;
    std::string branch_code;
    std::string branch_name;
    AccountType type = AccountType::ordinary;
    std::string account_number;  // as typed: "１２３４５６７", "123-4567"
    std::string holder_family;   // katakana as typed: "ヤマダ"
    std::string holder_given;    // "タロウ"
};

struct BankAccountCheck {
    Errors errors;        // Error::field = BankAccount member, or holder_family / holder_given
    BankAccount account;  // normalized (Zengin holder, 7-digit number) when ok
    // Zeros put in front of a 1–6 digit number (JAPAN.md: padded to 7); the
    // confirmation step says so.
    std::size_t zeros_padded = 0;
    bool ok() const { return errors.empty(); }
};

class BankAccountService {
public:
    // `banks` may be null (data set missing): searches find nothing and the
    // codes are checked by shape only.
    BankAccountService(Store& store, const BankDirectory* banks);

    bool directory_available() const { return banks_ != nullptr; }
    std::vector<Bank> search_banks(std::string_view query, std::size_t limit = 20) const;
    std::vector<Branch> search_branches(std::string_view bank_code, std::string_view query,
                                        std::size_t limit = 20) const;

    // ゆうちょ 記号・番号 -> branch/type/number; the branch name comes from
    // the data set when it has the branch.
    Result<YuchoTransferAccount> convert_yucho(std::string_view kigo, std::string_view bango) const;

    // The holder is typed in full-width katakana (the katakana keyboard):
    // half-width kana, latin letters, kanji and emoji are refused with a
    // message naming the field; then everything is normalized and validated
    // against the data set. Nothing is stored.
    BankAccountCheck check(const BankAccountInput& input) const;

    // Re-checks the confirmed account and stores it with its
    // "bank_account.put" outbox row (the body is encrypted at rest).
    BankAccountCheck save(const std::string& owner, const BankAccountInput& input);

    Result<std::optional<BankAccount>> load(const std::string& owner);
    // Removes it locally and queues "bank_account.delete".
    Status remove(const std::string& owner);

private:
    Store& store_;
    const BankDirectory* banks_;
};

// The 7-digit form of a typed 1–6 digit number ("12345" -> "0012345"); ""
// when nothing is padded or the number is invalid. The form shows it under
// the field before confirming.
std::string padded_account_number(std::string_view typed);

// "0012345" -> "****345": all but the last three digits hidden.
std::string masked_account_number(std::string_view number);

// Full-width katakana (with ー, ・ and spaces) only; errors name `field`.
Status check_holder_typed_katakana(std::string_view field, std::string_view typed);

}  // namespace madoguchi
