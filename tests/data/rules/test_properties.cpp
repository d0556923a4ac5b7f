// Property checks over random strings drawn from the characters Japanese
// input mixes (kana of both widths, sound marks, full-width ASCII, dashes,
// spaces, controls, emoji, invalid bytes). Deterministic seed; the number of
// strings grows with MADOGUCHI_FAULT_ITERATIONS for longer campaigns.
#include <doctest/doctest.h>

#include <cstdlib>
#include <random>
#include <string>

#include "data/rules/bank_account_rules.hpp"
#include "data/rules/furigana.hpp"
#include "data/rules/phone.hpp"
#include "data/rules/postal_code.hpp"
#include "data/text/normalize.hpp"
#include "data/text/utf8.hpp"
#include "data/text/zengin.hpp"

using namespace madoguchi;

namespace {

int iterations() {
    const char* env = std::getenv("MADOGUCHI_FAULT_ITERATIONS");
    const int n = env ? std::atoi(env) : 0;
    return n > 0 ? n * 100 : 3000;
}

std::string random_input(std::mt19937& rng) {
    static const std::u32string pool =
        U"あいうかがぱゃっゔアイウカガパャッヴヵヶーｰｱｶﾞﾊﾟﾞﾟ゛゜\u3099\u309A・･ 　"
        U"ＡＺａｚ０９０123abcXYZ-‐−－―〜～~〒()（）.@/,、。漢字山田\t\n\u200B\u202E\U0001F600\U00020BB7";
    std::uniform_int_distribution<std::size_t> len(0, 24);
    std::uniform_int_distribution<std::size_t> pick(0, pool.size() - 1);
    std::uniform_int_distribution<int> raw(0, 40);
    std::string out;
    const std::size_t n = len(rng);
    for (std::size_t i = 0; i < n; ++i) {
        if (raw(rng) == 0)
            out.push_back(static_cast<char>(0x80 + raw(rng)));  // stray byte
        else
            append_utf8(out, pool[pick(rng)]);
    }
    return out;
}

}  // namespace

TEST_CASE("normalizers keep their promises on random mixed input") {
    std::mt19937 rng(20261126);
    const int n = iterations();
    for (int i = 0; i < n; ++i) {
        const std::string input = random_input(rng);
        INFO(input);

        const std::string key = normalize_for_comparison(input);
        REQUIRE(is_valid_utf8(key));
        CHECK(normalize_for_comparison(key) == key);  // idempotent

        if (const auto f = normalize_furigana("f", input, FuriganaOptions{false, 30, true}); f.ok()) {
            CHECK(check_furigana("f", *f, FuriganaOptions{false, 30, true}).ok());
            for (char32_t c : decode_utf8_lossy(*f))
                CHECK(((c >= 0x30A1 && c <= 0x30F4) || c == U'ー' || c == U'・'));
        }

        const ZenginConversion z = to_zengin_kana(input);
        REQUIRE(is_valid_utf8(z.converted));
        for (char32_t c : decode_utf8_lossy(z.converted)) CHECK(is_zengin_holder_char(c));
        if (const auto h = normalize_holder_name("h", input); h.ok()) CHECK(check_holder_name("h", *h).ok());

        if (const auto p = normalize_postal_code("p", input); p.ok()) CHECK(check_postal_code("p", *p).ok());
        if (const auto t = parse_phone("t", input); t.ok()) CHECK(check_phone("t", t->digits).ok());
    }
}
