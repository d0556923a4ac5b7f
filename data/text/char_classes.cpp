// Character class predicates (Unicode ranges, no locale involved).
#include "data/text/char_classes.hpp"

#include <cstdio>

#include "data/text/utf8.hpp"

namespace madoguchi {

bool is_control_char(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

bool is_invisible_format_char(char32_t c) {
    return c == 0x00AD                       // soft hyphen
           || (c >= 0x200B && c <= 0x200F)   // zero-width space/joiners, LRM/RLM
           || (c >= 0x2028 && c <= 0x202E)   // line/paragraph separators, bidi embeddings
           || (c >= 0x2060 && c <= 0x206F)   // word joiner, bidi isolates
           || c == 0xFEFF                    // byte order mark
           || (c >= 0xFFF9 && c <= 0xFFFB);  // interlinear annotation
}

bool is_outside_bmp(char32_t c) { return c > 0xFFFF; }

bool is_undrawable_char(char32_t c) {
    return is_outside_bmp(c) || (c >= 0xE000 && c <= 0xF8FF) || c == 0xFFFE || c == 0xFFFF ||
           (c >= 0xFDD0 && c <= 0xFDEF) || (c >= 0xD800 && c <= 0xDFFF);
}

bool is_hiragana(char32_t c) { return (c >= 0x3041 && c <= 0x3096) || c == 0x309D || c == 0x309E; }
bool is_fullwidth_katakana(char32_t c) {
    return (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC || c == 0x30FD || c == 0x30FE;
}
bool is_halfwidth_katakana(char32_t c) { return c >= 0xFF66 && c <= 0xFF9F; }
bool is_kana(char32_t c) { return is_hiragana(c) || is_fullwidth_katakana(c) || is_halfwidth_katakana(c); }
bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_fullwidth_digit(char32_t c) { return c >= 0xFF10 && c <= 0xFF19; }
bool is_ascii_alpha(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }

bool is_space_char(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\v' || c == U'\f' || c == 0x3000 ||
           c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F;
}

std::u32string_view trim_spaces(std::u32string_view text) {
    while (!text.empty() && is_space_char(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space_char(text.back())) text.remove_suffix(1);
    return text;
}

std::string_view trim_spaces(std::string_view utf8) {
    // Leading: ASCII spaces are one byte; U+3000, NBSP and U+20xx spaces are
    // recognised by their exact encodings so invalid bytes are left alone.
    const auto space_len_at = [&](std::size_t i) -> std::size_t {
        const auto b = [&](std::size_t k) {
            return k < utf8.size() ? static_cast<unsigned char>(utf8[k]) : 0u;
        };
        const unsigned c0 = b(i);
        if (c0 == ' ' || (c0 >= '\t' && c0 <= '\r')) return 1;
        if (c0 == 0xC2 && b(i + 1) == 0xA0) return 2;
        if (c0 == 0xE3 && b(i + 1) == 0x80 && b(i + 2) == 0x80) return 3;
        if (c0 == 0xE2 && b(i + 1) == 0x80 && ((b(i + 2) >= 0x80 && b(i + 2) <= 0x8A) || b(i + 2) == 0xAF))
            return 3;
        if (c0 == 0xE2 && b(i + 1) == 0x81 && b(i + 2) == 0x9F) return 3;
        return 0;
    };
    std::size_t start = 0;
    while (start < utf8.size()) {
        const std::size_t n = space_len_at(start);
        if (n == 0) break;
        start += n;
    }
    std::size_t end = utf8.size();
    while (end > start) {
        bool trimmed = false;
        for (std::size_t n : {std::size_t{1}, std::size_t{2}, std::size_t{3}}) {
            if (end - start >= n && space_len_at(end - n) == n) {
                end -= n;
                trimmed = true;
                break;
            }
        }
        if (!trimmed) break;
    }
    return utf8.substr(start, end - start);
}

std::string code_point_label(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

}  // namespace madoguchi
