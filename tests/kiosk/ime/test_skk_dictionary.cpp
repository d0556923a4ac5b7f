// SKK dictionaries: text parsing, EUC-JIS-2004 conversion, the compiled form,
// errors for missing or corrupt files, and a parser fuzz.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "kiosk/ime/skk_dictionary.hpp"
#include "kiosk/ime/utf8.hpp"

using madoguchi::ime::SkkDictionary;
namespace fs = std::filesystem;

namespace {

// A private directory removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "madoguchi-ime-test-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

void write_file(const fs::path& p, std::string_view bytes) {
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::vector<std::string> as_strings(const std::vector<std::string_view>& v) { return {v.begin(), v.end()}; }

constexpr std::string_view kSample =
    ";; -*- coding: utf-8 -*-\n"
    ";; okuri-ari entries.\n"
    "あいs /愛/哀/\n"
    ";; okuri-nasi entries.\n"
    "やまだ /山田;人名&地名 姓/\n"
    "たろう /太郎;人名/太朗/太郎/\n"
    "ぐる /(concat \"a\\057b\")/具流/\n"
    "malformed line without slash\n"
    " /no reading/\n"
    "からっぽ //\n"
    "CD /シーディー/\n"
    "お> /御/\n"
    ">さん /様/\n"
    "#ねん /#1年/#3年/\n"
    "ちよだく /千代田区/\r\n";

}  // namespace

TEST_CASE("parsing keeps okuri-nasi entries, strips annotations and Lisp, dedupes") {
    const auto dict = SkkDictionary::from_utf8_text(kSample);
    CHECK(dict.entry_count() == 5);  // やまだ たろう ぐる CD ちよだく
    CHECK(as_strings(dict.lookup("やまだ")) == std::vector<std::string>{"山田"});
    CHECK(as_strings(dict.lookup("たろう")) == std::vector<std::string>{"太郎", "太朗"});
    CHECK(as_strings(dict.lookup("ぐる")) == std::vector<std::string>{"具流"});
    CHECK(as_strings(dict.lookup("ちよだく")) == std::vector<std::string>{"千代田区"});
    CHECK(as_strings(dict.lookup("CD")) == std::vector<std::string>{"シーディー"});
    CHECK(dict.lookup("あい").empty());
    CHECK(dict.lookup("あいs").empty());
    CHECK(dict.lookup("からっぽ").empty());
    CHECK(dict.lookup("").empty());
    CHECK(dict.lookup("やま").empty());
    CHECK(dict.lookup("お>").empty());
    CHECK(dict.lookup("#ねん").empty());
}

TEST_CASE("prefix lookup returns the contiguous range of readings") {
    const auto dict = SkkDictionary::from_utf8_text(
        "やま /山/\nやまだ /山田/\nやまもと /山本/\nやもり /守宮/\nゆき /雪/\n");
    const auto yama = dict.lookup_prefix("やま", 10);
    REQUIRE(yama.size() == 3);
    CHECK(yama[0].reading == "やま");
    CHECK(yama[1].reading == "やまだ");
    CHECK(as_strings(yama[2].candidates) == std::vector<std::string>{"山本"});
    CHECK(dict.lookup_prefix("や", 2).size() == 2);
    CHECK(dict.lookup_prefix("や", 10).size() == 4);
    CHECK(dict.lookup_prefix("ゆきだるま", 10).empty());
    CHECK(dict.lookup_prefix("", 10).empty());
    CHECK(dict.lookup_prefix("ん", 10).empty());
}

TEST_CASE("compiled form round-trips and is mapped back") {
    TempDir dir;
    const auto dict = SkkDictionary::from_utf8_text(kSample);
    REQUIRE(dict.write_compiled(dir.path / "sample.mdic").ok());
    auto opened = SkkDictionary::open(dir.path / "sample.mdic");
    REQUIRE(opened.ok());
    CHECK(opened->entry_count() == dict.entry_count());
    for (const auto* reading : {"やまだ", "たろう", "ぐる", "ちよだく", "CD", "none"})
        CHECK(as_strings(opened->lookup(reading)) == as_strings(dict.lookup(reading)));

    const auto empty = SkkDictionary::from_utf8_text("");
    REQUIRE(empty.write_compiled(dir.path / "empty.mdic").ok());
    auto reopened = SkkDictionary::open(dir.path / "empty.mdic");
    REQUIRE(reopened.ok());
    CHECK(reopened->entry_count() == 0);
    CHECK(reopened->lookup("あ").empty());
}

TEST_CASE("missing and corrupt dictionaries are errors, not crashes") {
    TempDir dir;
    auto missing = SkkDictionary::open(dir.path / "nope.mdic");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == "ime.dictionary_missing");
    CHECK_FALSE(missing.error().message_ja.empty());

