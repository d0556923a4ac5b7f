// The profile form of 【5】 through the touch screen: 山田 太郎 typed in romaji
// and converted on the keyboard's candidate bar, ヤマダ タロウ on the katakana
// layout, postal code 100-0001 filling 東京都千代田区千代田 from the Japan Post
// data set, every field filled and saved as one profile.put outbox row;
// sign-out leaves nothing behind; invalid values keep what was typed.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "tests/screens/profile_fixture.hpp"

using namespace madoguchi;
using namespace madoguchi::testing;

namespace {

const OutboxRow* find_put(const std::vector<OutboxRow>& rows) {
    const OutboxRow* put = nullptr;
    for (const auto& r : rows)
        if (r.operation == "profile.put") put = &r;
    return put;
}

}  // namespace

TEST_CASE("profile: romaji + conversion, katakana layout, postal lookup, every field, save; sign-out wipes") {
    ProfileFixture f;
    REQUIRE_MESSAGE(f.postal.ok(), "postal.bin missing: build the madoguchi_datasets target");
    auto& d = f.d();
    sign_up_and_open_profile(f);
    CHECK(d.value("profile.username") == "yamada2024");

    REQUIRE_OK(fill(d, "profile.nickname", "taro"));
    REQUIRE_OK(tap_in_view(d, "profile.self_intro"));
    REQUIRE_OK(d.type("よろしく"));
    REQUIRE_OK(d.tap("kbd.done"));
    d.frames(2);

    // 山田 太郎: romaji → kana in the field, then the candidate bar.
    REQUIRE_OK(tap_in_view(d, "profile.family_name"));
    REQUIRE_OK(d.tap("kbd.layout.romaji"));
    REQUIRE_OK(d.type("yamada"));
    CHECK(d.value("profile.family_name") == "やまだ");
    CHECK(f.ui.app.keyboard().reading() == "やまだ");
    const auto& cands = f.ui.app.keyboard().candidates();
    CHECK(std::find(cands.begin(), cands.end(), "ヤマダ") != cands.end());  // the kana are always offered
    CHECK(std::find(cands.begin(), cands.end(), "やまだ") != cands.end());
    REQUIRE_OK(tap_candidate(d, "山田"));
    CHECK(d.value("profile.family_name") == "山田");
    CHECK(f.ui.app.keyboard().candidates().empty());
    REQUIRE_OK(d.tap("kbd.done"));
    d.frames(2);
    REQUIRE_OK(type_and_convert(d, "profile.given_name", "tarou", "太郎"));
    CHECK(d.value("profile.given_name") == "太郎");

    // ヤマダ タロウ: furigana fields open the katakana layout themselves.
    REQUIRE_OK(tap_in_view(d, "profile.family_kana"));
    CHECK(f.ui.app.keyboard().layout() == KeyboardLayout::katakana);
    REQUIRE_OK(d.type("ヤマダ"));
    REQUIRE_OK(d.tap("kbd.done"));
    d.frames(2);
    REQUIRE_OK(fill(d, "profile.given_kana", "タロウ"));
    CHECK(d.value("profile.family_kana") == "ヤマダ");
    CHECK(d.value("profile.given_kana") == "タロウ");

    REQUIRE_OK(tap_in_view(d, "profile.gender.1"));
    REQUIRE_OK(tap_in_view(d, "profile.birth_date.set"));
    for (int i = 0; i < 6; ++i) REQUIRE_OK(tap_in_view(d, "profile.birth_date.year.plus"));

    REQUIRE_OK(tap_in_view(d, "profile.postal"));
    CHECK(f.ui.app.keyboard().layout() == KeyboardLayout::digits);
    REQUIRE_OK(d.type("100-0001"));
    REQUIRE_OK(d.tap("kbd.done"));
    d.frames(2);
    REQUIRE_OK(tap_in_view(d, "profile.postal_lookup"));
    CHECK(d.value("profile.prefecture") == "東京都");
    CHECK(d.value("profile.city") == "千代田区");
    CHECK(d.value("profile.town") == "千代田");
    REQUIRE_OK(fill(d, "profile.address_line", "1-1"));
    REQUIRE_OK(fill(d, "profile.phone", "09012345678"));
    REQUIRE_OK(tap_in_view(d, "profile.status.1"));
    REQUIRE_OK(tap_in_view(d, "profile.weekly_hours.3"));
    REQUIRE_OK(fill(d, "profile.hourly_rate", "1500"));
    REQUIRE_OK(tap_in_view(d, "profile.show_age"));
    REQUIRE_OK(tap_in_view(d, "profile.preferred_prefecture.0"));  // 北海道, JIS 01
    REQUIRE_OK(type_and_convert(d, "profile.hometown", "oosaka", "大阪"));
    REQUIRE_OK(tap_in_view(d, "profile.schools"));
    REQUIRE_OK(d.type("とうきょうだいがく"));
    REQUIRE_OK(d.tap("kbd.done"));
    d.frames(2);
    REQUIRE_OK(tap_in_view(d, "profile.save"));
    CHECK(d.error("profile.phone").empty());

    auto rows = f.store->outbox().list(OutboxState::pending);
    REQUIRE(rows.ok());
    const OutboxRow* put = find_put(*rows);
    REQUIRE(put != nullptr);
    auto payload = nlohmann::json::parse(put->payload);
    CHECK(payload["nickname"] == "taro");
    CHECK(payload["self_introduction"] == "よろしく");
    CHECK(payload["family_name"] == "山田");
    CHECK(payload["given_name"] == "太郎");
    CHECK(payload["family_name_kana"] == "ヤマダ");
    CHECK(payload["given_name_kana"] == "タロウ");
    CHECK(payload["postal_code"] == "1000001");
    CHECK(payload["prefecture"] == "東京都");
    CHECK(payload["city"] == "千代田区");
    CHECK(payload["town"] == "千代田");
    CHECK(payload["address_line"] == "1-1");
    CHECK(payload["phone"] == "09012345678");
    CHECK(payload["hourly_rate_yen"] == 1500);
    CHECK(payload["show_age_bracket"] == true);
    CHECK(payload["preferred_prefecture"] == "01");
    CHECK(payload["hometown"] == "大阪");
    CHECK(payload["schools"] == "とうきょうだいがく");
    CHECK(payload["username"] == "yamada2024");
    MESSAGE("profile.put payload: " << put->payload);
    std::printf("sign-up + whole profile: %d taps including keyboard keys\n", d.tap_count());

    // Sign-out: back to attract, nobody's data on screen or in the keyboard.
    REQUIRE_OK(d.tap("header.back"));
    REQUIRE(d.screen() == "home");
    REQUIRE_OK(d.tap("home.sign_out"));
    d.frames(2);
    CHECK(d.screen() == "attract");
    CHECK(f.ui.app.session().account_client_id.empty());
    CHECK_FALSE(f.ui.app.keyboard().is_open());
    CHECK(f.ui.app.keyboard().reading().empty());
    for (const auto& r : f.ui.app.registry().all()) {
        for (const char* secret : {"山田", "yamada2024", "09012345678", "taro@example.jp", "ヤマダ"}) {
            CHECK_MESSAGE(r.value.find(secret) == std::string::npos, r.id);
            CHECK_MESSAGE(r.label.find(secret) == std::string::npos, r.id);
        }
    }
}

