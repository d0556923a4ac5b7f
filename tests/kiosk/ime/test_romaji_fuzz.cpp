// Fuzz: random key sequences (ASCII and stray bytes) with backspaces, script
// switches and modifier keys never crash and always leave valid UTF-8.
// MADOGUCHI_FAULT_ITERATIONS raises the default 100k sequences.
#include <doctest/doctest.h>

#include <cstdlib>
#include <random>
#include <string>

#include "kiosk/ime/kana_modifier.hpp"
#include "kiosk/ime/kana_script.hpp"
#include "kiosk/ime/romaji_converter.hpp"
#include "kiosk/ime/utf8.hpp"

using namespace madoguchi::ime;

namespace {

long iterations() {
    const char* env = std::getenv("MADOGUCHI_FAULT_ITERATIONS");
    const long n = env != nullptr ? std::atol(env) : 0;
    return n > 0 ? n : 100000;
}

}  // namespace

TEST_CASE("random romaji input always yields valid UTF-8") {
    std::mt19937 rng(20261126);
    // Biased towards romaji letters so long kana runs are exercised too.
    const std::string alphabet = "aiueokstnhmyrwgzdbpjfvcqxl'-,.[]/z~ AKN019!@#";
    std::uniform_int_distribution<int> pick(0, static_cast<int>(alphabet.size()) - 1);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<int> action(0, 99);
    std::uniform_int_distribution<int> length(0, 24);
    const long n = iterations();
    long checked = 0;
    for (long i = 0; i < n; ++i) {
        RomajiConverter r(action(rng) < 50 ? KanaScript::hiragana : KanaScript::katakana);
        const int len = length(rng);
        for (int k = 0; k < len; ++k) {
            const int a = action(rng);
            if (a < 80) {
                r.feed(alphabet[static_cast<std::size_t>(pick(rng))]);
            } else if (a < 88) {
                r.feed(static_cast<char>(byte(rng)));
            } else if (a < 95) {
                r.backspace();
            } else if (a < 97) {
                r.set_script(r.script() == KanaScript::hiragana ? KanaScript::katakana
                                                                : KanaScript::hiragana);
            } else {
                std::string t = r.take();
                modify_last_kana(t, static_cast<KanaModifier>(a % 4));
                if (!is_valid_utf8(t)) FAIL("modifier broke UTF-8: " << t);
            }
            if (!is_valid_utf8(r.display())) FAIL("invalid UTF-8 after key " << k << ": " << r.display());
        }
        const std::string out = r.take();
        if (!is_valid_utf8(out)) FAIL("invalid UTF-8 on commit: " << out);
        if (!r.empty()) FAIL("take() left state behind");
        ++checked;
    }
    CHECK(checked == n);
}

TEST_CASE("utf8 helpers reject malformed sequences") {
    CHECK(is_valid_utf8("かな漢字abc"));
    CHECK(is_valid_utf8(""));
    CHECK_FALSE(is_valid_utf8("\xe3\x81"));          // truncated
    CHECK_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));      // surrogate
    CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // > U+10FFFF
    CHECK_FALSE(is_valid_utf8("\x80"));
    CHECK(is_valid_utf8("\xf0\xa0\xae\xb7"));  // 𠮷
    std::string s;
    append_utf8(s, U'𠮷');
    append_utf8(s, 0xD800);  // not a scalar value: ignored
    CHECK(s == "𠮷");
    CHECK(last_code_point_offset("aか") == 1);
}
