// Configuration loading: defaults, overrides, typos and ranges refused.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "kiosk/config.hpp"

using namespace madoguchi;

namespace {
std::string write_temp(const std::string& text) {
    auto p = std::filesystem::temp_directory_path() / ("madoguchi-config-" + std::to_string(std::rand()) + ".json");
    std::ofstream(p) << text;
    return p.string();
}
}  // namespace

TEST_CASE("config file overrides defaults and round-trips") {
    auto path = write_temp(R"({"idle_timeout_s": 120, "language": "en", "server_url": "https://platform.example"})");
    auto c = load_config_file(path);
    REQUIRE(c);
    CHECK(c->idle_timeout_s == 120);
    CHECK(c->idle_countdown_s == 15);
    CHECK(c->language == "en");
    REQUIRE(save_config_file(path, *c));
    auto again = load_config_file(path);
    REQUIRE(again);
    CHECK(again->server_url == "https://platform.example");
    std::filesystem::remove(path);
}

TEST_CASE("typos, wrong types and out-of-range values are errors") {
    const char* bad[] = {
        R"({"idle_timout_s": 120})",
        R"({"idle_timeout_s": "120"})",
        R"({"idle_timeout_s": 5})",
        R"({"language": "fr"})",
        R"({"server_url": "ftp://x"})",
        R"([1,2])",
        R"({"idle_timeout_s": )",
    };
    for (const char* text : bad) {
        INFO(text);
        auto path = write_temp(text);
        auto c = load_config_file(path);
        CHECK_FALSE(c);
        if (!c) CHECK_FALSE(c.error().message_ja.empty());
        std::filesystem::remove(path);
    }
    CHECK_FALSE(load_config_file("/nonexistent/config.json"));
}
