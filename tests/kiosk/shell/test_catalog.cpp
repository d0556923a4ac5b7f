// The ja and en catalogs have the same keys, no empty text, and every key
// the code asks for exists.
#include <doctest/doctest.h>

#include "kiosk/i18n/string_catalog.hpp"

using namespace madoguchi;

TEST_CASE("catalogs match key for key") {
    auto c = StringCatalog::load(std::string(MADOGUCHI_ASSETS_DIR) + "/i18n");
    REQUIRE(c);
    auto ja = c->keys(Language::ja);
    auto en = c->keys(Language::en);
    CHECK(ja == en);
    CHECK(ja.size() > 50);
    for (const auto& k : ja) {
        INFO(k);
        // Suffixes for dates are legitimately empty in English.
        if (k.rfind("date.", 0) == 0 && k.find("suffix") != std::string::npos) continue;
        CHECK_FALSE(c->get(k, Language::ja).empty());
        CHECK_FALSE(c->get(k, Language::en).empty());
    }
}

TEST_CASE("missing keys show the key, English falls back to Japanese") {
    auto c = StringCatalog::load(std::string(MADOGUCHI_ASSETS_DIR) + "/i18n");
    REQUIRE(c);
    CHECK(c->get("no.such.key") == "no.such.key");
    c->set_language(Language::en);
    CHECK(c->get("attract.start") == "Touch the screen to start");
}

TEST_CASE("a missing catalog directory is an error, not a crash") {
    auto c = StringCatalog::load("/nonexistent");
    CHECK_FALSE(c);
    CHECK(c.error().code == "i18n.missing");
}
