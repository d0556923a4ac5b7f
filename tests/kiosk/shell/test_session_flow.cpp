// UI flow: attract → language switch → home → idle countdown → wipe, and
// nothing of the first session survives into the second.
#include <doctest/doctest.h>

#include "tests/kiosk/shell/ui_fixture.hpp"

using namespace madoguchi;
using madoguchi::testing::UiFixture;

TEST_CASE("attract shows Japanese first, switches to English and back") {
    UiFixture f;
    auto& d = *f.driver;
    CHECK(d.screen() == "attract");
    REQUIRE(d.find("attract.start"));
    CHECK(d.find("attract.start")->label == "画面にタッチしてはじめる");
    REQUIRE_OK(d.tap("attract.lang.en"));
    CHECK(d.find("attract.start")->label == "Touch the screen to start");
    REQUIRE_OK(d.tap("attract.lang.ja"));
    CHECK(d.find("attract.start")->label == "画面にタッチしてはじめる");
}

TEST_CASE("every touch target is at least 48 px") {
    UiFixture f;
    auto& d = *f.driver;
    auto check_targets = [&] {
        for (const auto& r : f.app.registry().all()) {
            if (r.kind == WidgetKind::text || r.kind == WidgetKind::select || r.kind == WidgetKind::date) continue;
            if (r.rect.w == 0 && r.rect.h == 0) continue;
            INFO("widget " << r.id);
            CHECK(r.rect.w >= 48.0f);
            CHECK(r.rect.h >= 48.0f);
        }
    };
    check_targets();
    REQUIRE_OK(d.tap("attract.start"));
    check_targets();
}

TEST_CASE("idle countdown, continue, then wipe back to attract with nothing left") {
    UiFixture f;
    auto& d = *f.driver;
    REQUIRE_OK(d.tap("attract.lang.en"));
    REQUIRE_OK(d.tap("attract.start"));
    CHECK(d.screen() == "home");
    const auto first_serial = f.app.session().serial;

    // Not yet: 89 s of no touch.
    d.advance_seconds(89);
    CHECK_FALSE(d.find("idle.countdown"));
    // 90 s: the countdown appears and counts down.
    d.advance_seconds(2);
    REQUIRE(d.find("idle.countdown"));
    CHECK(std::stoi(d.value("idle.countdown")) <= 15);
    CHECK(std::stoi(d.value("idle.countdown")) >= 13);
    // A stray touch elsewhere does not continue the session; the button does.
    REQUIRE_OK(d.tap("idle.continue"));
    CHECK_FALSE(d.find("idle.countdown"));
    CHECK(d.screen() == "home");

    // Now let it run out.
    d.advance_seconds(91);
    REQUIRE(d.find("idle.countdown"));
    d.advance_seconds(16);
    CHECK(d.screen() == "attract");
    CHECK(f.app.stack_depth() == 1);
    CHECK(f.app.session().serial == first_serial + 1);
    // The language chosen by the previous person is gone: Japanese again.
    CHECK(f.app.session().language == Language::ja);
    CHECK(d.find("attract.start")->label == "画面にタッチしてはじめる");
    CHECK_FALSE(f.app.keyboard().is_open());
    CHECK(f.app.toasts().empty());
}

TEST_CASE("the attract screen never counts down") {
    UiFixture f;
    f.driver->advance_seconds(300);
    CHECK(f.driver->screen() == "attract");
    CHECK_FALSE(f.driver->find("idle.countdown"));
}

TEST_CASE("finish asks for confirmation, cancel keeps the session") {
    UiFixture f;
    auto& d = *f.driver;
    REQUIRE_OK(d.tap("attract.start"));
    REQUIRE_OK(d.tap("header.end"));
    REQUIRE(d.find("confirm.ok"));
    REQUIRE_OK(d.tap("confirm.cancel"));
    CHECK(d.screen() == "home");
    REQUIRE_OK(d.tap("header.end"));
    REQUIRE_OK(d.tap("confirm.ok"));
    CHECK(d.screen() == "attract");
}
