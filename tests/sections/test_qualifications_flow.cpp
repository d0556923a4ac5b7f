// Qualifications (【8】) through the touch screen: a 資格 found by typing its
// kana reading (issuer filled in), free text accepted, acquired month with
// 和暦, expiry before acquisition, emoji and empty name refused inline;
// outbox rows after add, edit and delete.
#include <doctest/doctest.h>

#include "tests/sections/sections_fixture.hpp"

using namespace madoguchi;
using namespace madoguchi::testing;

TEST_CASE("qualifications: kana suggestions, 和暦, expiry order, add/edit/delete with outbox rows") {
    SectionsFixture f;
    auto& d = f.d();
    const int year = f.year;
    f.sign_up_and_open("home.qualifications", "qualifications");
    REQUIRE_OK(d.tap("qualifications.add"));

    // 1. Nothing entered: name and acquired month are required.
    REQUIRE_OK(d.tap("qualifications.save"));
    CHECK_FALSE(d.error("qualifications.name").empty());
    CHECK(d.value("qualifications.acquired.error").find("取得年月") != std::string::npos);
    CHECK(f.rows("qualification").empty());
    f.settle();

    // The kana reading finds 日商簿記; choosing fills the issuer as a guess.
    REQUIRE_OK(fill(d, "qualifications.name", "にっしょうぼき"));
    REQUIRE(d.find("qualifications.suggest.1"));
    CHECK(d.find("qualifications.suggest.0")->label == "日商簿記検定1級");
    CHECK(d.find("qualifications.suggest.1")->label == "日商簿記検定2級");
    REQUIRE_OK(d.tap("qualifications.suggest.1"));
    CHECK(d.value("qualifications.name") == "日商簿記検定2級");
    CHECK(d.value("qualifications.issuer") == "日本商工会議所");

    // Acquired 20 years ago, April: shown with 和暦.
    REQUIRE_OK(d.tap("qualifications.acquired.set"));
    REQUIRE_OK(d.tap("qualifications.acquired.year.minus10"));
    REQUIRE_OK(d.tap("qualifications.acquired.year.minus10"));
    CHECK(d.value("qualifications.acquired") == ym(year - 20, 4));

    // 2. Expiry before acquisition.
    REQUIRE_OK(d.tap("qualifications.expires.set"));
    REQUIRE_OK(d.tap("qualifications.expires.month.minus"));
    CHECK(d.value("qualifications.expires") == ym(year - 20, 3));
    // 3. An emoji in the score is refused as it is pasted.
    REQUIRE_OK(fill(d, "qualifications.score", "2きゅう"));
    REQUIRE_OK(d.tap("qualifications.score"));
    REQUIRE_OK(d.paste("\xF0\x9F\x8E\x89"));
    REQUIRE_OK(d.tap("kbd.done"));
    CHECK_FALSE(d.error("qualifications.score").empty());
    CHECK(d.value("qualifications.score") == "2きゅう");
    REQUIRE_OK(d.tap("qualifications.save"));
    CHECK(d.value("qualifications.expires.error").find("取得年月より後") != std::string::npos);
    // Everything typed is still there.
    CHECK(d.value("qualifications.name") == "日商簿記検定2級");
    CHECK(d.value("qualifications.acquired") == ym(year - 20, 4));
    CHECK(d.value("qualifications.score") == "2きゅう");
    CHECK(f.rows("qualification").empty());
    f.settle();

    // 4. A 10 kB paste into the certificate number keeps 50 characters.
    REQUIRE_OK(d.tap("qualifications.certificate"));
    REQUIRE_OK(d.paste(big_paste(10 * 1024)));
    REQUIRE_OK(d.tap("kbd.done"));
    CHECK(utf8_length(d.value("qualifications.certificate")) == 50);
    CHECK_FALSE(d.error("qualifications.certificate").empty());
    REQUIRE_OK(fill(d, "qualifications.certificate", "A12345"));

    // No expiry after all.
    REQUIRE_OK(d.tap("qualifications.expires.clear"));
    CHECK(d.value("qualifications.expires").empty());
    REQUIRE_OK(d.tap("qualifications.save"));
    d.frames(2);
    CHECK(d.value("qualifications.count") == "1");
    auto rows = f.rows("qualification");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].operation == "qualification.create");
    auto p = payload_of(rows[0]);
    CHECK(p["name"] == "日商簿記検定2級");
    CHECK(p["issuer"] == "日本商工会議所");
    CHECK(p["acquired"] == ym(year - 20, 4));
    CHECK(p["expires"] == "");
    CHECK(p["score_or_grade"] == "2きゅう");
    CHECK(p["certificate_number"] == "A12345");
    // The list shows the month in both calendars.
    CHECK(d.value("qualifications.row.0.text").find(std::to_string(year - 20) + "年4月（") != std::string::npos);
    const std::string client_id = rows[0].entity_client_id;
    f.settle();

    // Edit: a free-text name (not in the list) is fine.
    REQUIRE_OK(d.tap("qualifications.row.0"));
    REQUIRE_OK(fill(d, "qualifications.name", "しゃないけんてい"));
    REQUIRE_OK(d.tap("qualifications.update"));
    d.frames(2);
    rows = f.rows("qualification");
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].operation == "qualification.update");
    CHECK(rows[1].entity_client_id == client_id);
    CHECK(payload_of(rows[1])["name"] == "しゃないけんてい");
    f.settle();

    REQUIRE_OK(d.tap("qualifications.row.0"));
    REQUIRE_OK(d.tap("qualifications.delete"));
    REQUIRE_OK(d.tap("confirm.ok"));
    d.frames(2);
    CHECK(d.value("qualifications.count") == "0");
    rows = f.rows("qualification");
    REQUIRE(rows.size() == 3);
    CHECK(rows[2].operation == "qualification.delete");
    CHECK(rows[2].entity_client_id == client_id);
}
