// My page through the touch screen: each section's completeness and sync
// state for a store whose records are in different states, re-read when My
// page comes back on top.
#include <doctest/doctest.h>

#include "tests/nda_mypage/nda_ui_fixture.hpp"

using namespace madoguchi;
using namespace madoguchi::testing;

TEST_CASE("My page: percentages and sync states, refreshed on return") {
    NdaUiFixture f;
    auto& d = f.d();
    sign_up(d, "suzuki2024");
    Store& s = f.store();
    const std::string owner = f.owner();

    // Freshly signed up: nothing registered yet.
    CHECK(d.value("mypage.profile.percent") == "0%");
    CHECK(d.value("mypage.profile.sync") == "未登録");
    CHECK(d.value("mypage.nda.percent") == "0%");

    // Records in different states, written behind the screen's back (as
    // the sync engine moves them while the person is elsewhere).
    Profile p;
    p.nickname = "すずき";
    p.family_name = "鈴木";
    p.given_name = "花子";
    p.family_name_kana = "スズキ";
    p.given_name_kana = "ハナコ";
    p.birth_date = {1995, 5, 5};  // 6 of 15 = 40 %
    auto profile = s.profiles().save(owner, p);
    REQUIRE(profile.ok());
    settle(s, profile->meta.client_id, SyncState::sent);
    auto skill_ok = s.skills().save(owner, Skill{{}, "Excel", 3, 4, "関数・ピボット"});
    auto skill_bad = s.skills().save(owner, Skill{{}, "Word", 2, 1, ""});
    REQUIRE((skill_ok.ok() && skill_bad.ok()));
    settle(s, skill_ok->meta.client_id, SyncState::sent);
    settle(s, skill_bad->meta.client_id, SyncState::needs_attention);
    auto hobby = s.hobbies().save(owner, Hobby{{}, "登山", "", true});
    REQUIRE(hobby.ok());
    settle(s, hobby->meta.client_id, SyncState::sending);
    auto doc = f.nda.current("ja");
    REQUIRE(doc.ok());
    REQUIRE(f.nda.agree(owner, {doc->version, "ja", doc->sha256, "鈴木 花子", valid_signature_png()}).ok());

    // Still showing what it read: My page reads only when it comes back on top.
    d.frames(3);
    CHECK(d.value("mypage.profile.percent") == "0%");
    REQUIRE_OK(open_section(d, "home.nda"));
    REQUIRE_OK(d.tap("header.back"));
    d.frames(2);
    REQUIRE(d.screen() == "home");

    CHECK(d.value("mypage.profile.percent") == "40%");
    CHECK(d.value("mypage.profile.sync") == "送信済み");
    CHECK(d.value("mypage.nda.percent") == "100%");
    CHECK(d.value("mypage.nda.sync") == "送信待ち");
    // Sections whose screens are in this build show their tiles too.
    if (d.find("home.skills")) {
        CHECK(d.value("mypage.skills.percent") == "83%");  // (100 + 66) / 2
        CHECK(d.value("mypage.skills.sync").find("要確認") == 0);
    }
    if (d.find("home.hobbies")) {
        CHECK(d.value("mypage.hobbies.percent") == "50%");
        CHECK(d.value("mypage.hobbies.sync") == "送信中");
    }
    if (d.find("home.bank_account")) CHECK(d.value("mypage.bank_account.sync") == "未登録");
    // The account settings tile has no progress of its own.
    CHECK_FALSE(d.find("mypage.account.percent"));

    // The same summary the screen drew, straight from the service.
    auto sum = f.my_page.summary(owner);
    REQUIRE(sum.ok());
    CHECK(sum->find(MyPageSection::skills)->state() == SectionSyncState::needs_attention);
    CHECK(sum->find(MyPageSection::hobbies)->state() == SectionSyncState::sending);

    // Another person's kiosk session shows none of it.
    REQUIRE_OK(d.tap("home.sign_out"));
    d.frames(2);
    CHECK(d.screen() == "attract");
    CHECK_FALSE(d.find("mypage.profile.percent"));
}
