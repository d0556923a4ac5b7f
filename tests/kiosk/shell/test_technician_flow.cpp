// Technician entry (hidden gesture + PIN, lockout) and the settings form:
// inline errors, nothing typed lost, and nothing typed survives a wipe.
#include <doctest/doctest.h>

#include <filesystem>

#include "kiosk/pin_check.hpp"
#include "tests/kiosk/shell/ui_fixture.hpp"

using namespace madoguchi;
using madoguchi::testing::UiFixture;

namespace {

KioskConfig config_with_pin() {
    auto c = madoguchi::testing::test_config();
    c.technician_pin_hash = hash_pin("2468").value();
    c.staff_pin_hash = hash_pin("1357").value();
    return c;
}

void enter_pin(UiDriver& d, const std::string& pin) {
    for (char c : pin) REQUIRE_OK(d.tap(std::string("pin.key.") + c));
    REQUIRE_OK(d.tap("pin.enter"));
}

void open_technician(UiFixture& f) {
    auto& d = *f.driver;
    for (int i = 0; i < 5; ++i) REQUIRE_OK(d.tap("attract.tech_corner"));
    REQUIRE(d.screen() == "technician_pin");
    enter_pin(d, "2468");
    REQUIRE(d.screen() == "technician_settings");
}

}  // namespace

TEST_CASE("four corner taps are not enough; five open the technician PIN") {
    UiFixture f(config_with_pin());
    auto& d = *f.driver;
    for (int i = 0; i < 4; ++i) REQUIRE_OK(d.tap("attract.tech_corner"));
    CHECK(d.screen() == "attract");
    d.advance_seconds(5);  // the gesture window expires
    for (int i = 0; i < 4; ++i) REQUIRE_OK(d.tap("attract.tech_corner"));
    CHECK(d.screen() == "attract");
    REQUIRE_OK(d.tap("attract.tech_corner"));
    CHECK(d.screen() == "technician_pin");
}

TEST_CASE("wrong PINs lock the pad, and an idle wipe does not reset the lock") {
    auto cfg = config_with_pin();
    cfg.idle_timeout_s = 15;  // wipe (20 s) well inside the 30 s lock
    cfg.idle_countdown_s = 5;
    UiFixture f(cfg);
    auto& d = *f.driver;
    REQUIRE_OK(d.tap("attract.staff"));
    CHECK(d.screen() == "staff_pin");
    CHECK(d.value("pin.display").empty());
    for (int i = 0; i < 5; ++i) enter_pin(d, "0000");
    REQUIRE(d.find("pin.status"));
    CHECK(d.value("pin.status") == "locked");
    CHECK_FALSE(d.find("pin.enter"));
    // Wiping the session (walk away) keeps the lock.
    d.advance_seconds(21);
    CHECK(d.screen() == "attract");
    REQUIRE_OK(d.tap("attract.staff"));
    CHECK(d.value("pin.status") == "locked");
    // After the lock the right PIN works.
    d.advance_seconds(10);
    enter_pin(d, "1357");
    CHECK(d.screen() == "staff_home");
    CHECK(f.app.session().mode == Mode::staff);
}

TEST_CASE("settings form: inline errors keep what was typed; a valid form saves") {
    auto cfg = config_with_pin();
    UiFixture f(cfg);
    auto& d = *f.driver;
    open_technician(f);
    CHECK(d.value("tech.idle_timeout") == "90");

    // Clear the timeout and type an out-of-range value through the keyboard.
    REQUIRE_OK(d.tap("tech.idle_timeout"));
    CHECK(f.app.keyboard().layout() == KeyboardLayout::digits);
    REQUIRE_OK(d.tap("kbd.bs"));
    REQUIRE_OK(d.tap("kbd.bs"));
    REQUIRE_OK(d.type("5"));
    REQUIRE_OK(d.tap("kbd.done"));
    REQUIRE_OK(d.tap("tech.server_url"));
    for (int i = 0; i < 30; ++i) REQUIRE_OK(d.tap("kbd.bs"));
    REQUIRE_OK(d.type("ftp:x"));
    REQUIRE_OK(d.tap("kbd.done"));
    REQUIRE_OK(d.tap("tech.save"));
    CHECK_FALSE(d.error("tech.idle_timeout").empty());
    CHECK_FALSE(d.error("tech.server_url").empty());
    CHECK(d.value("tech.idle_timeout") == "5");  // nothing typed is lost
    CHECK(d.value("tech.server_url") == "ftp:x");
    CHECK(f.app.config().idle_timeout_s == 90);  // nothing invalid applied

    // Fix both; saving applies the new timeout.
    const auto path = std::filesystem::temp_directory_path() / "madoguchi-tech-test.json";
    f.app.services().save_config = [&](const KioskConfig& c) -> Status {
        if (auto s = save_config_file(path.string(), c); !s) return s;
        f.app.apply_config(c);
        return ok_status();
    };
    REQUIRE_OK(d.tap("tech.idle_timeout"));
    REQUIRE_OK(d.tap("kbd.bs"));
    REQUIRE_OK(d.type("120"));
    REQUIRE_OK(d.tap("kbd.done"));
    REQUIRE_OK(d.tap("tech.server_url"));
    for (int i = 0; i < 10; ++i) REQUIRE_OK(d.tap("kbd.bs"));
    REQUIRE_OK(d.type("http://127.0.0.1:8088"));
    REQUIRE_OK(d.tap("kbd.done"));
    REQUIRE_OK(d.tap("tech.save"));
    CHECK(d.error("tech.idle_timeout").empty());
    CHECK(d.error("tech.server_url").empty());
    CHECK(f.app.config().idle_timeout_s == 120);
    auto reloaded = load_config_file(path.string());
    REQUIRE(reloaded);
    CHECK(reloaded->idle_timeout_s == 120);
    CHECK(reloaded->server_url == "http://127.0.0.1:8088");
    std::filesystem::remove(path);
}

TEST_CASE("typed but unsaved values do not survive the idle wipe") {
    UiFixture f(config_with_pin());
    auto& d = *f.driver;
    open_technician(f);
    REQUIRE_OK(d.tap("tech.kiosk_id"));
    REQUIRE_OK(d.type("secretvalue"));
    REQUIRE(f.app.keyboard().is_open());
    d.advance_seconds(90 + 16);
    CHECK(d.screen() == "attract");
    CHECK_FALSE(f.app.keyboard().is_open());
    CHECK(f.app.session().mode == Mode::user);
    for (const auto& r : f.app.registry().all()) CHECK(r.value.find("secretvalue") == std::string::npos);
    open_technician(f);
    CHECK(d.value("tech.kiosk_id") == "kiosk-dev-001");
}

TEST_CASE("the keyboard fits the screen in every layout") {
    UiFixture f(config_with_pin());
    auto& d = *f.driver;
    open_technician(f);
    REQUIRE_OK(d.tap("tech.location"));
    for (const char* layout : {"hiragana", "katakana", "romaji", "alpha", "digits"}) {
        INFO(layout);
        REQUIRE_OK(d.tap(std::string("kbd.layout.") + layout));
        CHECK(d.find("kbd.done"));
        CHECK(d.find("kbd.bs"));
        for (const auto& r : f.app.registry().all()) {
            if (r.id.rfind("kbd.", 0) != 0) continue;
            INFO(r.id << " x=" << r.rect.x << " w=" << r.rect.w);
            CHECK(r.rect.x >= 0.0f);
            CHECK(r.rect.x + r.rect.w <= 1280.0f);
            CHECK(r.rect.y + r.rect.h <= 800.0f);
        }
    }
}
