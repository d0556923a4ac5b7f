// Hobbies (【10】) through the touch screen: name, comment, shown on profile
// yes/no; empty name, emoji and a 10 kB paste refused inline; outbox rows
// after add, edit and delete.
#include <doctest/doctest.h>

#include "tests/sections/sections_fixture.hpp"

using namespace madoguchi;
using namespace madoguchi::testing;

TEST_CASE("hobbies: add, edit, delete with inline errors and outbox rows") {
    SectionsFixture f;
    auto& d = f.d();
    f.sign_up_and_open("home.hobbies", "hobbies");
    REQUIRE_OK(d.tap("hobbies.add"));
    CHECK(d.value("hobbies.show_on_profile") == "on");  // shown unless the person says no

    // 1. Empty name.
    REQUIRE_OK(fill(d, "hobbies.comment", "まいあさ"));
    REQUIRE_OK(d.tap("hobbies.save"));
    CHECK_FALSE(d.error("hobbies.name").empty());
    CHECK(d.value("hobbies.comment") == "まいあさ");
    CHECK(f.rows("hobby").empty());
    f.settle();

    // 2. Emoji in the name: refused, with a message that does not show it.
    REQUIRE_OK(d.tap("hobbies.name"));
    REQUIRE_OK(d.type("つり"));
    REQUIRE_OK(d.paste("\xF0\x9F\x8E\xA3"));
    REQUIRE_OK(d.tap("kbd.done"));
    CHECK_FALSE(d.error("hobbies.name").empty());
    CHECK(d.error("hobbies.name").find("\xF0\x9F\x8E\xA3") == std::string::npos);
    CHECK(d.value("hobbies.name") == "つり");

    // 3. 10 kB into the comment keeps 500 characters.
    REQUIRE_OK(d.tap("hobbies.comment"));
    REQUIRE_OK(clear_open_field(d, "hobbies.comment"));
    REQUIRE_OK(d.paste(big_paste(10 * 1024)));
    REQUIRE_OK(d.tap("kbd.done"));
    CHECK(utf8_length(d.value("hobbies.comment")) == 500);
    CHECK(d.error("hobbies.comment").find("500文字を超えた部分は入力されませんでした") != std::string::npos);
    // 500 characters take more backspaces than fill() gives a field.
    REQUIRE_OK(refill(d, "hobbies.comment", "まいあさ"));

    REQUIRE_OK(d.tap("hobbies.show_on_profile"));
    CHECK(d.value("hobbies.show_on_profile") == "off");
    REQUIRE_OK(d.tap("hobbies.save"));
    d.frames(2);
    CHECK(d.value("hobbies.count") == "1");
    CHECK(d.value("hobbies.row.0.text").find("非表示") != std::string::npos);
    auto rows = f.rows("hobby");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].operation == "hobby.create");
    auto p = payload_of(rows[0]);
    CHECK(p["name"] == "つり");
    CHECK(p["comment"] == "まいあさ");
    CHECK(p["show_on_profile"] == false);
    const std::string client_id = rows[0].entity_client_id;
    f.settle();

    REQUIRE_OK(d.tap("hobbies.row.0"));
    CHECK(d.value("hobbies.show_on_profile") == "off");
    REQUIRE_OK(d.tap("hobbies.show_on_profile"));
    REQUIRE_OK(fill(d, "hobbies.name", "うみづり"));
    REQUIRE_OK(d.tap("hobbies.update"));
    d.frames(2);
    rows = f.rows("hobby");
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].operation == "hobby.update");
    CHECK(rows[1].entity_client_id == client_id);
    CHECK(payload_of(rows[1])["name"] == "うみづり");
    CHECK(payload_of(rows[1])["show_on_profile"] == true);
    f.settle();

    REQUIRE_OK(d.tap("hobbies.row.0"));
    REQUIRE_OK(d.tap("hobbies.delete"));
    REQUIRE_OK(d.tap("confirm.ok"));
    d.frames(2);
    CHECK(d.value("hobbies.count") == "0");
    rows = f.rows("hobby");
    REQUIRE(rows.size() == 3);
    CHECK(rows[2].operation == "hobby.delete");
    CHECK(rows[2].entity_client_id == client_id);
}
