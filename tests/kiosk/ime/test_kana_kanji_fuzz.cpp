// Fuzz: random readings (kana, ASCII, kanji, symbols) through every
// conversion kind, segment resizing and suggestions never crash and always
// return valid UTF-8. MADOGUCHI_FAULT_ITERATIONS lengthens the run.
#include <doctest/doctest.h>

#include <cstdlib>
#include <random>
#include <string>

#include "kiosk/ime/kana_kanji_converter.hpp"
#include "kiosk/ime/utf8.hpp"

using namespace madoguchi::ime;

TEST_CASE("random readings convert to valid UTF-8 segments") {
    auto opened = KanaKanjiConverter::open(compiled_skk_dictionaries(MADOGUCHI_IME_DICTIONARY_DIR));
    REQUIRE(opened.ok());
    auto& conv = *opened.value();
    const char* const pieces[] = {"あ", "か", "ん", "っ", "ゃ", "ー", "ゔ", "を", "ぁ",
                                  "き", "ょ", "う", "と", "し", "ア", "ヴ", "漢", "a",
                                  "1",  " ",  "、", "。", "・", "𠮷", "ゐ", "ゟ"};
    std::mt19937 rng(424242);
    std::uniform_int_distribution<int> pick(0, static_cast<int>(std::size(pieces)) - 1);
    std::uniform_int_distribution<int> length(0, 24);
    std::uniform_int_distribution<int> coin(0, 9);
    const char* env = std::getenv("MADOGUCHI_FAULT_ITERATIONS");
    const long n = env != nullptr && std::atol(env) > 0 ? std::atol(env) / 100 : 300;
    long converted = 0;
    for (long i = 0; i < n; ++i) {
        std::string reading;
        for (int k = length(rng); k > 0; --k) reading += pieces[pick(rng)];
        const auto kind = static_cast<ConversionKind>(i % 3);
        auto result = conv.convert(reading, kind);
        if (!result) FAIL("conversion failed for " << reading << ": " << result.error().message_en);
        if (coin(rng) < 5 && !result->empty()) {
            result =
                conv.resize_segment(coin(rng) % static_cast<int>(result->size()), coin(rng) < 5 ? 1 : -1);
            if (!result) FAIL("resize failed for " << reading);
        }
        for (const auto& seg : *result) {
            if (seg.candidates.empty()) FAIL("segment without candidates for " << reading);
            for (const auto& c : seg.candidates)
                if (!is_valid_utf8(c)) FAIL("invalid UTF-8 candidate for " << reading);
        }
        for (const auto& s : conv.suggest(reading, kind, 8))
            if (!is_valid_utf8(s)) FAIL("invalid UTF-8 suggestion for " << reading);
        ++converted;
    }
    CHECK(converted == n);
}
