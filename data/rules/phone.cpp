// Phone number parsing, classification and display.
#include "data/rules/phone.hpp"

#include "data/rules/rule_error.hpp"
#include "data/rules/text_field.hpp"
#include "data/text/char_classes.hpp"
#include "data/text/normalize.hpp"
#include "data/text/utf8.hpp"

namespace madoguchi {
namespace {

Error invalid_number(std::string_view field) {
    return rule_error("phone.invalid", field,
                      "電話番号の桁数または形が正しくありません（例：090-1234-5678、03-1234-5678）。",
                      "This is not a valid Japanese phone number (e.g. 090-1234-5678, 03-1234-5678).");
}

bool starts(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

Result<PhoneNumber> classify(std::string_view field, const std::string& d) {
    if (d.empty() || d[0] != '0') {
        return rule_error("phone.leading_zero", field, "電話番号は0から（市外局番から）入力してください。",
                          "Enter the number with its leading 0 (area code or 0X0).");
    }
    if (starts(d, "020")) {
        return rule_error("phone.not_contact", field, "020から始まる番号は連絡先として使えません。",
                          "Numbers starting with 020 cannot be used as a contact number.");
    }
    if (starts(d, "0120")) {
        if (d.size() == 10) return PhoneNumber{d, PhoneKind::toll_free};
        return invalid_number(field);
    }
    if (starts(d, "0800")) {
        if (d.size() == 11) return PhoneNumber{d, PhoneKind::toll_free};
        return invalid_number(field);
    }
    if (starts(d, "0570")) {
        if (d.size() == 10) return PhoneNumber{d, PhoneKind::navi_dial};
        return invalid_number(field);
    }
    if (d.size() >= 3 && d[1] >= '5' && d[1] <= '9' && d[2] == '0') {  // 0[5-9]0: always 11 digits
        if (d.size() != 11) return invalid_number(field);
        return PhoneNumber{d, d[1] == '5' ? PhoneKind::ip_phone : PhoneKind::mobile};
    }
    if (d.size() == 10 && d[1] >= '1' && d[1] <= '9') return PhoneNumber{d, PhoneKind::fixed_line};
    return invalid_number(field);
}

}  // namespace

Result<PhoneNumber> parse_phone(std::string_view field, std::string_view input) {
    if (auto s = check_utf8(field, input); !s) return s.error();
    if (is_blank(input)) return check_required(field, input).error();
    const std::u32string text = nfkc_japanese(decode_utf8_lossy(trim_spaces(input)));
    std::string digits;
    std::size_t i = 0;
    if (!text.empty() && text[0] == U'+') {
        // International form: +81 replaces the leading 0. "+81 (0)90…" and
        // "+81 090…" are common mistakes with an obvious meaning.
        if (text.size() < 3 || text[1] != U'8' || text[2] != U'1') {
            return rule_error("phone.country", field, "日本の電話番号（+81）を入力してください。",
                              "Enter a Japanese phone number (+81).");
        }
        digits.push_back('0');  // (not `= "0"`: GCC 12 warns falsely, PR 105329)
        i = 3;
        while (i < text.size() && (is_space_char(text[i]) || is_hyphen_like(text[i]))) ++i;
        if (text.compare(i, 3, U"(0)") == 0)
            i += 3;
        else if (i < text.size() && text[i] == U'0')
            ++i;
    }
    for (; i < text.size(); ++i) {
        const char32_t c = text[i];
        if (is_ascii_digit(c)) {
            digits.push_back(static_cast<char>(c));
        } else if (is_hyphen_like(c) || is_space_char(c) || c == U'(' || c == U')') {
            continue;
        } else {
            return rule_error("phone.characters", field, "電話番号は数字とハイフンで入力してください。",
                              "Use digits (and hyphens) only.");
        }
        if (digits.size() > 15) break;  // hostile lengths stop early
    }
    return classify(field, digits);
}

Status check_phone(std::string_view field, std::string_view stored) {
    for (char c : stored) {
        if (c < '0' || c > '9') {
            return rule_error("phone.not_normalized", field, "電話番号は数字だけで保存します。",
                              "The phone number must be stored as digits only.");
        }
    }
    auto parsed = classify(field, std::string(stored));
    if (!parsed) return parsed.error();
    return ok_status();
}

std::string format_phone(const PhoneNumber& number) {
    const std::string& d = number.digits;
    const auto split = [&](std::initializer_list<std::size_t> sizes) {
        std::string out;
        std::size_t at = 0;
        for (std::size_t n : sizes) {
            if (!out.empty()) out.push_back('-');
            out += d.substr(at, n);
            at += n;
        }
        return out;
    };
    switch (number.kind) {
        case PhoneKind::mobile:
        case PhoneKind::ip_phone:
            return d.size() == 11 ? split({3, 4, 4}) : d;
        case PhoneKind::toll_free:
            if (d.size() == 11) return split({4, 3, 4});
            return d.size() == 10 ? split({4, 3, 3}) : d;
        case PhoneKind::navi_dial:
            return d.size() == 10 ? split({4, 3, 3}) : d;
        case PhoneKind::fixed_line:
            if (d.size() == 10 && (starts(d, "03") || starts(d, "06"))) return split({2, 4, 4});
            return d;
    }
    return d;
}

}  // namespace madoguchi