    REQUIRE(SkkDictionary::from_utf8_text(kSample).write_compiled(dir.path / "good.mdic").ok());
    std::string good;
    {
        std::ifstream in(dir.path / "good.mdic", std::ios::binary);
        good.assign(std::istreambuf_iterator<char>(in), {});
    }
    // Truncated anywhere, a wrong count, or offsets out of order.
    for (std::size_t cut : {8ul, 15ul, 16ul, good.size() / 2, good.size() - 1}) {
        write_file(dir.path / "bad.mdic", std::string_view(good).substr(0, cut));
        auto bad = SkkDictionary::open(dir.path / "bad.mdic");
        CAPTURE(cut);
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().code == "ime.dictionary_invalid");
    }
    std::string swapped = good;
    std::swap(swapped[16 + 4], swapped[16 + 8]);  // disorder offsets[1] and offsets[2]
    swapped[16 + 5] = '\x7f';
    write_file(dir.path / "bad.mdic", swapped);
    CHECK_FALSE(SkkDictionary::open(dir.path / "bad.mdic").ok());
}

TEST_CASE("fuzz: byte-flipped compiled files open as an Error or look up safely") {
    TempDir dir;
    REQUIRE(SkkDictionary::from_utf8_text(kSample).write_compiled(dir.path / "good.mdic").ok());
    std::string good;
    {
        std::ifstream in(dir.path / "good.mdic", std::ios::binary);
        good.assign(std::istreambuf_iterator<char>(in), {});
    }
    std::mt19937 rng(777);
    std::uniform_int_distribution<std::size_t> where(0, good.size() - 1);
    std::uniform_int_distribution<int> byte(0, 255);
    long opened = 0, refused = 0;
    for (int i = 0; i < 2000; ++i) {
        std::string bad = good;
        for (int flips = 1 + i % 4; flips > 0; --flips) bad[where(rng)] = static_cast<char>(byte(rng));
        write_file(dir.path / "bad.mdic", bad);
        auto dict = SkkDictionary::open(dir.path / "bad.mdic");
        if (!dict) {
            ++refused;
            continue;
        }
        ++opened;
        for (const char* reading : {"やまだ", "たろう", "ちよだく", "CD", "ぐる"}) {
            for (const auto cand : dict->lookup(reading))
                if (!madoguchi::ime::is_valid_utf8(cand)) FAIL("invalid UTF-8 from a damaged file");
            for (const auto& e : dict->lookup_prefix(reading, 5))
                for (const auto cand : e.candidates)
                    if (!madoguchi::ime::is_valid_utf8(cand)) FAIL("invalid UTF-8 from a damaged file");
        }
    }
    CHECK(opened + refused == 2000);
    CHECK(refused > 0);  // header/offset damage is detected
    CHECK(opened > 0);   // damage inside entries still opens
}

TEST_CASE("EUC-JIS-2004 dictionaries from Debian skkdic-extra are converted with iconv") {
    const fs::path jinmei = "/usr/share/skk/SKK-JISYO.jinmei";
    if (!fs::exists(jinmei)) {
        MESSAGE("skkdic-extra not installed; skipped");
        return;
    }
    auto dict = SkkDictionary::open(jinmei);
    REQUIRE(dict.ok());
    CHECK(dict->entry_count() > 10000);
    const auto yamada = as_strings(dict->lookup("やまだ"));
    CHECK(std::find(yamada.begin(), yamada.end(), "山田") != yamada.end());
    const auto taro = as_strings(dict->lookup("たろう"));
    REQUIRE_FALSE(taro.empty());
    CHECK(taro.front() == "太郎");
    for (const auto& c : taro) CHECK(c.find(';') == std::string::npos);
}

TEST_CASE("fuzz: random dictionary text parses without crashing and yields valid UTF-8") {
    std::mt19937 rng(5150);
    const std::string pieces[] = {"やまだ", "た", " /", "/",    ";",    "注", "(concat", "\n", "\r", " ",
                                  "a",      "s",  ";;", "\xe3", "\xff", "//", "太郎",    "\t", "[",  "]"};
    std::uniform_int_distribution<int> pick(0, static_cast<int>(std::size(pieces)) - 1);
    std::uniform_int_distribution<int> length(0, 60);
    const char* env = std::getenv("MADOGUCHI_FAULT_ITERATIONS");
    const long n = env != nullptr && std::atol(env) > 0 ? std::atol(env) / 10 : 10000;
    long parsed = 0;
    for (long i = 0; i < n; ++i) {
        std::string text;
        for (int k = length(rng); k > 0; --k) text += pieces[pick(rng)];
        const auto dict = SkkDictionary::from_utf8_text(text);
        for (const char* reading : {"やまだ", "た", "a", "やまだた"}) {
            for (const auto cand : dict.lookup(reading)) {
                if (cand.empty() || cand.find('/') != std::string_view::npos ||
                    !madoguchi::ime::is_valid_utf8(cand))
                    FAIL("bad candidate in: " << text);
            }
        }
        ++parsed;
    }
    CHECK(parsed == n);
}
