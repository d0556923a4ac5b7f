// Curated suggestion lists: kana readings find 資格 whatever the kana form,
// ASCII is case-insensitive, free text simply finds nothing.
#include <doctest/doctest.h>

#include <string>

#include "data/datasets/suggestion_list.hpp"

using namespace madoguchi;

namespace {

SuggestionList load(const char* file) {
    auto list = SuggestionList::open(std::string(MADOGUCHI_ASSETS_DIR) + "/suggestions/" + file);
    REQUIRE_MESSAGE(list.ok(), (list.ok() ? "" : list.error().message_en));
    return std::move(*list);
}

bool finds(const SuggestionList& list, const std::string& query, const std::string& name, std::size_t max = 8) {
    for (const Suggestion* s : list.match(query, max))
        if (s->name == name) return true;
    return false;
}

}  // namespace

TEST_CASE("qualifications list: at least 60 entries, each with a kana reading and an issuer") {
    const auto list = load("qualifications.json");
    CHECK(list.size() >= 60);
    for (const auto& e : list.entries()) {
        INFO(e.name);
        CHECK_FALSE(e.reading.empty());
        CHECK_FALSE(e.issuer.empty());
    }
}

TEST_CASE("qualifications: typing the reading finds the 資格 (table)") {
    const auto list = load("qualifications.json");
    struct Case {
        const char* query;
        const char* expected;
    };
    const Case cases[] = {
        {"にっしょうぼき", "日商簿記検定2級"},
        {"ニッショウボキ", "日商簿記検定3級"},             // katakana
        {"ﾆｯｼｮｳﾎﾞｷ", "日商簿記検定1級"},                   // half-width katakana
        {"ぼき", "日商簿記検定2級"},                         // inside the reading
        {"簿記", "日商簿記検定2級"},                         // inside the name
        {"toeic", "TOEIC Listening & Reading"},              // ASCII, any case
        {"ＴＯＥＩＣ", "TOEIC Listening & Reading"},         // full-width ASCII
        {"えいけん", "実用英語技能検定2級"},                 // common short name in the reading
        {"きほんじょうほう", "基本情報技術者"},
        {"おうようじょうほう", "応用情報技術者"},
        {"ふつうじどうしゃ", "普通自動車第一種運転免許"},
        {"たっけん", "宅地建物取引士"},
        {"かいごふくしし", "介護福祉士"},
        {"かんごし", "看護師"},
        {"ちょうりし", "調理師"},
        {"ふぉーくりふと", "フォークリフト運転技能講習"},
        {"フォークリフト", "フォークリフト運転技能講習"},
    };
    for (const auto& c : cases) {
        INFO(c.query << " -> " << c.expected);
        CHECK(finds(list, c.query, c.expected));
    }
}

TEST_CASE("suggestions: prefix matches come first; blank and free text find nothing") {
    const auto list = load("qualifications.json");
    auto found = list.match("かんごし", 3);
    REQUIRE_FALSE(found.empty());
    CHECK(found.front()->name == "看護師");  // starts with the reading; 准看護師 only contains it
    CHECK(list.match("", 8).empty());
    CHECK(list.match("　 ", 8).empty());
    CHECK(list.match("社内ミシン検定", 8).empty());  // free text: no suggestion, nothing refused
    CHECK(list.match("ぼき", 2).size() == 2);        // at most `max`
}

TEST_CASE("skills list: names found by reading and by name") {
    const auto list = load("skills.json");
    CHECK(list.size() >= 50);
    CHECK(finds(list, "えくせる", "Excel"));
    CHECK(finds(list, "exc", "Excel"));
    CHECK(finds(list, "ぱいそん", "Python"));
    CHECK(finds(list, "せっきゃく", "接客"));
}

TEST_CASE("suggestion list: a corrupt or missing file is an error, not a crash") {
    CHECK_FALSE(SuggestionList::parse("not json").ok());
    CHECK_FALSE(SuggestionList::parse("{\"entries\": [{\"reading\": \"x\"}]}").ok());
    CHECK_FALSE(SuggestionList::parse("[]").ok());
    auto missing = SuggestionList::open("/nonexistent/madoguchi/skills.json");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == "suggestions.missing");
    auto ok = SuggestionList::parse("{\"entries\": [{\"name\": \"そろばん\"}]}");
    REQUIRE(ok.ok());
    CHECK(ok->match("ソロバン").size() == 1);
}
