// The profile form of 【5】 through the touch screen: 山田 太郎 typed in romaji
// and converted on the keyboard's candidate bar, ヤマダ タロウ on the katakana
// layout, postal code 100-0001 filling 東京都千代田区千代田 from the Japan Post
// data set, every field filled and saved as one profile.put outbox row;
// sign-out leaves nothing behind; invalid values keep what was typed.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "data/rules/field_limits.hpp"
#include "kiosk/ui/ui_context.hpp"
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
    keyboard_taps() = 0;
    REQUIRE_MESSAGE(f.postal.ok(), "postal.bin missing: build the madoguchi_datasets target");
    auto& d = f.d();
    sign_up_and_open_profile(f);
    CHECK(d.value("profile.username") == "yamada2024");

    REQUIRE_OK(fill(d, "profile.nickname", "taro"));
    REQUIRE_OK(tap_in_view(d, "profile.self_intro"));
    REQUIRE_OK(type_keys(d, "よろしく"));
    REQUIRE_OK(tap_key(d, "kbd.done"));
    d.frames(2);

    // 山田 太郎: romaji → kana in the field, then the candidate bar.
    REQUIRE_OK(tap_in_view(d, "profile.family_name"));
    REQUIRE_OK(tap_key(d, "kbd.layout.romaji"));
    REQUIRE_OK(type_keys(d, "yamada"));
    CHECK(d.value("profile.family_name") == "やまだ");
    CHECK(f.ui.app.keyboard().reading() == "やまだ");
    const auto& cands = f.ui.app.keyboard().candidates();
    CHECK(std::find(cands.begin(), cands.end(), "ヤマダ") != cands.end());  // the kana are always offered
    CHECK(std::find(cands.begin(), cands.end(), "やまだ") != cands.end());
    REQUIRE_OK(tap_candidate(d, "山田"));
    CHECK(d.value("profile.family_name") == "山田");
    CHECK(f.ui.app.keyboard().candidates().empty());
    REQUIRE_OK(tap_key(d, "kbd.done"));
    d.frames(2);
    REQUIRE_OK(type_and_convert(d, "profile.given_name", "tarou", "太郎"));
    CHECK(d.value("profile.given_name") == "太郎");

    // ヤマダ タロウ: furigana fields open the katakana layout themselves.
    REQUIRE_OK(tap_in_view(d, "profile.family_kana"));
    CHECK(f.ui.app.keyboard().layout() == KeyboardLayout::katakana);
    REQUIRE_OK(type_keys(d, "ヤマダ"));
    REQUIRE_OK(tap_key(d, "kbd.done"));
    d.frames(2);
    REQUIRE_OK(fill(d, "profile.given_kana", "タロウ"));
    CHECK(d.value("profile.family_kana") == "ヤマダ");
    CHECK(d.value("profile.given_kana") == "タロウ");

    REQUIRE_OK(tap_in_view(d, "profile.gender.1"));
    REQUIRE_OK(tap_in_view(d, "profile.birth_date.set"));
    for (int i = 0; i < 6; ++i) REQUIRE_OK(tap_in_view(d, "profile.birth_date.year.plus"));

    REQUIRE_OK(tap_in_view(d, "profile.postal"));
    CHECK(f.ui.app.keyboard().layout() == KeyboardLayout::digits);
    REQUIRE_OK(type_keys(d, "100-0001"));
    REQUIRE_OK(tap_key(d, "kbd.done"));
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
    REQUIRE_OK(type_keys(d, "とうきょうだいがく"));
    REQUIRE_OK(tap_key(d, "kbd.done"));
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
    std::printf("sign-up + whole profile (every field): %d taps including keyboard keys, %d excluding typing\n",
                d.tap_count(), d.tap_count() - keyboard_taps());

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
    // The form holds what the rules allow (data/rules/field_limits.hpp), no more.
    const std::string long_intro(limits::kSelfIntroduction + 200, 'a');
    REQUIRE_OK(tap_in_view(d, "profile.self_intro"));
    REQUIRE_OK(d.paste(long_intro));  // more than fits: what fits is kept, the user is told
    CHECK_FALSE(d.error("profile.self_intro").empty());
    REQUIRE_OK(tap_key(d, "kbd.done"));
    d.frames(2);
    REQUIRE_OK(tap_in_view(d, "profile.nickname"));
    REQUIRE_OK(d.paste("😀"));  // the UI cannot draw it: refused with a message
    CHECK_FALSE(d.error("profile.nickname").empty());
    REQUIRE_OK(tap_key(d, "kbd.done"));
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
    CHECK(utf8_length(d.value("profile.self_intro")) == limits::kSelfIntroduction);
    auto rows = f.store->outbox().list(OutboxState::pending);
    REQUIRE(rows.ok());
    CHECK(find_put(*rows) == nullptr);

    // Fixing them one by one: the messages leave with the fault.
    REQUIRE_OK(fill(d, "profile.phone", "0312345678"));
    REQUIRE_OK(tap_in_view(d, "profile.save"));
    CHECK(d.error("profile.phone").empty());
    CHECK_FALSE(d.error("profile.postal").empty());
}