TEST_CASE("profile: invalid values show inline errors and nothing typed is lost") {
    ProfileFixture f;
    auto& d = f.d();
    sign_up_and_open_profile(f);
    const std::string long_intro(1200, 'a');
    REQUIRE_OK(tap_in_view(d, "profile.self_intro"));
    REQUIRE_OK(d.paste(long_intro));  // more than fits: what fits is kept, the user is told
    CHECK_FALSE(d.error("profile.self_intro").empty());
    REQUIRE_OK(d.tap("kbd.done"));
    d.frames(2);
    REQUIRE_OK(tap_in_view(d, "profile.nickname"));
    REQUIRE_OK(d.paste("😀"));  // the UI cannot draw it: refused with a message
    CHECK_FALSE(d.error("profile.nickname").empty());
    REQUIRE_OK(d.tap("kbd.done"));
    d.frames(2);
    REQUIRE_OK(fill(d, "profile.family_kana", "やまだ"));  // hiragana in furigana: converted, accepted
    REQUIRE_OK(fill(d, "profile.given_kana", "Taro"));     // latin in furigana
    REQUIRE_OK(fill(d, "profile.postal", "12"));
    REQUIRE_OK(fill(d, "profile.phone", "0201234567"));   // 020 is not a contact number
    REQUIRE_OK(fill(d, "profile.hourly_rate", "0"));
    REQUIRE_OK(tap_in_view(d, "profile.save"));
    CHECK(d.screen() == "profile");

    // Every required field left empty, and every wrong value, has its message.
    for (const char* id : {"profile.nickname", "profile.family_name", "profile.given_name", "profile.given_kana",
                           "profile.postal", "profile.phone", "profile.hourly_rate"}) {
        CHECK_MESSAGE(!d.error(id).empty(), std::string(id));
    }
    CHECK(d.error("profile.family_kana").empty());
    // What was typed is still there, exactly.
    CHECK(d.value("profile.family_kana") == "やまだ");
    CHECK(d.value("profile.given_kana") == "Taro");
    CHECK(d.value("profile.postal") == "12");
    CHECK(d.value("profile.phone") == "0201234567");
    CHECK(d.value("profile.hourly_rate") == "0");
    CHECK(utf8_length(d.value("profile.self_intro")) == 1000);
    auto rows = f.store->outbox().list(OutboxState::pending);
    REQUIRE(rows.ok());
    CHECK(find_put(*rows) == nullptr);

    // Fixing them one by one: the messages leave with the fault.
    REQUIRE_OK(fill(d, "profile.phone", "0312345678"));
    REQUIRE_OK(tap_in_view(d, "profile.save"));
    CHECK(d.error("profile.phone").empty());
    CHECK_FALSE(d.error("profile.postal").empty());
}
