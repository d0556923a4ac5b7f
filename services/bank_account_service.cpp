// BankAccountService: directory lookups, ゆうちょ conversion, check, save, delete.
#include "services/bank_account_service.hpp"

#include "data/rules/bank_account_rules.hpp"
#include "data/rules/rule_error.hpp"
#include "data/rules/validate_records.hpp"
#include "data/store/store.hpp"
#include "data/text/char_classes.hpp"
#include "data/text/utf8.hpp"

namespace madoguchi {

BankAccountService::BankAccountService(Store& store, const BankDirectory* banks) : store_(store), banks_(banks) {}

std::vector<Bank> BankAccountService::search_banks(std::string_view query, std::size_t limit) const {
    if (!banks_ || trim_spaces(query).empty()) return {};
    return banks_->search_banks(query, limit);
}

std::vector<Branch> BankAccountService::search_branches(std::string_view bank_code, std::string_view query,
                                                        std::size_t limit) const {
    if (!banks_ || bank_code.empty() || trim_spaces(query).empty()) return {};
    return banks_->search_branches(bank_code, query, limit);
}

Result<YuchoTransferAccount> BankAccountService::convert_yucho(std::string_view kigo, std::string_view bango) const {
    auto r = convert_yucho_kigo_bango(kigo, bango);
    if (!r) return r;
    if (banks_) {
        // The data set's spelling is what validation compares the name with.
        if (auto br = banks_->branch(kYuchoBankCode, r->branch_code)) {
            r->branch_name = br->name;
            r->branch_kana = br->kana;
        }
    }
    return r;
}

namespace {
std::size_t typed_digit_count(std::string_view typed) {
    std::size_t n = 0;
    for (char32_t c : decode_utf8_lossy(typed)) n += (is_ascii_digit(c) || is_fullwidth_digit(c)) ? 1 : 0;
    return n;
}

// The character itself when the UI can draw it, otherwise its U+ name.
std::string shown_char(char32_t c) {
    if (is_undrawable_char(c) || is_control_char(c)) return code_point_label(c);
    std::string s;
    append_utf8(s, c);
    return s;
}
}  // namespace

Status check_holder_typed_katakana(std::string_view field, std::string_view typed) {
    auto cps = decode_utf8(typed);
    if (!cps) {
        return rule_error("bank.holder_katakana", field, "カタカナで入力してください。",
                          "Please type the name in katakana.");
    }
    for (char32_t c : *cps) {
        if (is_halfwidth_katakana(c)) {
            return rule_error("bank.holder_halfwidth", field,
                              "半角カナは使えません。全角カタカナで入力してください（確認画面で全銀形式に変換します）。",
                              "Half-width kana cannot be typed here. Use full-width katakana (it is converted "
                              "to the Zengin form on the confirmation step).");
        }
        const bool ok = is_fullwidth_katakana(c) || c == U'・' || is_space_char(c);
        if (!ok) {
            return rule_error("bank.holder_katakana", field,
                              "口座名義はカタカナで入力してください（「" + shown_char(c) + "」は使えません）。",
                              "Type the account holder in katakana (\"" + shown_char(c) +
                                  "\" cannot be used).");
        }
    }
    return ok_status();
}

BankAccountCheck BankAccountService::check(const BankAccountInput& in) const {
    BankAccountCheck out;
    Errors& e = out.errors;
    BankAccount& b = out.account;
    b.bank_code = in.bank_code;
    b.bank_name = in.bank_name;
    b.branch_code = in.branch_code;
    b.branch_name = in.branch_name;
    b.type = in.type;
    if (in.bank_code.empty()) {
        e.push_back(rule_error("bank.bank_missing", "bank_code", "金融機関を選んでください。", "Choose the bank."));
    }
    if (!in.bank_code.empty() && in.branch_code.empty()) {
        e.push_back(rule_error("bank.branch_missing", "branch_code", "支店を選んでください。", "Choose the branch."));
    }
    if (auto r = normalize_account_number("account_number", in.account_number); collect(e, r)) {
        // JAPAN.md: a 1–6 digit number is left-padded with zeros to 7. The
        // form shows the padded value and the confirmation step says how
        // many zeros were added, so a missed digit is noticed there.
        const std::size_t typed_digits = typed_digit_count(in.account_number);
        b.account_number = *r;
        out.zeros_padded = typed_digits < r->size() ? r->size() - typed_digits : 0;
    }

    const bool family_typed = !trim_spaces(in.holder_family).empty();
    const bool given_typed = !trim_spaces(in.holder_given).empty();
    bool holder_ok = true;
    if (!family_typed) {
        e.push_back(rule_error("field.required", "holder_family", "口座名義（セイ）を入力してください。",
                               "Enter the holder's family name."));
        holder_ok = false;
    } else if (auto s = check_holder_typed_katakana("holder_family", in.holder_family); !s) {
        e.push_back(s.error());
        holder_ok = false;
    }
    if (given_typed) {
        if (auto s = check_holder_typed_katakana("holder_given", in.holder_given); !s) {
            e.push_back(s.error());
            holder_ok = false;
        }
    }
    if (holder_ok) {
        auto r = given_typed ? normalize_holder_name("holder_name_kana", in.holder_family, in.holder_given)
                             : normalize_holder_name("holder_name_kana", in.holder_family);
        if (collect(e, r)) b.holder_name_kana = *r;
    }
    if (!e.empty()) return out;
    // Only a complete, converted account goes to the record validator (with
    // the data set, so codes must exist and names match).
    ValidationContext ctx;
    ctx.banks = banks_;
    for (Error& v : validate_bank_account(b, ctx)) e.push_back(std::move(v));
    return out;
}

BankAccountCheck BankAccountService::save(const std::string& owner, const BankAccountInput& input) {
    BankAccountCheck out = check(input);
    if (!out.ok()) return out;
    auto saved = store_.bank_accounts().save(owner, out.account);
    if (!saved) {
        out.errors.push_back(saved.error());
        return out;
    }
    out.account = std::move(*saved);
    return out;
}

Result<std::optional<BankAccount>> BankAccountService::load(const std::string& owner) {
    return store_.bank_accounts().get(owner);
}

Status BankAccountService::remove(const std::string& owner) { return store_.bank_accounts().remove(owner); }

std::string padded_account_number(std::string_view typed) {
    auto r = normalize_account_number("account_number", typed);
    if (!r || typed_digit_count(typed) >= r->size()) return {};
    return *r;
}

std::string masked_account_number(std::string_view number) {
    std::string out(number);
    for (std::size_t i = 0; i + 3 < out.size(); ++i) out[i] = '*';
    return out;
}

}  // namespace madoguchi