namespace {

// Top edge of the open keyboard (its highest key or candidate).
float keyboard_top(UiDriver& d) {
    float top = 1e9f;
    for (const WidgetRecord* r : d.app().registry().with_prefix("kbd.")) top = std::min(top, r->rect.y);
    return top;
}

// The option of select list `list` whose label is `label` ("" when absent).
std::string option_with_label(UiDriver& d, const std::string& list, const std::string& label) {
    for (int i = 0; i < 400; ++i) {
        const WidgetRecord* r = d.find(list + "." + std::to_string(i));
        if (!r) break;
        if (r->label == label) return r->id;
    }
    return {};
}

}  // namespace

TEST_CASE("profile: a postal code with several addresses offers each; the one tapped fills the address") {
    ProfileFixture f;
    REQUIRE_MESSAGE(f.postal.ok(), "postal.bin missing: build the madoguchi_datasets target");
    auto& d = f.d();
    sign_up_and_open_profile(f);
    const auto expected = f.profiles.lookup_postal("028-8401");
    REQUIRE(expected.size() == 20);
    REQUIRE_OK(fill(d, "profile.postal", "028-8401"));
    REQUIRE_OK(tap_in_view(d, "profile.postal_lookup"));
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        const WidgetRecord* r = d.find("profile.postal_choice." + std::to_string(i));
        REQUIRE(r != nullptr);
        CHECK(r->label == expected[i].prefecture + expected[i].city + expected[i].town);
    }
    CHECK(d.find("profile.postal_choice.20") == nullptr);
    CHECK(d.value("profile.city").empty());  // nothing filled before a choice
    REQUIRE_OK(tap_in_view(d, "profile.postal_choice.7"));
    CHECK(d.value("profile.prefecture") == expected[7].prefecture);
    CHECK(d.value("profile.city") == expected[7].city);
    CHECK(d.value("profile.town") == expected[7].town);
    CHECK(d.find("profile.postal_choice.0") == nullptr);  // the choice is made: the list goes
}

TEST_CASE("profile: empty required address fields and a missing prefecture get their inline errors") {
    ProfileFixture f;
    auto& d = f.d();
    sign_up_and_open_profile(f);
    REQUIRE_OK(tap_in_view(d, "profile.save"));
    CHECK(d.screen() == "profile");
    struct Expect {
        const char* id;
        const char* text_ja;
    };
    for (const Expect& e : {Expect{"profile.postal", "郵便番号"}, Expect{"profile.city", "市区町村"},
                            Expect{"profile.phone", "電話番号"}}) {
        CAPTURE(e.id);
        CHECK(d.error(e.id).find(e.text_ja) != std::string::npos);
    }
    const WidgetRecord* pref = d.find("profile.prefecture.error");
    REQUIRE(pref != nullptr);
    CHECK(pref->value.find("都道府県") != std::string::npos);
    // Choosing the prefecture and typing the city take their errors away.
    REQUIRE_OK(tap_in_view(d, "profile.prefecture.0"));
    REQUIRE_OK(fill(d, "profile.city", "ちよだく"));
    REQUIRE_OK(tap_in_view(d, "profile.save"));
    CHECK(d.find("profile.prefecture.error") == nullptr);
    CHECK(d.error("profile.city").empty());
    CHECK(d.value("profile.city") == "ちよだく");
    CHECK_FALSE(d.error("profile.phone").empty());  // still missing: still said
}

