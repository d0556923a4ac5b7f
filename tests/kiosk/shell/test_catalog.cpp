// The ja and en catalogs have the same keys, no empty text, and every key
// the code asks for exists.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

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

TEST_CASE("feature files extend the catalog; a key defined twice is refused") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("madoguchi_catalog_" + std::to_string(::getpid()));
    fs::create_directories(dir / "ja");
    fs::create_directories(dir / "en");
    auto write = [](const fs::path& p, const std::string& text) { std::ofstream(p) << text; };
    write(dir / "ja.json", R"({"a": "あ"})");
    write(dir / "en.json", R"({"a": "A"})");
    write(dir / "ja" / "skills.json", R"({"skills.title": "スキル"})");
    write(dir / "en" / "skills.json", R"({"skills.title": "Skills"})");
    auto c = StringCatalog::load(dir.string());
    REQUIRE(c);
    CHECK(c->get("skills.title", Language::ja) == "スキル");
    CHECK(c->get("skills.title", Language::en) == "Skills");
    CHECK(c->get("a", Language::en) == "A");

    write(dir / "ja" / "other.json", R"({"skills.title": "別の文言"})");
    auto dup = StringCatalog::load(dir.string());
    CHECK_FALSE(dup);
    CHECK(dup.error().code == "i18n.duplicate");
    fs::remove_all(dir);
}
