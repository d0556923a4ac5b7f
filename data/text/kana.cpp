// Kana tables. Code point arithmetic where Unicode keeps the blocks parallel
// (hiragana/katakana differ by 0x60), explicit tables where it does not
// (the half-width block follows JIS X 0201 order).
#include "data/text/kana.hpp"

#include <array>

#include "data/text/utf8.hpp"

namespace madoguchi {
namespace {

// JIS X 0201 half-width katakana U+FF61–U+FF9D in order, as full-width.
constexpr std::array<char32_t, 0xFF9D - 0xFF61 + 1> kHalfToFull = {
    U'。', U'「', U'」', U'、', U'・', U'ヲ', U'ァ', U'ィ', U'ゥ', U'ェ', U'ォ', U'ャ', U'ュ',
    U'ョ', U'ッ', U'ー', U'ア', U'イ', U'ウ', U'エ', U'オ', U'カ', U'キ', U'ク', U'ケ', U'コ',
    U'サ', U'シ', U'ス', U'セ', U'ソ', U'タ', U'チ', U'ツ', U'テ', U'ト', U'ナ', U'ニ', U'ヌ',
    U'ネ', U'ノ', U'ハ', U'ヒ', U'フ', U'ヘ', U'ホ', U'マ', U'ミ', U'ム', U'メ', U'モ', U'ヤ',
    U'ユ', U'ヨ', U'ラ', U'リ', U'ル', U'レ', U'ロ', U'ワ', U'ン'};

std::string via_u32(std::string_view utf8, std::u32string (*f)(std::u32string_view)) {
    return encode_utf8(f(decode_utf8_lossy(utf8)));
}

// Unvoiced katakana whose voiced form is the next code point (カ->ガ …).
bool voices_to_next(char32_t k) {
    if (k >= U'カ' && k <= U'ヂ') return (k - U'カ') % 2 == 0;  // カ..チ (ガ..ヂ interleaved)
    if (k == U'ツ' || k == U'テ' || k == U'ト') return true;
    return false;
}
bool is_ha_row(char32_t k) { return k >= U'ハ' && k <= U'ポ' && (k - U'ハ') % 3 == 0; }

}  // namespace

bool is_voiced_mark(char32_t c) { return c == 0x309B || c == 0x3099 || c == 0xFF9E; }
bool is_semi_voiced_mark(char32_t c) { return c == 0x309C || c == 0x309A || c == 0xFF9F; }

std::optional<char32_t> compose_voiced(char32_t base, char32_t mark) {
    const bool hira = base >= 0x3041 && base <= 0x309E;
    const char32_t k = hira ? base + 0x60 : base;  // work in katakana
    std::optional<char32_t> out;
    if (is_voiced_mark(mark)) {
        if (voices_to_next(k) || is_ha_row(k))
            out = k + 1;
        else if (k == U'ウ')
            out = U'ヴ';
        else if (!hira && k >= U'ワ' && k <= U'ヲ')
            out = k - U'ワ' + U'ヷ';  // ワヰヱヲ -> ヷヸヹヺ
        else if (k == U'ヽ')
            out = U'ヾ';
    } else if (is_semi_voiced_mark(mark)) {
        if (is_ha_row(k)) out = k + 2;
    }
    if (out && hira) {
        if (*out == U'ヴ') return U'ゔ';
        return *out - 0x60;
    }
    return out;
}

char32_t hiragana_to_katakana(char32_t c) {
    return (c >= 0x3041 && c <= 0x3096) || c == 0x309D || c == 0x309E ? c + 0x60 : c;
}
std::u32string hiragana_to_katakana(std::u32string_view text) {
    std::u32string out(text);
    for (char32_t& c : out) c = hiragana_to_katakana(c);
    return out;
}
std::string hiragana_to_katakana(std::string_view utf8) { return via_u32(utf8, hiragana_to_katakana); }

char32_t katakana_to_hiragana(char32_t c) {
    return (c >= 0x30A1 && c <= 0x30F6) || c == 0x30FD || c == 0x30FE ? c - 0x60 : c;
}
std::u32string katakana_to_hiragana(std::u32string_view text) {
    std::u32string out(text);
    for (char32_t& c : out) c = katakana_to_hiragana(c);
    return out;
}
std::string katakana_to_hiragana(std::string_view utf8) { return via_u32(utf8, katakana_to_hiragana); }

std::u32string halfwidth_to_fullwidth_kana(std::u32string_view text) {
    std::u32string out;
    out.reserve(text.size());
    for (char32_t c : text) {
        if (c == 0xFF9E || c == 0xFF9F) {
            if (!out.empty()) {
                if (const auto composed = compose_voiced(out.back(), c)) {
                    out.back() = *composed;
                    continue;
                }
            }
            out.push_back(c == 0xFF9E ? U'゛' : U'゜');
        } else if (c >= 0xFF61 && c <= 0xFF9D) {
            out.push_back(kHalfToFull[c - 0xFF61]);
        } else {
            out.push_back(c);
        }
    }
    return out;
}
std::string halfwidth_to_fullwidth_kana(std::string_view utf8) {
    return via_u32(utf8, halfwidth_to_fullwidth_kana);
}

std::u32string fullwidth_to_halfwidth_kana(std::u32string_view text) {
    // Reverse table built once from the forward one.
    static const auto half_of = [] {
        std::array<char32_t, 0x30FF - 0x3000 + 1> t{};
        for (std::size_t i = 0; i < kHalfToFull.size(); ++i)
            t[kHalfToFull[i] - 0x3000] = 0xFF61 + static_cast<char32_t>(i);
        return t;
    }();
    const auto half = [&](char32_t c) -> char32_t {
        return c >= 0x3000 && c <= 0x30FF ? half_of[c - 0x3000] : 0;
    };
    std::u32string out;
    out.reserve(text.size() * 2);
    for (char32_t c : text) {
        if (c == U'゛' || c == 0x3099) {
            out.push_back(0xFF9E);
            continue;
        }
        if (c == U'゜' || c == 0x309A) {
            out.push_back(0xFF9F);
            continue;
        }
        if (const char32_t h = half(c)) {
            out.push_back(h);
            continue;
        }
        // Voiced forms: find the base whose composition gives c.
        char32_t base = 0, mark = 0;
        if (c == U'ヴ') {
            base = U'ウ';
            mark = 0xFF9E;
        } else if (c == U'ヷ') {
            base = U'ワ';
            mark = 0xFF9E;
        } else if (c == U'ヺ') {
            base = U'ヲ';
            mark = 0xFF9E;
        } else if (c >= U'ガ' && c <= U'ポ') {
            if (compose_voiced(c - 1, 0x3099) == c) {
                base = c - 1;
                mark = 0xFF9E;
            } else if (compose_voiced(c - 2, 0x309A) == c) {
                base = c - 2;
                mark = 0xFF9F;
            }
        }
        if (base && half(base)) {
            out.push_back(half(base));
            out.push_back(mark);
        } else {
            out.push_back(c);
        }
    }
    return out;
}
std::string fullwidth_to_halfwidth_kana(std::string_view utf8) {
    return via_u32(utf8, fullwidth_to_halfwidth_kana);
}

char32_t katakana_small_to_large(char32_t c) {
    switch (c) {
        case U'ァ':
        case U'ィ':
        case U'ゥ':
        case U'ェ':
        case U'ォ':
        case U'ッ':
        case U'ャ':
        case U'ュ':
        case U'ョ':
        case U'ヮ':
            return c + 1;
        case U'ヵ':
            return U'カ';
        case U'ヶ':
            return U'ケ';
        case 0xFF67:
        case 0xFF68:
        case 0xFF69:
        case 0xFF6A:
        case 0xFF6B:  // ｧｨｩｪｫ -> ｱｲｳｴｵ
            return 0xFF71 + (c - 0xFF67);
        case 0xFF6C:
            return 0xFF94;  // ｬ -> ﾔ
        case 0xFF6D:
            return 0xFF95;  // ｭ -> ﾕ
        case 0xFF6E:
            return 0xFF96;  // ｮ -> ﾖ
        case 0xFF6F:
            return 0xFF82;  // ｯ -> ﾂ
        default:
            return c;
    }
}

}  // namespace madoguchi