TEST_CASE("profile: preferred municipality is chosen from the prefecture's list and saved by its code") {
    ProfileFixture f;
    REQUIRE_MESSAGE(f.local_gov.ok(), "localgov.bin missing: build the madoguchi_datasets target");
    auto& d = f.d();
    sign_up_and_open_profile(f);
    CHECK(d.find("profile.preferred_municipality") == nullptr);  // no prefecture yet
    REQUIRE_OK(tap_in_view(d, "profile.preferred_prefecture.0"));  // 北海道
    d.frames(2);
    REQUIRE(d.find("profile.preferred_municipality") != nullptr);
    CHECK_FALSE(option_with_label(d, "profile.preferred_municipality", "札幌市").empty());
    CHECK(option_with_label(d, "profile.preferred_municipality", "千代田区").empty());  // Tokyo's
    const std::string sapporo_chuo = option_with_label(d, "profile.preferred_municipality", "札幌市 中央区");
    REQUIRE_FALSE(sapporo_chuo.empty());  // 政令市 wards listed under their city
    REQUIRE_OK(tap_in_view(d, sapporo_chuo));
    CHECK(d.value("profile.preferred_municipality") == "札幌市 中央区");
    // Another prefecture drops the choice.
    REQUIRE_OK(tap_in_view(d, "profile.preferred_prefecture.1"));  // 青森県
    d.frames(2);
    CHECK(d.value("profile.preferred_municipality").empty());
    CHECK(option_with_label(d, "profile.preferred_municipality", "札幌市").empty());
    const auto aomori = f.profiles.municipalities("02");
    REQUIRE_FALSE(aomori.empty());
    REQUIRE_OK(tap_in_view(d, "profile.preferred_municipality.0"));
    CHECK(d.value("profile.preferred_municipality") == aomori[0].name);

    // Everything required, then save: the code travels, not the name.
    REQUIRE_OK(fill(d, "profile.nickname", "taro"));
    REQUIRE_OK(type_and_convert(d, "profile.family_name", "yamada", "山田"));
    REQUIRE_OK(type_and_convert(d, "profile.given_name", "tarou", "太郎"));
    REQUIRE_OK(fill(d, "profile.family_kana", "ヤマダ"));
    REQUIRE_OK(fill(d, "profile.given_kana", "タロウ"));
    REQUIRE_OK(fill(d, "profile.postal", "100-0001"));
    REQUIRE_OK(tap_in_view(d, "profile.postal_lookup"));
    REQUIRE_OK(fill(d, "profile.phone", "0312345678"));
    REQUIRE_OK(tap_in_view(d, "profile.save"));
    auto rows = f.store->outbox().list(OutboxState::pending);
    REQUIRE(rows.ok());
    const OutboxRow* put = find_put(*rows);
    REQUIRE(put != nullptr);
    auto payload = nlohmann::json::parse(put->payload);
    CHECK(payload["preferred_prefecture"] == "02");
    CHECK(payload["preferred_municipality"] == aomori[0].code);  // the code travels, not the name
}

namespace {

// Bottom edge of the screen header (the form's scroll region starts there).
float header_bottom(ProfileFixture& f) { return Metrics{f.ui.app.config().font_size_px}.header_h(); }

// Drags the form until `id` sits with its top just under the header (the
// case where a reveal has to scroll the other way, or not at all).
Status bring_to_top(UiDriver& d, const std::string& id, float header) {
    if (auto s = reveal(d, id); !s) return s;
    for (int attempt = 0; attempt < 20; ++attempt) {
        const WidgetRecord* r = d.find(id);
        if (!r) return Error{"test", "", "no widget " + id, "no widget " + id};
        const float over = r->rect.y - (header + 40.0f);
        if (over < 40.0f) return ok_status();
        const float step = std::min(over, d.runner().display_size().y * 0.3f);
        InjectedPointer p{6.0f, d.runner().display_size().y * 0.7f, true};
        d.runner().run_frame(&p, 1.0f / 60.0f);
        for (int i = 0; i < 8; ++i) {
            p.y -= step / 8;
            d.runner().run_frame(&p, 1.0f / 60.0f);
        }
        p.down = false;
        d.runner().run_frame(&p, 1.0f / 60.0f);
        d.frames(2);
    }
    return ok_status();
}

// The focused field lies wholly between the header and the keyboard.
void check_between_header_and_keyboard(ProfileFixture& f, const std::string& id) {
    auto& d = f.d();
    d.frames(3);
    const WidgetRecord* r = d.find(id);
    const WidgetRecord* panel = d.find("kbd.panel");
    REQUIRE(r != nullptr);
    REQUIRE(panel != nullptr);
    MESSAGE(id << " y=" << r->rect.y << " h=" << r->rect.h << " header bottom=" << header_bottom(f)
               << " keyboard top=" << panel->rect.y << " (" << panel->value << ")");
    CHECK(r->visible);
    CHECK(r->rect.y >= header_bottom(f));
    CHECK(r->rect.y + r->rect.h <= panel->rect.y);
    CHECK(r->rect.y + r->rect.h <= keyboard_top(d));
    CHECK(r->rect.h >= f.ui.app.config().font_size_px * 2.0f);  // still a touch target
}

}  // namespace

