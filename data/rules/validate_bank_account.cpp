// Bank account (【12】) validation, optionally against the Zengin data set.
#include "data/datasets/bank_directory.hpp"
#include "data/rules/bank_account_rules.hpp"
#include "data/rules/field_limits.hpp"
#include "data/rules/required_fields.hpp"
#include "data/rules/rule_error.hpp"
#include "data/rules/text_field.hpp"
#include "data/rules/validate_records.hpp"

namespace madoguchi {

Errors validate_bank_account(const BankAccount& b, const ValidationContext& ctx) {
    Errors e;
    const bool bank_ok = collect(e, check_bank_code("bank_code", b.bank_code));
    const bool branch_ok = collect(e, check_branch_code("branch_code", b.branch_code));
    collect(e,
            check_text("bank_name", b.bank_name, {is_required<BankAccount>("bank_name"), limits::kBankName}));
    collect(e, check_text("branch_name", b.branch_name,
                          {is_required<BankAccount>("branch_name"), limits::kBranchName}));
    if (b.type != AccountType::ordinary && b.type != AccountType::current && b.type != AccountType::savings) {
        e.push_back(rule_error("bank.account_type", "type", "預金種目を選んでください（普通・当座・貯蓄）。",
                               "Choose the account type (ordinary, current or savings)."));
    }
    collect(e, check_account_number("account_number", b.account_number));
    collect(e, check_holder_name("holder_name_kana", b.holder_name_kana));
    if (ctx.banks && bank_ok) {
        const auto bank = ctx.banks->bank(b.bank_code);
        if (!bank) {
            e.push_back(rule_error("bank.unknown_bank", "bank_code", "この金融機関コードは見つかりません。",
                                   "No bank has this code."));
        } else {
            if (bank->name != b.bank_name) {
                e.push_back(rule_error(
                    "bank.name_mismatch", "bank_name",
                    "金融機関名がコードと一致しません。一覧から選び直してください。",
                    "The bank name does not match the code. Please choose it from the list again."));
            }
            if (branch_ok) {
                const auto branch = ctx.banks->branch(b.bank_code, b.branch_code);
                if (!branch) {
                    e.push_back(rule_error("bank.unknown_branch", "branch_code",
                                           "この支店コードは見つかりません。",
                                           "This bank has no branch with this code."));
                } else if (branch->name != b.branch_name) {
                    e.push_back(rule_error(
                        "bank.name_mismatch", "branch_name",
                        "支店名がコードと一致しません。一覧から選び直してください。",
                        "The branch name does not match the code. Please choose it from the list again."));
                }
            }
        }
    }
    return e;
}

Errors normalize_bank_account_fields(BankAccount& b) {
    Errors e;
    if (auto r = normalize_account_number("account_number", b.account_number); collect(e, r))
        b.account_number = *r;
    if (auto r = normalize_holder_name("holder_name_kana", b.holder_name_kana); collect(e, r))
        b.holder_name_kana = *r;
    return e;
}

}  // namespace madoguchi
