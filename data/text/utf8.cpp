// Strict UTF-8 decoder shared by every text rule.
#include "data/text/utf8.hpp"

namespace madoguchi {
namespace {

// Decodes one code point at `i`. On success returns the code point and
// advances `i`; on an invalid sequence returns nullopt and advances `i` past
// the maximal invalid subpart (at least one byte).
std::optional<char32_t> decode_one(std::string_view s, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    int length = 0;
    char32_t cp = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2;
        cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3;
        cp = b0 & 0x0F;
        if (b0 == 0xE0) lo = 0xA0;  // no overlong forms
        if (b0 == 0xED) hi = 0x9F;  // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4;
        cp = b0 & 0x07;
        if (b0 == 0xF0) lo = 0x90;  // no overlong forms
        if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
    } else {
        ++i;
        return std::nullopt;
    }
    std::size_t k = i + 1;
    for (int n = 1; n < length; ++n, ++k) {
        if (k >= s.size()) {
            i = k;
            return std::nullopt;
        }
        const unsigned char b = byte(k);
        const unsigned char min = n == 1 ? lo : 0x80;
        const unsigned char max = n == 1 ? hi : 0xBF;
        if (b < min || b > max) {
            i = k;  // the offending byte may start the next sequence
            return std::nullopt;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    i = k;
    return cp;
}

}  // namespace

std::optional<std::u32string> decode_utf8(std::string_view bytes) {
    std::u32string out;
    out.reserve(bytes.size());
    for (std::size_t i = 0; i < bytes.size();) {
        const auto cp = decode_one(bytes, i);
        if (!cp) return std::nullopt;
        out.push_back(*cp);
    }
    return out;
}

std::u32string decode_utf8_lossy(std::string_view bytes) {
    std::u32string out;
    out.reserve(bytes.size());
    for (std::size_t i = 0; i < bytes.size();) {
        const auto cp = decode_one(bytes, i);
        out.push_back(cp ? *cp : kReplacementChar);
    }
    return out;
}

bool is_valid_utf8(std::string_view bytes) { return !first_invalid_utf8_offset(bytes).has_value(); }

std::optional<std::size_t> first_invalid_utf8_offset(std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t start = i;
        if (!decode_one(bytes, i)) return start;
    }
    return std::nullopt;
}

std::size_t count_code_points(std::string_view bytes) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < bytes.size(); ++n) decode_one(bytes, i);
    return n;
}

void append_utf8(std::string& out, char32_t c) {
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = kReplacementChar;
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

std::string encode_utf8(std::u32string_view code_points) {
    std::string out;
    out.reserve(code_points.size() * 3);
    for (char32_t c : code_points) append_utf8(out, c);
    return out;
}

}  // namespace madoguchi