TEST_CASE("profile: opening the keyboard keeps the tapped field between the header and the keys") {
    ProfileFixture f;
    auto& d = f.d();
    sign_up_and_open_profile(f);
    const float header = header_bottom(f);
    // Near the top and near the bottom of the form, one line and several
    // (自己紹介 and 学歴 open the kana keyboard with its candidate bar: the
    // tallest layout), each tapped once at the bottom edge of the display
    // (revealed from above) and once just under the header.
    for (const std::string id : {"profile.nickname", "profile.self_intro", "profile.phone", "profile.hourly_rate",
                                 "profile.hometown", "profile.schools"}) {
        for (const bool at_top : {false, true}) {
            CAPTURE(id);
            CAPTURE(at_top);
            if (at_top) REQUIRE_OK(bring_to_top(d, id, header));
            else REQUIRE_OK(reveal(d, id));
            REQUIRE_OK(d.tap(id));
            REQUIRE(f.ui.app.keyboard().is_open());
            check_between_header_and_keyboard(f, id);
            REQUIRE_OK(tap_key(d, "kbd.done"));
            d.frames(2);
        }
    }
}

TEST_CASE("profile: a multi-line field keeps its last lines in view and stays put when the layout changes") {
    ProfileFixture f;
    auto& d = f.d();
    sign_up_and_open_profile(f);
    REQUIRE_OK(tap_in_view(d, "profile.schools"));
    REQUIRE_OK(type_keys(d, "とうきょう"));
    for (int i = 0; i < 4; ++i) {
        REQUIRE_OK(tap_key(d, "kbd.newline"));
        REQUIRE_OK(type_keys(d, "だいがく"));
    }
    check_between_header_and_keyboard(f, "profile.schools");
    // The digits pad is lower than the kana grid: going there and back must
    // not leave the field under the taller keyboard.
    REQUIRE_OK(tap_key(d, "kbd.layout.digits"));
    check_between_header_and_keyboard(f, "profile.schools");
    REQUIRE_OK(tap_key(d, "kbd.layout.hiragana"));
    check_between_header_and_keyboard(f, "profile.schools");
    CHECK(d.value("profile.schools") == "とうきょう\nだいがく\nだいがく\nだいがく\nだいがく");
    // Closed, the box is its full height again and shows what was typed.
    REQUIRE_OK(tap_key(d, "kbd.done"));
    d.frames(2);
    const WidgetRecord* r = d.find("profile.schools");
    REQUIRE(r != nullptr);
    CHECK(r->rect.h >= f.ui.app.config().font_size_px * 4.5f - 0.5f);
}

TEST_CASE("first-time user: sign-up plus the required profile fields in at most 60 taps excluding typing") {
    ProfileFixture f;
    keyboard_taps() = 0;
    auto& d = f.d();
    sign_up_and_open_profile(f);
    const int sign_up_taps = d.tap_count() - keyboard_taps();
    REQUIRE_OK(fill(d, "profile.nickname", "taro"));
    REQUIRE_OK(type_and_convert(d, "profile.family_name", "yamada", "山田"));
    REQUIRE_OK(type_and_convert(d, "profile.given_name", "tarou", "太郎"));
    REQUIRE_OK(fill(d, "profile.family_kana", "ヤマダ"));
    REQUIRE_OK(fill(d, "profile.given_kana", "タロウ"));
    REQUIRE_OK(fill(d, "profile.postal", "1000001"));
    REQUIRE_OK(tap_in_view(d, "profile.postal_lookup"));
    REQUIRE_OK(fill(d, "profile.phone", "09012345678"));
    REQUIRE_OK(tap_in_view(d, "profile.save"));
    auto rows = f.store->outbox().list(OutboxState::pending);
    REQUIRE(rows.ok());
    REQUIRE(find_put(*rows) != nullptr);  // saved: every required field was there
    const int without_typing = d.tap_count() - keyboard_taps();
    std::printf("first-time user, sign-up + required profile: %d taps excluding typing (sign-up %d), "
                "%d keyboard taps, %d in all\n",
                without_typing, sign_up_taps, keyboard_taps(), d.tap_count());
    CHECK(without_typing <= 60);
}
