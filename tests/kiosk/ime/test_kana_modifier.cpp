// 50音 grid modifiers (濁点, 半濁点, 小, the combined key); the かな/カナ conversions are data/text's (tests/data/text/test_kana.cpp).
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "kiosk/ime/kana_modifier.hpp"

using madoguchi::ime::KanaModifier;
using madoguchi::ime::modify_last_kana;

namespace {

struct Case {
    std::string_view before;
    KanaModifier modifier;
    std::string_view after;  // == before when the modifier does not apply
};

void check_all(std::initializer_list<Case> cases) {
    for (const auto& c : cases) {
        std::string text(c.before);
        CAPTURE(c.before);
        CAPTURE(static_cast<int>(c.modifier));
        const bool applied = modify_last_kana(text, c.modifier);
        CHECK(text == c.after);
        CHECK(applied == (c.before != c.after));
    }
}

constexpr auto D = KanaModifier::dakuten;
constexpr auto H = KanaModifier::handakuten;
constexpr auto S = KanaModifier::small;
constexpr auto C = KanaModifier::cycle;

}  // namespace

TEST_CASE("dakuten toggles the voiced form") {
    check_all({
        {"か", D, "が"}, {"が", D, "か"}, {"き", D, "ぎ"}, {"く", D, "ぐ"}, {"け", D, "げ"}, {"こ", D, "ご"},
        {"さ", D, "ざ"}, {"し", D, "じ"}, {"す", D, "ず"}, {"せ", D, "ぜ"}, {"そ", D, "ぞ"}, {"た", D, "だ"},
        {"ち", D, "ぢ"}, {"つ", D, "づ"}, {"っ", D, "づ"}, {"て", D, "で"}, {"と", D, "ど"}, {"は", D, "ば"},
        {"ひ", D, "び"}, {"ふ", D, "ぶ"}, {"へ", D, "べ"}, {"ほ", D, "ぼ"}, {"ぱ", D, "ば"}, {"う", D, "ゔ"},
        {"ゔ", D, "う"}, {"カ", D, "ガ"}, {"ウ", D, "ヴ"}, {"ヴ", D, "ウ"}, {"ハ", D, "バ"}, {"あ", D, "あ"},
        {"ん", D, "ん"}, {"ま", D, "ま"}, {"漢", D, "漢"}, {"a", D, "a"},   {"", D, ""},
    });
}

TEST_CASE("handakuten toggles the p-sounds") {
    check_all({
        {"は", H, "ぱ"},
        {"ぱ", H, "は"},
        {"ば", H, "ぱ"},
        {"ひ", H, "ぴ"},
        {"ふ", H, "ぷ"},
        {"へ", H, "ぺ"},
        {"ほ", H, "ぽ"},
        {"ホ", H, "ポ"},
        {"か", H, "か"},
        {"つ", H, "つ"},
        {"ー", H, "ー"},
    });
}

TEST_CASE("small toggles the small kana") {
    check_all({
        {"つ", S, "っ"},
        {"っ", S, "つ"},
        {"づ", S, "っ"},
        {"や", S, "ゃ"},
        {"ゆ", S, "ゅ"},
        {"よ", S, "ょ"},
        {"ゃ", S, "や"},
        {"あ", S, "ぁ"},
        {"い", S, "ぃ"},
        {"う", S, "ぅ"},
        {"え", S, "ぇ"},
        {"お", S, "ぉ"},
        {"わ", S, "ゎ"},
        {"ツ", S, "ッ"},
        {"ヤ", S, "ャ"},
        {"ア", S, "ァ"},
        {"か", S, "か"},
        {"ん", S, "ん"},
    });
}

TEST_CASE("the combined key cycles base, small, voiced, semi-voiced") {
    check_all({
        {"は", C, "ば"}, {"ば", C, "ぱ"}, {"ぱ", C, "は"}, {"か", C, "が"}, {"が", C, "か"},
        {"つ", C, "っ"}, {"っ", C, "づ"}, {"づ", C, "つ"}, {"や", C, "ゃ"}, {"ゃ", C, "や"},
        {"う", C, "ぅ"}, {"ぅ", C, "ゔ"}, {"ゔ", C, "う"}, {"ハ", C, "バ"}, {"バ", C, "パ"},
        {"パ", C, "ハ"}, {"ツ", C, "ッ"}, {"ん", C, "ん"}, {"ま", C, "ま"},
    });
}

TEST_CASE("only the last character changes") {
    check_all({
        {"やまた", D, "やまだ"},
        {"きつて", D, "きつで"},
        {"きつ", S, "きっ"},
        {"カタカナ", D, "カタカナ"},
        {"ほんた", C, "ほんだ"},
        {"さとう", D, "さとゔ"},
    });
}
