// NFKC subset and dash mapping (see normalize.hpp for the exact coverage).
#include "data/text/normalize.hpp"

#include <array>
#include <string_view>

#include "data/text/kana.hpp"
#include "data/text/utf8.hpp"

namespace madoguchi {
namespace {

struct Expansion {
    char32_t from;
    std::u32string_view to;
};

// Compatibility decompositions of the characters Japanese users meet in
// copied text and on old keyboards (JIS X 0208 NEC row 13 and IBM extensions).
constexpr std::array kExpansions = {
    Expansion{0x00A0, U" "},        Expansion{0x2025, U".."},         Expansion{0x2026, U"..."},
    Expansion{0x2116, U"No"},       Expansion{0x2121, U"TEL"},        Expansion{0x2122, U"TM"},
    Expansion{0x3231, U"(株)"},     Expansion{0x3232, U"(有)"},       Expansion{0x3239, U"(代)"},
    Expansion{0x32A4, U"上"},       Expansion{0x32A5, U"中"},         Expansion{0x32A6, U"下"},
    Expansion{0x32A7, U"左"},       Expansion{0x32A8, U"右"},         Expansion{0x337B, U"平成"},
    Expansion{0x337C, U"昭和"},     Expansion{0x337D, U"大正"},       Expansion{0x337E, U"明治"},
    Expansion{0x32FF, U"令和"},     Expansion{0x337F, U"株式会社"},   Expansion{0x3303, U"アール"},
    Expansion{0x330D, U"カロリー"}, Expansion{0x3314, U"キロ"},       Expansion{0x3318, U"グラム"},
    Expansion{0x3322, U"センチ"},   Expansion{0x3323, U"セント"},     Expansion{0x3326, U"ドル"},
    Expansion{0x3327, U"トン"},     Expansion{0x332B, U"パーセント"}, Expansion{0x3336, U"ヘクタール"},
    Expansion{0x333B, U"ページ"},   Expansion{0x3349, U"ミリ"},       Expansion{0x334A, U"ミリバール"},
    Expansion{0x334D, U"メートル"}, Expansion{0x3351, U"リットル"},   Expansion{0x3357, U"ワット"},
    Expansion{0x338E, U"mg"},       Expansion{0x338F, U"kg"},         Expansion{0x339C, U"mm"},
    Expansion{0x339D, U"cm"},       Expansion{0x339E, U"km"},         Expansion{0x33A1, U"m2"},
    Expansion{0x33C4, U"cc"},       Expansion{0x33CD, U"K.K."},       Expansion{0xFFE0, U"\u00A2"},
    Expansion{0xFFE1, U"\u00A3"},   Expansion{0xFFE2, U"\u00AC"},     Expansion{0xFFE3, U" \u0304"},
    Expansion{0xFFE4, U"\u00A6"},   Expansion{0xFFE5, U"\u00A5"},     Expansion{0xFFE6, U"\u20A9"},
    Expansion{0xFF5F, U"\u2985"},   Expansion{0xFF60, U"\u2986"},     Expansion{0x309B, U" \u3099"},
    Expansion{0x309C, U" \u309A"},
};

constexpr std::array<std::u32string_view, 12> kRomanNumerals = {
    U"I", U"II", U"III", U"IV", U"V", U"VI", U"VII", U"VIII", U"IX", U"X", U"XI", U"XII"};

void append_number(std::u32string& out, int n) {
    if (n >= 10) out.push_back(U'0' + n / 10);
    out.push_back(U'0' + n % 10);
}

// Canonical composition of the combining sound marks left after expansion.
void push_composed(std::u32string& out, char32_t c) {
    if ((c == 0x3099 || c == 0x309A) && !out.empty()) {
        if (const auto composed = compose_voiced(out.back(), c)) {
            out.back() = *composed;
            return;
        }
    }
    out.push_back(c);
}

}  // namespace

std::u32string compose_voiced_marks(std::u32string_view text) {
    std::u32string out;
    out.reserve(text.size());
    for (char32_t c : text) {
        if ((c == 0x309B || c == 0x309C || c == 0x3099 || c == 0x309A) && !out.empty()) {
            if (const auto composed = compose_voiced(out.back(), c)) {
                out.back() = *composed;
                continue;
            }
        }
        out.push_back(c);
    }
    return out;
}

std::u32string nfkc_japanese(std::u32string_view text) {
    std::u32string out;
    out.reserve(text.size());
    for (char32_t c : text) {
        if (c >= 0xFF01 && c <= 0xFF5E) {
            out.push_back(c - 0xFEE0);
        } else if (c == 0x3000 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F) {
            out.push_back(U' ');
        } else if (c >= 0xFF61 && c <= 0xFF9D) {
            const std::u32string full = halfwidth_to_fullwidth_kana(std::u32string_view(&c, 1));
            out += full;
        } else if (c == 0xFF9E || c == 0xFF9F) {
            push_composed(out, c == 0xFF9E ? char32_t{0x3099} : char32_t{0x309A});
        } else if (c == 0x3099 || c == 0x309A) {
            push_composed(out, c);
        } else if (c >= 0x2460 && c <= 0x2473) {  // ① … ⑳
            append_number(out, static_cast<int>(c - 0x2460) + 1);
        } else if (c >= 0x2160 && c <= 0x216B) {  // Ⅰ … Ⅻ
            out += kRomanNumerals[c - 0x2160];
        } else if (c >= 0x2170 && c <= 0x217B) {  // ⅰ … ⅻ
            for (char32_t r : kRomanNumerals[c - 0x2170]) out.push_back(r - U'A' + U'a');
        } else {
            bool expanded = false;
            for (const auto& e : kExpansions) {
                if (e.from == c) {
                    for (char32_t x : e.to) push_composed(out, x);
                    expanded = true;
                    break;
                }
            }
            if (!expanded) out.push_back(c);
        }
    }
    return out;
}

bool is_dash_family(char32_t c) {
    return (c >= 0x2010 && c <= 0x2015) || c == 0x2043 || c == 0x2212 || c == 0xFE58 || c == 0xFE63 ||
           c == 0xFF0D;
}

bool is_hyphen_like(char32_t c) {
    return c == U'-' || is_dash_family(c) || c == U'ー' || c == 0xFF70 || c == U'〜' || c == 0xFF5E ||
           c == U'~';
}

std::u32string map_dash_family(std::u32string_view text) {
    std::u32string out(text);
    for (char32_t& c : out)
        if (is_dash_family(c)) c = U'-';
    return out;
}

std::u32string normalize_for_comparison(std::u32string_view text) {
    return map_dash_family(nfkc_japanese(compose_voiced_marks(text)));
}

std::string normalize_for_comparison(std::string_view utf8) {
    return encode_utf8(normalize_for_comparison(decode_utf8_lossy(utf8)));
}

}  // namespace madoguchi
