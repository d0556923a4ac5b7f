// 【6】 password change through the touch screen (rules answered inline,
// the server's answer or its absence shown, nothing typed lost) and the
// public profile preview (nickname first, age bracket only when chosen, no
// private field anywhere on screen).
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "tests/screens/profile_fixture.hpp"

using namespace madoguchi;
using namespace madoguchi::testing;

namespace {

void open_password_change(ProfileFixture& f) {
    auto& d = f.d();
    REQUIRE_OK(d.tap("header.back"));
    REQUIRE_OK(d.tap("home.account"));
    REQUIRE(d.screen() == "account_settings");
    REQUIRE_OK(d.tap("account.password_change"));
    REQUIRE(d.screen() == "password_change");
}

}  // namespace

TEST_CASE("password change: each rule answers next to its field; values kept") {
    ProfileFixture f("http://127.0.0.1:1");  // nothing listens: the server is unreachable
    auto& d = f.d();
    sign_up_and_open_profile(f);
    open_password_change(f);

    struct Case {
        const char* current;
        const char* next;
        const char* confirm;
        const char* field_with_error;
    };
    const Case cases[] = {
        {"", "kiosk2025pass", "kiosk2025pass", "password.current"},     // current missing
        {"kiosk2024pass", "short1", "short1", "password.new"},          // too short
        {"kiosk2024pass", "abcdefghij", "abcdefghij", "password.new"},  // no digit
        {"kiosk2024pass", "12345678", "12345678", "password.new"},      // a number run
        {"kiosk2024pass", "kiosk2024pass", "kiosk2024pass", "password.new"},  // unchanged
        {"kiosk2024pass", "kiosk2025pass", "kiosk2025pasz", "password.confirm"},  // mismatch
    };
    for (const Case& c : cases) {
        CAPTURE(c.next);
        CAPTURE(c.confirm);
        REQUIRE_OK(fill(d, "password.current", c.current));
        REQUIRE_OK(fill(d, "password.new", c.next));
        REQUIRE_OK(fill(d, "password.confirm", c.confirm));
        REQUIRE_OK(d.tap("password.submit"));
        CHECK_FALSE(d.error(c.field_with_error).empty());
        for (const char* other : {"password.current", "password.new", "password.confirm"})
            if (std::string(other) != c.field_with_error && std::string(c.field_with_error) != "password.new")
                CHECK_MESSAGE(d.error(other).empty(), other);
        CHECK(d.value("password.status") == "idle");
        // Masked on screen, but every character kept.
        CHECK(d.value("password.new") == std::string(utf8_length(c.next), '*'));
    }

    // A valid request with the server away: the offline message, input kept.
    REQUIRE_OK(fill(d, "password.current", "kiosk2024pass"));
    REQUIRE_OK(fill(d, "password.new", "kiosk2025pass"));
    REQUIRE_OK(fill(d, "password.confirm", "kiosk2025pass"));
    REQUIRE_OK(d.tap("password.submit"));
    for (int i = 0; i < 500 && (d.value("password.status") == "waiting"); ++i) {
        d.frames(1);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    CHECK(d.value("password.status") == "error");
    CHECK(d.find("password.status")->error.find("サーバー") != std::string::npos);
    CHECK(d.value("password.new") == std::string(13, '*'));
    CHECK(d.screen() == "password_change");
}

TEST_CASE("public preview: nickname most prominent, age bracket only when chosen, nothing private") {
    ProfileFixture f;
    auto& d = f.d();
    sign_up_and_open_profile(f);
    REQUIRE_OK(fill(d, "profile.nickname", "taro"));
    REQUIRE_OK(fill(d, "profile.family_name", "やまだ"));
    REQUIRE_OK(fill(d, "profile.given_name", "たろう"));
    REQUIRE_OK(fill(d, "profile.family_kana", "ヤマダ"));
    REQUIRE_OK(fill(d, "profile.given_kana", "タロウ"));
    REQUIRE_OK(tap_in_view(d, "profile.birth_date.set"));
    REQUIRE_OK(fill(d, "profile.postal", "1000001"));
    REQUIRE_OK(tap_in_view(d, "profile.postal_lookup"));
    REQUIRE_OK(fill(d, "profile.address_line", "1-1"));
    REQUIRE_OK(fill(d, "profile.phone", "09012345678"));
    REQUIRE_OK(fill(d, "profile.hourly_rate", "1500"));
    REQUIRE_OK(tap_in_view(d, "profile.save"));
    REQUIRE(d.error("profile.phone").empty());

    REQUIRE_OK(tap_in_view(d, "profile.open_preview"));
    REQUIRE(d.screen() == "profile_preview");
    CHECK(d.value("preview.nickname") == "taro");
    CHECK(d.value("preview.username") == "yamada2024");
    CHECK(d.value("preview.hourly_rate").find("1500") == 0);
    CHECK_FALSE(d.find("preview.age_bracket"));  // not chosen
    auto no_private = [&] {
        for (const auto& r : d.app().registry().all())
            for (const char* secret : {"09012345678", "1000001", "1-1", "千代田", "やまだ", "ヤマダ", "タロウ"}) {
                CHECK_MESSAGE(r.value.find(secret) == std::string::npos, r.id);
                CHECK_MESSAGE(r.label.find(secret) == std::string::npos, r.id);
            }
    };
    no_private();

    // Chosen: the bracket appears (e.g. 30代), still nothing private.
    REQUIRE_OK(d.tap("header.back"));
    REQUIRE(d.screen() == "profile");
    REQUIRE_OK(tap_in_view(d, "profile.show_age"));
    REQUIRE_OK(tap_in_view(d, "profile.save"));
    REQUIRE_OK(tap_in_view(d, "profile.open_preview"));
    REQUIRE(d.find("preview.age_bracket"));
    const std::string bracket = d.value("preview.age_bracket");
    CHECK(bracket.size() > 3);
    CHECK(bracket.substr(bracket.size() - 3) == "代");
    no_private();
}
