// Sign-in through the touch screen with the server down: the UI stays live
// while the worker asks, then shows the offline message; nothing is lost.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "tests/screens/account_fixture.hpp"

using namespace madoguchi;
using madoguchi::testing::AccountFixture;
using madoguchi::testing::fill;

TEST_CASE("sign-in: empty fields are flagged; an unreachable server is reported, input kept") {
    AccountFixture f("http://127.0.0.1:1");  // nothing listens on port 1
    auto& d = f.d();
    REQUIRE_OK(d.tap("attract.start"));
    REQUIRE_OK(d.tap("home.sign_in"));
    REQUIRE(d.screen() == "sign_in");

    REQUIRE_OK(d.tap("sign_in.submit"));
    CHECK_FALSE(d.error("sign_in.login").empty());
    CHECK_FALSE(d.error("sign_in.password").empty());
    CHECK(d.value("sign_in.status") == "idle");

    REQUIRE_OK(fill(d, "sign_in.login", "yamada2024"));
    REQUIRE_OK(fill(d, "sign_in.password", "kiosk2024pass"));
    REQUIRE_OK(d.tap("sign_in.submit"));
    // Frames keep coming while the worker runs; the answer arrives through
    // the run queue.
    for (int i = 0; i < 500 && d.value("sign_in.status") == "waiting"; ++i) {
        d.frames(1);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    CHECK(d.value("sign_in.status") == "error");
    CHECK_FALSE(d.error("sign_in.status").empty());
    CHECK(d.screen() == "sign_in");
    CHECK(d.value("sign_in.login") == "yamada2024");
    CHECK(f.ui.app.session().account_client_id.empty());
}

TEST_CASE("a sign-in answer that arrives after the idle wipe is dropped") {
    AccountFixture f("http://127.0.0.1:1");
    auto& d = f.d();
    REQUIRE_OK(d.tap("attract.start"));
    REQUIRE_OK(d.tap("home.sign_in"));
    REQUIRE_OK(fill(d, "sign_in.login", "yamada2024"));
    REQUIRE_OK(fill(d, "sign_in.password", "kiosk2024pass"));
    REQUIRE_OK(d.tap("sign_in.submit"));
    d.advance_seconds(90 + 16);  // the screen is destroyed by the wipe
    CHECK(d.screen() == "attract");
    for (int i = 0; i < 100 && f.accounts.sign_in_running(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    d.frames(3);  // the queued answer runs and finds no screen
    CHECK(d.screen() == "attract");
    CHECK(f.ui.app.session().account_client_id.empty());
}
