// ゆうちょ 記号・番号 conversion.
#include "data/rules/yucho.hpp"

#include <array>

#include "data/rules/rule_error.hpp"
#include "data/text/char_classes.hpp"
#include "data/text/normalize.hpp"
#include "data/text/utf8.hpp"

namespace madoguchi {
namespace {

constexpr std::string_view kKigoField = "yucho_kigo";
constexpr std::string_view kBangoField = "yucho_bango";

// Digits only (full-width and hyphen/space separators accepted); nullopt otherwise.
std::optional<std::string> digits_only(std::string_view input) {
    if (!is_valid_utf8(input)) return std::nullopt;
    std::string out;
    for (char32_t c : nfkc_japanese(decode_utf8_lossy(input))) {
        if (is_ascii_digit(c))
            out.push_back(static_cast<char>(c));
        else if (!is_space_char(c) && !is_hyphen_like(c))
            return std::nullopt;
        if (out.size() > 16) return std::nullopt;
    }
    return out;
}

constexpr std::array<std::string_view, 10> kKanjiDigits = {"〇", "一", "二", "三", "四",
                                                           "五", "六", "七", "八", "九"};
constexpr std::array<std::string_view, 10> kKanaDigits = {"ゼロ", "イチ", "ニ",   "サン", "ヨン",
                                                          "ゴ",   "ロク", "ナナ", "ハチ", "キユウ"};

}  // namespace

Result<YuchoTransferAccount> convert_yucho_kigo_bango(std::string_view kigo_input,
                                                      std::string_view bango_input) {
    const auto kigo = digits_only(kigo_input);
    if (!kigo || kigo->size() != 5 || ((*kigo)[0] != '0' && (*kigo)[0] != '1')) {
        return rule_error("yucho.kigo", kKigoField, "記号は0または1で始まる5桁の数字です（例：17300）。",
                          "The 記号 (symbol) has 5 digits and starts with 0 or 1 (e.g. 17300).");
    }
    const auto bango = digits_only(bango_input);
    if (!bango || bango->empty() || bango->size() > 8) {
        return rule_error("yucho.bango", kBangoField, "番号は8桁以内の数字です（例：19927651）。",
                          "The 番号 (number) has at most 8 digits (e.g. 19927651).");
    }
    YuchoTransferAccount out;
    std::string number;
    if ((*kigo)[0] == '1') {
        out.type = AccountType::ordinary;
        out.branch_code = kigo->substr(1, 2) + "8";
        if (bango->back() != '1' || bango->size() < 2) {
            return rule_error("yucho.bango_check_digit", kBangoField,
                              "記号が1で始まる口座の番号は、末尾が1です。番号を確かめてください。",
                              "For a 記号 starting with 1 the 番号 ends in 1. Please check the number.");
        }
        number = bango->substr(0, bango->size() - 1);
    } else {
        out.type = AccountType::current;
        out.branch_code = kigo->substr(1, 2) + "9";
        number = *bango;
    }
    if (number.size() > 7) {
        return rule_error("yucho.bango", kBangoField, "番号の桁数が多すぎます。番号を確かめてください。",
                          "The 番号 has too many digits. Please check the number.");
    }
    out.account_number = std::string(7 - number.size(), '0') + number;
    for (char d : out.branch_code) {
        out.branch_name += kKanjiDigits[static_cast<std::size_t>(d - '0')];
        out.branch_kana += kKanaDigits[static_cast<std::size_t>(d - '0')];
    }
    return out;
}

}  // namespace madoguchi
