// Skills (【7】) through the touch screen: add with a suggestion, edit, delete
// after confirmation; empty name, years 99, emoji and a 10 kB paste each get
// their inline message while what was typed stays; outbox rows after each step.
#include <doctest/doctest.h>

#include "tests/sections/sections_fixture.hpp"

using namespace madoguchi;
using namespace madoguchi::testing;

TEST_CASE("skills: add, edit, delete with inline errors and outbox rows") {
    SectionsFixture f;
    auto& d = f.d();
    f.sign_up_and_open("home.skills", "skills");
    CHECK(d.value("skills.count") == "0");

    REQUIRE_OK(d.tap("skills.add"));
    CHECK(d.find("skills.save"));
    CHECK_FALSE(d.find("skills.update"));  // 登録する for a new one
    CHECK(d.find("skills.save")->label == "登録する");

    // 1. Empty name.
    REQUIRE_OK(d.tap("skills.save"));
    CHECK(d.error("skills.name").find("入力") != std::string::npos);
    CHECK(f.rows("skill").empty());
    f.settle();

    // Suggestions as you type; free text would be fine too.
    REQUIRE_OK(fill(d, "skills.name", "えくせ"));
    REQUIRE(d.find("skills.suggest.0"));
    CHECK(d.find("skills.suggest.0")->label == "Excel");
    REQUIRE_OK(d.tap("skills.suggest.0"));
    CHECK(d.value("skills.name") == "Excel");
    CHECK_FALSE(d.find("skills.suggest.0"));  // chosen: the chips go away

    // Level scale with a description per level.
    REQUIRE_OK(d.tap("skills.level.3"));
    CHECK(d.value("skills.level") == "4");
    CHECK(d.value("skills.level_description").find("レベル4") != std::string::npos);

    // 2. Years 99 (the rule allows 0–60); the name typed stays.
    REQUIRE_OK(fill(d, "skills.years", "99"));
    REQUIRE_OK(fill(d, "skills.notes", "まいにち"));
    REQUIRE_OK(d.tap("skills.save"));
    CHECK_FALSE(d.error("skills.years").empty());
    CHECK(d.value("skills.name") == "Excel");
    CHECK(d.value("skills.years") == "99");
    CHECK(d.value("skills.notes") == "まいにち");
    CHECK(d.value("skills.level") == "4");
    CHECK(f.rows("skill").empty());
    f.settle();

    // 3. An emoji pasted into the notes is refused with a message; the notes stay.
    REQUIRE_OK(d.tap("skills.notes"));
    REQUIRE_OK(d.paste("\xF0\x9F\x98\x80"));
    REQUIRE_OK(d.tap("kbd.done"));
    CHECK_FALSE(d.error("skills.notes").empty());
    CHECK(d.value("skills.notes") == "まいにち");

    // 4. A 10 kB paste into the name keeps what fits (50 characters) and says so.
    REQUIRE_OK(d.tap("skills.name"));
    REQUIRE_OK(clear_open_field(d, "skills.name"));
    REQUIRE_OK(d.paste(big_paste(10 * 1024)));
    REQUIRE_OK(d.tap("kbd.done"));
    CHECK(utf8_length(d.value("skills.name")) == 50);
    CHECK_FALSE(d.error("skills.name").empty());
    REQUIRE_OK(fill(d, "skills.name", "Excel"));

    REQUIRE_OK(fill(d, "skills.years", "3"));
    REQUIRE_OK(d.tap("skills.save"));
    d.frames(2);
    INFO(f.shown_errors());
    CHECK(d.value("skills.count") == "1");
    CHECK(d.value("skills.row.0.text").find("Excel") != std::string::npos);
    CHECK(d.value("skills.row.0.state") == "送信待ち");
    auto rows = f.rows("skill");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].operation == "skill.create");
    CHECK(rows[0].owner_client_id == f.owner());
    auto p = payload_of(rows[0]);
    CHECK(p["name"] == "Excel");
    CHECK(p["level"] == 4);
    CHECK(p["years_experience"] == 3);
    CHECK(p["notes"] == "まいにち");
    const std::string client_id = rows[0].entity_client_id;
    f.settle();

    // Edit: 更新する and 削除する; the stored values are in the form.
    REQUIRE_OK(d.tap("skills.row.0"));
    CHECK(d.find("skills.update"));
    CHECK(d.find("skills.update")->label == "更新する");
    CHECK(d.find("skills.delete")->label == "削除する");
    CHECK(d.value("skills.name") == "Excel");
    CHECK(d.value("skills.years") == "3");
    REQUIRE_OK(fill(d, "skills.years", "5"));
    REQUIRE_OK(d.tap("skills.level.4"));
    REQUIRE_OK(d.tap("skills.update"));
    d.frames(2);
    rows = f.rows("skill");
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].operation == "skill.update");
    CHECK(rows[1].entity_client_id == client_id);
    CHECK(payload_of(rows[1])["years_experience"] == 5);
    CHECK(payload_of(rows[1])["level"] == 5);
    CHECK(d.value("skills.count") == "1");
    f.settle();

    // Delete asks first; cancel keeps it, OK removes it.
    REQUIRE_OK(d.tap("skills.row.0"));
    REQUIRE_OK(d.tap("skills.delete"));
    REQUIRE(d.find("confirm.ok"));
    REQUIRE_OK(d.tap("confirm.cancel"));
    CHECK(f.rows("skill").size() == 2);
    REQUIRE_OK(d.tap("skills.delete"));
    REQUIRE_OK(d.tap("confirm.ok"));
    d.frames(2);
    CHECK(d.value("skills.count") == "0");
    rows = f.rows("skill");
    REQUIRE(rows.size() == 3);
    CHECK(rows[2].operation == "skill.delete");
    CHECK(rows[2].entity_client_id == client_id);
}
