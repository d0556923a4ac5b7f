// TextField editing rules: what the keyboard and a paste may put in a field.
#include "kiosk/ui/text_field.hpp"

#include <cstdint>

namespace madoguchi {
namespace {

// Decodes one UTF-8 sequence strictly (no overlongs, no surrogates, ≤ U+10FFFF).
// Returns the byte length, or 0 for an invalid sequence.
std::size_t decode(std::string_view s, std::size_t i, char32_t& out) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        out = b0;
        return 1;
    }
    std::size_t n = 0;
    char32_t c = 0, min = 0;
    if ((b0 & 0xE0) == 0xC0) n = 2, c = b0 & 0x1F, min = 0x80;
    else if ((b0 & 0xF0) == 0xE0) n = 3, c = b0 & 0x0F, min = 0x800;
    else if ((b0 & 0xF8) == 0xF0) n = 4, c = b0 & 0x07, min = 0x10000;
    else return 0;
    if (i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        c = (c << 6) | (b & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    out = c;
    return n;
}

bool is_control(char32_t c, FieldKind kind) {
    if (c == '\n' && kind == FieldKind::multiline) return false;
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0x2028 || c == 0x2029;
}

bool allowed_in_kind(char32_t c, FieldKind kind) {
    switch (kind) {
        case FieldKind::digits:
            return (c >= '0' && c <= '9') || c == '-';
        case FieldKind::alphanumeric:
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
                   c == '-';
        case FieldKind::email:
        case FieldKind::password:
        case FieldKind::url:
            return c >= 0x21 && c <= 0x7E;
        default:
            return true;
    }
}

Error err(const char* code, std::string ja, std::string en) { return Error{code, "", std::move(ja), std::move(en)}; }

Error kind_error(FieldKind kind) {
    switch (kind) {
        case FieldKind::digits:
            return err("input.digits_only", "数字を入力してください。", "Please enter digits only.");
        case FieldKind::alphanumeric:
            return err("input.alphanumeric_only", "半角英数字で入力してください。",
                       "Please use half-width letters and digits only.");
        default:
            return err("input.ascii_only", "半角の英数字・記号で入力してください。",
                       "Please use half-width letters, digits and symbols.");
    }
}

}  // namespace

std::size_t utf8_length(std::string_view s) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size(); ++count) {
        char32_t c;
        std::size_t n = decode(s, i, c);
        i += n ? n : 1;
    }
    return count;
}

std::size_t TextField::length() const { return utf8_length(value); }

Status TextField::insert(std::string_view utf8) {
    std::size_t added = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        char32_t c;
        std::size_t n = decode(utf8, i, c);
        if (n == 0) return error = err("input.invalid_encoding", "読み取れない文字があります。", "Unreadable characters."), *error;
        if (c > 0xFFFF) {
            error = err("input.unsupported_char", "絵文字など、この端末で表示できない文字は使えません。",
                        "Emoji and some rare characters cannot be used on this kiosk.");
            return *error;
        }
        if (is_control(c, kind)) {
            error = err("input.control_char", "使えない制御文字が含まれています。", "Control characters are not allowed.");
            return *error;
        }
        if (!allowed_in_kind(c, kind)) return error = kind_error(kind), *error;
        i += n;
        ++added;
    }
    if (length() + added > static_cast<std::size_t>(max_chars)) {
        error = err("input.too_long", std::to_string(max_chars) + "文字以内で入力してください。",
                    "Please use at most " + std::to_string(max_chars) + " characters.");
        return *error;
    }
    value.append(utf8);
    error.reset();
    return ok_status();
}

void TextField::backspace() {
    if (value.empty()) return;
    std::size_t i = value.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(value[i]) & 0xC0) == 0x80) --i;
    value.erase(i);
    error.reset();
}

Status TextField::paste(std::string_view raw) {
    std::string kept;
    bool dropped_invalid = false, dropped_control = false, dropped_unsupported = false, dropped_kind = false,
         truncated = false;
    std::size_t room = length() >= static_cast<std::size_t>(max_chars) ? 0 : max_chars - length();
    for (std::size_t i = 0; i < raw.size();) {
        char32_t c;
        std::size_t n = decode(raw, i, c);
        if (n == 0) {
            dropped_invalid = true;
            ++i;
            continue;
        }
        std::string_view piece = raw.substr(i, n);
        i += n;
        if (c > 0xFFFF) dropped_unsupported = true;
        else if (is_control(c, kind)) dropped_control = true;
        else if (!allowed_in_kind(c, kind)) dropped_kind = true;
        else if (room == 0) truncated = true;
        else {
            kept.append(piece);
            --room;
        }
    }
    value.append(kept);
    if (truncated)
        error = err("input.paste_truncated",
                    std::to_string(max_chars) + "文字を超えた部分は入力されませんでした。",
                    "Text beyond " + std::to_string(max_chars) + " characters was not entered.");
    else if (dropped_unsupported)
        error = err("input.unsupported_char", "絵文字など、この端末で表示できない文字を取り除きました。",
                    "Emoji and characters this kiosk cannot show were removed.");
    else if (dropped_invalid)
        error = err("input.invalid_encoding", "読み取れない文字を取り除きました。", "Unreadable bytes were removed.");
    else if (dropped_control)
        error = err("input.control_char", "制御文字を取り除きました。", "Control characters were removed.");
    else if (dropped_kind)
        error = kind_error(kind);
    else {
        error.reset();
        return ok_status();
    }
    return *error;
}

}  // namespace madoguchi
