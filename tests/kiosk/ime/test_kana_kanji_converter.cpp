// Kana→kanji: Anthy phrases, SKK names and places, ordering per field kind,
// and errors when dictionaries are missing.
#include <doctest/doctest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "kiosk/ime/kana_kanji_converter.hpp"

using namespace madoguchi::ime;

namespace {

bool contains(const std::vector<std::string>& v, std::string_view s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

std::ptrdiff_t position(const std::vector<std::string>& v, std::string_view s) {
    return std::find(v.begin(), v.end(), s) - v.begin();
}

KanaKanjiConverter& converter() {
    // One converter for the whole suite: opening maps four dictionaries.
    static auto opened = KanaKanjiConverter::open(compiled_skk_dictionaries(MADOGUCHI_IME_DICTIONARY_DIR));
    if (!opened.ok()) FAIL("cannot open converter: " << opened.error().message_en);
    return *opened.value();
}

}  // namespace

TEST_CASE("Anthy converts とうきょうとちよだく into 東京都 / 千代田区") {
    auto conv = converter().convert("とうきょうとちよだく", ConversionKind::general);
    REQUIRE(conv.ok());
    REQUIRE(conv->size() >= 2);
    std::string readings;
    bool tokyo = false, chiyoda = false;
    for (const auto& seg : *conv) {
        readings += seg.reading;
        CHECK_FALSE(seg.candidates.empty());
        tokyo = tokyo || contains(seg.candidates, "東京都");
        chiyoda = chiyoda || contains(seg.candidates, "千代田区");
    }
    CHECK(readings == "とうきょうとちよだく");
    CHECK(tokyo);
    CHECK(chiyoda);
    CHECK((*conv)[0].candidates.front() == "東京都");
}

TEST_CASE("segments can be resized and the conversion follows") {
    auto conv = converter().convert("とうきょうとちよだく", ConversionKind::general);
    REQUIRE(conv.ok());
    const std::string first = conv->front().reading;
    auto shorter = converter().resize_segment(0, -1);
    REQUIRE(shorter.ok());
    REQUIRE_FALSE(shorter->empty());
    CHECK(shorter->front().reading.size() < first.size());
    std::string readings;
    for (const auto& seg : *shorter) readings += seg.reading;
    CHECK(readings == "とうきょうとちよだく");
}

TEST_CASE("person names: やまだ → 山田 and たろう → 太郎 from SKK, kana last") {
    for (const auto& [reading, kanji] : {std::pair{"やまだ", "山田"}, std::pair{"たろう", "太郎"},
                                         std::pair{"さとう", "佐藤"}, std::pair{"はなこ", "花子"}}) {
        CAPTURE(reading);
        auto conv = converter().convert(reading, ConversionKind::person_name);
        REQUIRE(conv.ok());
        REQUIRE(conv->size() == 1);
        const auto& cands = conv->front().candidates;
        CHECK(conv->front().reading == reading);
        REQUIRE(contains(cands, kanji));
        CHECK(position(cands, kanji) < 3);
        CHECK(contains(cands, reading));
        CHECK(position(cands, kanji) < position(cands, reading));
    }
    auto taro = converter().convert("たろう", ConversionKind::person_name);
    REQUIRE(taro.ok());
    CHECK(taro->front().candidates.front() == "太郎");  // jinmei's first candidate
    CHECK(contains(taro->front().candidates, "タロウ"));
}

TEST_CASE("a reading typed in katakana converts like hiragana") {
    auto conv = converter().convert("ヤマダ", ConversionKind::person_name);
    REQUIRE(conv.ok());
    REQUIRE(conv->size() == 1);
    CHECK(conv->front().reading == "やまだ");
    CHECK(conv->front().candidates.front() == "山田");
    CHECK(contains(conv->front().candidates, "ヤマダ"));
}

TEST_CASE("forget() drops the last reading") {
    REQUIRE(converter().convert("とうきょうとちよだく", ConversionKind::general).ok());
    converter().forget();
    auto resized = converter().resize_segment(0, 1);
    REQUIRE(resized.ok());
    CHECK(resized->empty());
}

TEST_CASE("suggestions complete a reading from the static dictionaries") {
    const auto names = converter().suggest("やま", ConversionKind::person_name, 20);
    CHECK(names.size() <= 20);
    CHECK(contains(names, "山田"));
    CHECK(contains(converter().suggest("やまも", ConversionKind::person_name, 10), "山本"));
    CHECK_FALSE(contains(names, "山"));  // the exact reading やま is convert()'s job
    const auto places = converter().suggest("ちよだく", ConversionKind::place, 10);
    CHECK(contains(places, "千代田区麹町"));
    CHECK_FALSE(converter().suggest("ちよ", ConversionKind::general, 5).empty());
    CHECK(converter().suggest("", ConversionKind::general, 5).empty());
    CHECK(converter().suggest("やま", ConversionKind::general, 0).empty());
    CHECK(converter().suggest("\xff", ConversionKind::general, 5).empty());
    CHECK(converter().suggest("ゔゔゔゔゔ", ConversionKind::place, 5).empty());
}

TEST_CASE("places: geo first, then Anthy") {
    auto conv = converter().convert("ちよだく", ConversionKind::place);
    REQUIRE(conv.ok());
    REQUIRE(conv->size() == 1);
    CHECK(conv->front().candidates.front() == "千代田区");
    auto shinjuku = converter().convert("しんじゅく", ConversionKind::place);
    REQUIRE(shinjuku.ok());
    CHECK(shinjuku->front().candidates.front() == "新宿");
}

TEST_CASE("a reading unknown to SKK falls back to Anthy segments") {
    auto conv = converter().convert("わたしはやまだです", ConversionKind::person_name);
    REQUIRE(conv.ok());
    CHECK(conv->size() > 1);
    auto empty = converter().convert("", ConversionKind::general);
    REQUIRE(empty.ok());
    CHECK(empty->empty());
    auto invalid = converter().convert("\xff\xfe", ConversionKind::general);
    REQUIRE_FALSE(invalid.ok());
    CHECK(invalid.error().code == "ime.reading_invalid");
}

TEST_CASE("nothing is learnt: repeating a conversion after others gives the same order") {
    auto before = converter().convert("かんじ", ConversionKind::general);
    REQUIRE(before.ok());
    // A "user" converts and would pick the third candidate; nothing is committed.
    for (int i = 0; i < 3; ++i) REQUIRE(converter().convert("かんじをかく", ConversionKind::general).ok());
    auto after = converter().convert("かんじ", ConversionKind::general);
    REQUIRE(after.ok());
    REQUIRE(before->size() == after->size());
    for (std::size_t i = 0; i < before->size(); ++i) CHECK((*before)[i].candidates == (*after)[i].candidates);
}

TEST_CASE("default dictionaries: environment, then the build tree, then /usr/share/skk") {
    ::setenv("MADOGUCHI_IME_DICTIONARY_DIR", "/opt/madoguchi/ime", 1);
    CHECK(default_skk_dictionaries().geo == "/opt/madoguchi/ime/geo.mdic");
    ::unsetenv("MADOGUCHI_IME_DICTIONARY_DIR");
    const auto built = default_skk_dictionaries();
    CHECK(built.large == std::filesystem::path(MADOGUCHI_IME_DICTIONARY_DIR) / "large.mdic");
    CHECK(installed_skk_dictionaries().jinmei == "/usr/share/skk/SKK-JISYO.jinmei");
}

TEST_CASE("missing dictionaries give an Error, not a crash") {
    auto paths = compiled_skk_dictionaries(MADOGUCHI_IME_DICTIONARY_DIR);
    paths.geo = "/nonexistent/SKK-JISYO.geo";
    auto opened = KanaKanjiConverter::open(paths);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == "ime.dictionary_missing");
    CHECK(opened.error().message_ja.find("辞書") != std::string::npos);
    auto none = KanaKanjiConverter::open(compiled_skk_dictionaries("/nonexistent"));
    CHECK_FALSE(none.ok());
}
