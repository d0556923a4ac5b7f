// Kana→kanji latency per keystroke and dictionary load time. Prints figures
// (p50/p99 per reading length 1–12, per field kind); never pass/fail.
//   bench_ime_kana_kanji [iterations per length, default 200]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "kiosk/ime/kana_kanji_converter.hpp"
#include "kiosk/ime/romaji_converter.hpp"
#include "kiosk/ime/skk_dictionary.hpp"

using namespace madoguchi::ime;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

// Readings typed one character at a time, as a user would: every prefix is
// converted, like the keyboard does on each keystroke.
const char* const kPhrases[] = {
    "とうきょうとちよだくまるのうち", "やまだたろうともうします", "かながわけんよこはましなかく",
    "わたしはえいぎょうのしごとを",   "さとうはなこですよろしく", "ほっかいどうさっぽろしちゅうおう",
};

std::string prefix_chars(const char* phrase, std::size_t chars) {
    std::string_view v(phrase);
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < chars && bytes < v.size(); ++i) {
        const auto c = static_cast<unsigned char>(v[bytes]);
        bytes += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    }
    return std::string(v.substr(0, bytes));
}

}  // namespace

int main(int argc, char** argv) {
    const int iterations = argc > 1 ? std::max(1, std::atoi(argv[1])) : 200;
    const SkkDictionaryPaths compiled = compiled_skk_dictionaries(MADOGUCHI_IME_DICTIONARY_DIR);
    const SkkDictionaryPaths installed = installed_skk_dictionaries();

    std::printf("# dictionary load (ms)\n");
    for (const auto& [label, path] :
         {std::pair{"L compiled (mmap), first", compiled.large},
          std::pair{"L compiled (mmap), again", compiled.large},
          std::pair{"L text (EUC, iconv+parse)", installed.large}, std::pair{"jinmei text", installed.jinmei},
          std::pair{"jinmei compiled", compiled.jinmei}, std::pair{"geo compiled", compiled.geo}}) {
        const auto t0 = Clock::now();
        auto dict = SkkDictionary::open(path);
        const double ms = ms_since(t0);
        std::printf("%-28s %9.2f ms  %zu entries%s\n", label, ms, dict.ok() ? dict->entry_count() : 0,
                    dict.ok() ? "" : "  (ERROR)");
    }
    auto t0 = Clock::now();
    auto opened = KanaKanjiConverter::open(compiled);
    std::printf("%-28s %9.2f ms\n", "converter open (all + Anthy)", ms_since(t0));
    if (!opened) {
        std::fprintf(stderr, "%s\n", opened.error().message_en.c_str());
        return 1;
    }
    auto& conv = *opened.value();

    t0 = Clock::now();
    RomajiConverter romaji;
    long keys = 0;
    for (int i = 0; i < 20000; ++i, keys += 30) romaji.feed("toukyoutochiyodakumarunouchi.."), romaji.clear();
    std::printf("\n# romaji: %.3f us per key\n", ms_since(t0) * 1000.0 / static_cast<double>(keys));

    std::printf("\n# conversion per keystroke (ms), %d samples per length\n", iterations);
    std::printf("%-12s %3s %9s %9s %9s\n", "kind", "len", "p50", "p99", "max");
    for (const auto& [label, kind] :
         {std::pair{"general", ConversionKind::general},
          std::pair{"person_name", ConversionKind::person_name}, std::pair{"place", ConversionKind::place}}) {
        for (std::size_t len = 1; len <= 12; ++len) {
            std::vector<double> samples;
            samples.reserve(static_cast<std::size_t>(iterations));
            for (int i = 0; i < iterations; ++i) {
                const std::string reading =
                    prefix_chars(kPhrases[static_cast<std::size_t>(i) % std::size(kPhrases)], len);
                const auto s = Clock::now();
                auto result = conv.convert(reading, kind);
                samples.push_back(ms_since(s));
                if (!result) return 1;
            }
            std::printf("%-12s %3zu %9.3f %9.3f %9.3f\n", label, len, percentile(samples, 0.5),
                        percentile(samples, 0.99), percentile(samples, 1.0));
        }
    }

    std::printf("\n# suggest(prefix, kind, 10) (ms), %d samples per length\n", iterations);
    std::printf("%-12s %3s %9s %9s %9s\n", "kind", "len", "p50", "p99", "max");
    for (const auto& [label, kind] :
         {std::pair{"general", ConversionKind::general},
          std::pair{"person_name", ConversionKind::person_name}, std::pair{"place", ConversionKind::place}}) {
        for (std::size_t len = 1; len <= 4; ++len) {
            std::vector<double> samples;
            for (int i = 0; i < iterations; ++i) {
                const std::string prefix =
                    prefix_chars(kPhrases[static_cast<std::size_t>(i) % std::size(kPhrases)], len);
                const auto s = Clock::now();
                const auto found = conv.suggest(prefix, kind, 10);
                samples.push_back(ms_since(s));
            }
            std::printf("%-12s %3zu %9.3f %9.3f %9.3f\n", label, len, percentile(samples, 0.5),
                        percentile(samples, 0.99), percentile(samples, 1.0));
        }
    }
    return 0;
}
