// 濁点/半濁点/小 rules for the 50音 grid (see kana_modifier.hpp).
#include "kiosk/ime/kana_modifier.hpp"

#include <array>

#include "data/text/char_classes.hpp"
#include "data/text/kana.hpp"
#include "kiosk/ime/utf8.hpp"

namespace madoguchi::ime {
namespace {

// One kana and its variants (hiragana); 0 where a variant does not exist.
struct KanaFamily {
    char32_t base;
    char32_t small;
    char32_t voiced;
    char32_t semi_voiced;
};

constexpr KanaFamily kFamilies[] = {
    {U'あ', U'ぁ', 0, 0},     {U'い', U'ぃ', 0, 0},     {U'う', U'ぅ', U'ゔ', 0}, {U'え', U'ぇ', 0, 0},
    {U'お', U'ぉ', 0, 0},     {U'か', 0, U'が', 0},     {U'き', 0, U'ぎ', 0},     {U'く', 0, U'ぐ', 0},
    {U'け', 0, U'げ', 0},     {U'こ', 0, U'ご', 0},     {U'さ', 0, U'ざ', 0},     {U'し', 0, U'じ', 0},
    {U'す', 0, U'ず', 0},     {U'せ', 0, U'ぜ', 0},     {U'そ', 0, U'ぞ', 0},     {U'た', 0, U'だ', 0},
    {U'ち', 0, U'ぢ', 0},     {U'つ', U'っ', U'づ', 0}, {U'て', 0, U'で', 0},     {U'と', 0, U'ど', 0},
    {U'は', 0, U'ば', U'ぱ'}, {U'ひ', 0, U'び', U'ぴ'}, {U'ふ', 0, U'ぶ', U'ぷ'}, {U'へ', 0, U'べ', U'ぺ'},
    {U'ほ', 0, U'ぼ', U'ぽ'}, {U'や', U'ゃ', 0, 0},     {U'ゆ', U'ゅ', 0, 0},     {U'よ', U'ょ', 0, 0},
    {U'わ', U'ゎ', 0, 0},
};

const KanaFamily* family_of(char32_t hiragana) {
    if (hiragana == 0) return nullptr;
    for (const auto& f : kFamilies) {
        if (hiragana == f.base || hiragana == f.small || hiragana == f.voiced || hiragana == f.semi_voiced)
            return &f;
    }
    return nullptr;
}

// Replaces `current` by `target` when the family has it; pressing the same
// modifier twice returns to the base form.
std::optional<char32_t> toggle(char32_t current, char32_t base, char32_t target) {
    if (target == 0) return std::nullopt;
    return current == target ? base : target;
}

std::optional<char32_t> next_in_cycle(const KanaFamily& f, char32_t current) {
    const std::array<char32_t, 4> order{f.base, f.small, f.voiced, f.semi_voiced};
    std::size_t at = 0;
    while (order[at] != current) ++at;
    for (std::size_t step = 1; step < order.size(); ++step) {
        const char32_t next = order[(at + step) % order.size()];
        if (next != 0) return next == current ? std::nullopt : std::optional<char32_t>(next);
    }
    return std::nullopt;
}

}  // namespace

std::optional<char32_t> modify_kana(char32_t kana, KanaModifier modifier) {
    const bool katakana = is_fullwidth_katakana(kana);
    const char32_t hira = katakana_to_hiragana(kana);
    const KanaFamily* f = family_of(hira);
    if (f == nullptr) return std::nullopt;
    std::optional<char32_t> result;
    switch (modifier) {
        case KanaModifier::dakuten:
            result = toggle(hira, f->base, f->voiced);
            break;
        case KanaModifier::handakuten:
            result = toggle(hira, f->base, f->semi_voiced);
            break;
        case KanaModifier::small:
            result = toggle(hira, f->base, f->small);
            break;
        case KanaModifier::cycle:
            result = next_in_cycle(*f, hira);
            break;
    }
    if (result && katakana) result = hiragana_to_katakana(*result);
    return result;
}

bool modify_last_kana(std::string& text, KanaModifier modifier) {
    const std::size_t at = last_code_point_offset(text);
    const auto last = decode_first_code_point(std::string_view(text).substr(at));
    if (!last || at + last->length != text.size()) return false;
    const auto modified = modify_kana(last->code_point, modifier);
    if (!modified) return false;
    text.resize(at);
    append_utf8(text, *modified);
    return true;
}

}  // namespace madoguchi::ime
