// Bad input in a text field never crashes the kiosk and gets a clear
// message: 10 kB paste, control characters, emoji, invalid UTF-8.
#include <doctest/doctest.h>

#include "kiosk/pin_check.hpp"
#include "tests/kiosk/shell/ui_fixture.hpp"

using namespace madoguchi;
using madoguchi::testing::UiFixture;

namespace {

void open_kiosk_id_field(UiFixture& f) {
    auto& d = *f.driver;
    for (int i = 0; i < 5; ++i) REQUIRE_OK(d.tap("attract.tech_corner"));
    for (char c : std::string("2468")) REQUIRE_OK(d.tap(std::string("pin.key.") + c));
    REQUIRE_OK(d.tap("pin.enter"));
    REQUIRE(d.screen() == "technician_settings");
    REQUIRE_OK(d.tap("tech.kiosk_id"));
    REQUIRE(f.app.keyboard().is_open());
}

KioskConfig cfg() {
    auto c = madoguchi::testing::test_config();
    c.technician_pin_hash = hash_pin("2468").value();
    return c;
}

}  // namespace

TEST_CASE("hostile pastes are cut or cleaned with a message; earlier text is kept") {
    UiFixture f(cfg());
    auto& d = *f.driver;
    open_kiosk_id_field(f);
    const std::string before = d.value("tech.kiosk_id");

    struct Case {
        std::string paste;
        const char* expect_in_message;
    };
    const Case cases[] = {
        {std::string(10 * 1024, 'a'), "40"},                // over-long: only what fits is kept
        {"ab\x01\x02\x1b[31m", "制御文字"},  // control characters are named first (then the [ is refused too)
        {"\xF0\x9F\x98\x80", "絵文字"},                        // emoji
        {"\xff\xfe\xc3(", "読み取れない"},                     // invalid UTF-8
        {std::string("x\0y", 3), "制御文字"},                  // NUL byte
    };
    for (const auto& c : cases) {
        INFO("paste of " << c.paste.size() << " bytes");
        // Start each case from the saved value.
        while (!d.value("tech.kiosk_id").empty()) REQUIRE_OK(d.tap("kbd.bs"));
        REQUIRE_OK(d.type("kiosk"));
        REQUIRE_OK(d.paste(c.paste));
        const std::string err = d.error("tech.kiosk_id");
        CHECK(err.find(c.expect_in_message) != std::string::npos);
        CHECK(d.value("tech.kiosk_id").rfind("kiosk", 0) == 0);  // what was typed before stays
        CHECK(utf8_length(d.value("tech.kiosk_id")) <= 40);
    }
    (void)before;
}

TEST_CASE("a 10 kB paste into a free-text field stays within its limit") {
    TextField field(FieldKind::multiline, 2000, false);
    std::string big;
    for (int i = 0; i < 4000; ++i) big += "あ";  // 12 kB, 4000 characters
    CHECK_FALSE(field.paste(big));
    CHECK(field.length() == 2000);
    REQUIRE(field.error);
    CHECK(field.error->code == "input.paste_truncated");
}
