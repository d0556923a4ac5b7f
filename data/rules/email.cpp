// E-mail syntax: local part of atext and dots (<= 64), '@', a domain of
// LDH labels (<= 253) with an alphabetic top-level label.
#include "data/rules/email.hpp"

#include <algorithm>
#include <cctype>

#include "data/rules/domain_name.hpp"
#include "data/rules/rule_error.hpp"
#include "data/rules/text_field.hpp"
#include "data/text/char_classes.hpp"
#include "data/text/normalize.hpp"
#include "data/text/utf8.hpp"

namespace madoguchi {
namespace {

Error invalid(std::string_view field) {
    return rule_error("email.invalid", field, "メールアドレスの形が正しくありません（例：taro@example.jp）。",
                      "This is not a valid e-mail address (e.g. taro@example.jp).");
}

bool is_atext(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

}  // namespace

Result<std::string> normalize_email(std::string_view field, std::string_view input) {
    if (auto s = check_text(field, input, TextLimits{true, 254, 0, false}); !s) return s.error();
    const std::string text =
        encode_utf8(map_dash_family(nfkc_japanese(decode_utf8_lossy(trim_spaces(input)))));
    for (char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            return rule_error("email.non_ascii", field, "メールアドレスは半角英数字で入力してください。",
                              "Use only half-width letters, digits and symbols in an e-mail address.");
        }
    }
    const std::size_t at = text.rfind('@');
    if (at == std::string::npos || text.find('@') != at) return invalid(field);
    const std::string local = text.substr(0, at);
    std::string domain = text.substr(at + 1);
    if (local.empty() || local.size() > 64) return invalid(field);
    if (!std::all_of(local.begin(), local.end(), [](char c) { return is_atext(c) || c == '.'; }))
        return invalid(field);
    if (local.find_first_not_of('.') == std::string::npos) return invalid(field);
    std::transform(domain.begin(), domain.end(), domain.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (!is_valid_domain_name(domain)) return invalid(field);
    return local + "@" + domain;
}

Status check_email(std::string_view field, std::string_view stored) {
    auto normalized = normalize_email(field, stored);
    if (!normalized) return normalized.error();
    if (*normalized != stored) {
        return rule_error("email.not_normalized", field, "メールアドレスは半角で保存します。",
                          "The e-mail address must be stored in its normalized form.");
    }
    return ok_status();
}

}  // namespace madoguchi
