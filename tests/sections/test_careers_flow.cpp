// Career (【9】) through the touch screen: category, period from–to or 現在,
// company, duties, URL, role, environment, team size; missing fields, end
// before start, a bad URL, team size 0 and a 10 kB paste refused inline with
// everything typed kept; outbox rows after add, edit and delete. The
// environment is typed as "C++, Node.js" (comma, plus, dot on the alpha keys).
#include <doctest/doctest.h>

#include "tests/sections/sections_fixture.hpp"

using namespace madoguchi;
using namespace madoguchi::testing;

namespace {

// With the keyboard open: every key a finger can hit is at least the theme's
// touch minimum in both directions and lies inside the display.
void check_keys_touchable(UiDriver& d) {
    Metrics m;
    m.em = d.app().config().font_size_px;
    const ImVec2 display = d.runner().display_size();
    int keys = 0;
    for (const WidgetRecord* r : d.app().registry().with_prefix("kbd.key.")) {
        INFO(r->id);
        CHECK(r->rect.w >= m.touch_min() - 0.5f);
        CHECK(r->rect.h >= m.touch_min() - 0.5f);
        CHECK(r->rect.x >= 0.0f);
        CHECK(r->rect.x + r->rect.w <= display.x + 0.5f);
        ++keys;
    }
    CHECK(keys > 30);
}

}  // namespace

TEST_CASE("careers: add, edit (現在), delete with inline errors and outbox rows") {
    SectionsFixture f;
    auto& d = f.d();
    const int year = f.year;
    f.sign_up_and_open("home.careers", "careers");
    REQUIRE_OK(d.tap("careers.add"));

    // 1. Nothing chosen: category, start month and company are required.
    REQUIRE_OK(d.tap("careers.save"));
    CHECK_FALSE(d.value("careers.category.error").empty());
    CHECK_FALSE(d.value("careers.period_from.error").empty());
    CHECK_FALSE(d.error("careers.company").empty());
    CHECK(f.rows("career").empty());
    f.settle();

    REQUIRE_OK(d.tap("careers.category.0"));
    CHECK(d.value("careers.category") == "正社員");
    REQUIRE_OK(d.tap("careers.from.set"));
    CHECK(d.value("careers.from") == ym(year - 3, 4));
    REQUIRE_OK(d.tap("careers.to.set"));
    // 2. End before start.
    REQUIRE_OK(d.tap("careers.to.year.minus"));
    CHECK(d.value("careers.to") == ym(year - 4, 4));
    REQUIRE_OK(fill(d, "careers.company", "Madoguchi Inc."));
    REQUIRE_OK(fill(d, "careers.duties", "うけつけ"));
    // 3. Not a URL; 4. team size 0.
    REQUIRE_OK(fill(d, "careers.url", "htp:/bad"));
    REQUIRE_OK(fill(d, "careers.role", "leader"));
    // The hint's own example has commas: they are on the alpha layout.
    REQUIRE_OK(tap_in_view(d, "careers.environment"));
    REQUIRE_OK(type_keys(d, "C++, Node.js"));
    REQUIRE(d.find("kbd.key.,"));
    check_keys_touchable(d);
    REQUIRE_OK(tap_key(d, "kbd.done"));
    d.frames(2);
    CHECK(d.value("careers.environment") == "C++, Node.js");
    REQUIRE_OK(fill(d, "careers.team_size", "0"));
    REQUIRE_OK(d.tap("careers.save"));
    CHECK(d.value("careers.period_to.error").find("開始年月より後") != std::string::npos);
    CHECK_FALSE(d.error("careers.url").empty());
    CHECK_FALSE(d.error("careers.team_size").empty());
    CHECK(d.error("careers.company").empty());
    // Nothing typed is lost.
    CHECK(d.value("careers.category") == "正社員");
    CHECK(d.value("careers.from") == ym(year - 3, 4));
    CHECK(d.value("careers.company") == "Madoguchi Inc.");
    CHECK(d.value("careers.duties") == "うけつけ");
    CHECK(d.value("careers.url") == "htp:/bad");
    CHECK(d.value("careers.environment") == "C++, Node.js");
    CHECK(d.value("careers.team_size") == "0");
    CHECK(f.rows("career").empty());
    f.settle();

    // 5. A 10 kB paste into the company name keeps 100 characters and says so.
    REQUIRE_OK(d.tap("careers.company"));
    REQUIRE_OK(clear_open_field(d, "careers.company"));
    REQUIRE_OK(d.paste(big_paste(10 * 1024)));
    REQUIRE_OK(d.tap("kbd.done"));
    CHECK(utf8_length(d.value("careers.company")) == 100);
    CHECK(d.error("careers.company").find("100文字を超えた部分は入力されませんでした") != std::string::npos);

    // Fix everything.
    REQUIRE_OK(fill(d, "careers.company", "Madoguchi Inc."));
    REQUIRE_OK(d.tap("careers.to.year.plus"));
    REQUIRE_OK(d.tap("careers.to.year.plus"));
    CHECK(d.value("careers.to") == ym(year - 2, 4));
    REQUIRE_OK(fill(d, "careers.url", "https://example.co.jp"));
    REQUIRE_OK(fill(d, "careers.team_size", "5"));
    REQUIRE_OK(d.tap("careers.save"));
    d.frames(2);
    CHECK(d.value("careers.count") == "1");
    auto rows = f.rows("career");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].operation == "career.create");
    auto p = payload_of(rows[0]);
    CHECK(p["category"] == "full_time");
    CHECK(p["period_from"] == ym(year - 3, 4));
    CHECK(p["period_to"] == ym(year - 2, 4));
    CHECK(p["company_name"] == "Madoguchi Inc.");
    CHECK(p["duties"] == "うけつけ");
    CHECK(p["company_url"].get<std::string>().find("https://example.co.jp") == 0);
    CHECK(p["role"] == "leader");
    CHECK(p["environment"] == "C++, Node.js");
    CHECK(p["team_size"] == 5);
    const std::string client_id = rows[0].entity_client_id;
    f.settle();

    // Edit: still working there (現在), another category.
    REQUIRE_OK(d.tap("careers.row.0"));
    CHECK(d.value("careers.company") == "Madoguchi Inc.");
    CHECK(d.value("careers.current_toggle") == "off");
    REQUIRE_OK(d.tap("careers.current_toggle"));
    CHECK_FALSE(d.find("careers.to"));
    REQUIRE_OK(tap_in_view(d, "careers.category.1"));  // a row of the nested list: reveal the list first
    REQUIRE_OK(d.tap("careers.update"));
    d.frames(2);
    CHECK(d.value("careers.row.0.text").find("現在") != std::string::npos);
    rows = f.rows("career");
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].operation == "career.update");
    CHECK(rows[1].entity_client_id == client_id);
    CHECK(payload_of(rows[1])["period_to"] == "");
    CHECK(payload_of(rows[1])["category"] == "contract");
    f.settle();

    REQUIRE_OK(d.tap("careers.row.0"));
    CHECK(d.value("careers.current_toggle") == "on");
    REQUIRE_OK(d.tap("careers.delete"));
    REQUIRE_OK(d.tap("confirm.ok"));
    d.frames(2);
    CHECK(d.value("careers.count") == "0");
    rows = f.rows("career");
    REQUIRE(rows.size() == 3);
    CHECK(rows[2].operation == "career.delete");
}
