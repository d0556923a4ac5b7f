// Bank account field rules.
#include "data/rules/bank_account_rules.hpp"

#include <algorithm>

#include "data/rules/rule_error.hpp"
#include "data/rules/text_field.hpp"
#include "data/text/char_classes.hpp"
#include "data/text/normalize.hpp"
#include "data/text/utf8.hpp"
#include "data/text/zengin.hpp"

namespace madoguchi {
namespace {

bool digits_of_length(std::string_view s, std::size_t n) {
    return s.size() == n && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Status check_bank_code(std::string_view field, std::string_view code) {
    if (digits_of_length(code, 4)) return ok_status();
    return rule_error("bank.bank_code", field, "金融機関コードは4桁の数字です。",
                      "The bank code has 4 digits.");
}

Status check_branch_code(std::string_view field, std::string_view code) {
    if (digits_of_length(code, 3)) return ok_status();
    return rule_error("bank.branch_code", field, "支店コードは3桁の数字です。",
                      "The branch code has 3 digits.");
}

Result<std::string> normalize_account_number(std::string_view field, std::string_view input) {
    if (auto s = check_utf8(field, input); !s) return s.error();
    if (is_blank(input)) return check_required(field, input).error();
    std::string digits;
    for (char32_t c : nfkc_japanese(decode_utf8_lossy(input))) {
        if (is_ascii_digit(c))
            digits.push_back(static_cast<char>(c));
        else if (!is_space_char(c) && !is_hyphen_like(c))
            digits = "x";  // forces the error below
        if (digits.size() > 7 || digits == "x") {
            return rule_error("bank.account_number", field, "口座番号は7桁以内の数字で入力してください。",
                              "The account number has at most 7 digits.");
        }
    }
    if (digits.empty()) return check_required(field, "").error();
    return std::string(7 - digits.size(), '0') + digits;
}

Status check_account_number(std::string_view field, std::string_view stored) {
    if (digits_of_length(stored, 7)) return ok_status();
    return rule_error("bank.account_number", field, "口座番号は7桁（前に0を補った形）で保存します。",
                      "The account number is stored as 7 digits, zero-padded.");
}

Result<std::string> normalize_holder_name(std::string_view field, std::string_view input) {
    if (auto s = check_text(field, input, TextLimits{true, 0, 0, false}); !s) return s.error();
    const ZenginConversion z = to_zengin_kana(input);
    if (!z.rejected.empty()) {
        std::string shown;
        for (char32_t c : z.rejected) {
            if (shown.size() > 20) break;
            shown += "「";
            append_utf8(shown, c);
            shown += "」";
        }
        return rule_error(
            "bank.holder_characters", field,
            shown + "は口座名義に使えません。カタカナ・英大文字・数字で入力してください。",
            "Not allowed in an account holder name: " + shown + ". Use katakana, A-Z and digits.");
    }
    if (z.converted.empty()) return check_required(field, "").error();
    if (auto s = check_length(field, z.converted, 0, kZenginHolderMaxChars); !s) return s.error();
    return z.converted;
}

Result<std::string> normalize_holder_name(std::string_view field, std::string_view family_kana,
                                          std::string_view given_kana) {
    return normalize_holder_name(field, std::string(family_kana) + " " + std::string(given_kana));
}

Status check_holder_name(std::string_view field, std::string_view stored) {
    auto normalized = normalize_holder_name(field, stored);
    if (!normalized) return normalized.error();
    if (*normalized != stored) {
        return rule_error("bank.holder_not_normalized", field,
                          "口座名義は半角カタカナ（全銀形式）で保存します。",
                          "The holder name must be stored in half-width Zengin katakana.");
    }
    return ok_status();
}

}  // namespace madoguchi
