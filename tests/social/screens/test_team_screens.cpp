// Guide 【3】【4】 on the touch screen: チーム (my teams), the team form
// (camera logo, URL, name, introduction) and 承認待ち一覧 with My page's
// banner, on the real app, store, SocialService, sync engine and
// madoguchi-server (social_screens_fixture.hpp): a team made offline shows
// 送信待ち at once and reaches the platform once with its logo, refused input
// is kept, an edit keeps the URL, invitations are accepted / declined after
// a confirmation, a member leaves, the owner cannot, and offline reads say so.
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "data/imaging/image.hpp"
#include "data/imaging/image_codec.hpp"
#include "data/model/social_rules.hpp"
#include "platform/camera/file_camera.hpp"
#include "tests/social/screens/social_screens_fixture.hpp"

using namespace madoguchi;
using namespace madoguchi::testing;

namespace {

// A folder with one logo picture the kiosk's FileCamera replays.
struct TeamLogoFolder {
    test::TempDir dir;
    TeamLogoFolder() {
        Image img = make_image(160, 120, 3, 230);
        for (int y = 30; y < 90; ++y)
            for (int x = 40; x < 120; ++x) img.at(x, y)[0] = static_cast<std::uint8_t>(x);
        auto png = encode_png(img);
        REQUIRE(png.ok());
        std::ofstream out(dir / "logo.png", std::ios::binary);
        out.write(reinterpret_cast<const char*>(png->data()), static_cast<std::streamsize>(png->size()));
    }
};

// Opens a field, pastes into it (what a hardware keyboard or a long text
// arrives as) and closes the keyboard.
void paste_into(UiDriver& d, const std::string& id, const std::string& text) {
    REQUIRE_OK(tap_in_view(d, id));
    for (int i = 0; i < 10 && !d.value(id).empty(); ++i) REQUIRE_OK(clear_open_field(d, id));  // 300 keys each
    REQUIRE(d.value(id).empty());
    if (!text.empty()) REQUIRE_OK(d.paste(text));
    REQUIRE_OK(tap_key(d, "kbd.done"));
    d.frames(2);
}

void open_teams(SocialScreensKiosk& k) {
    REQUIRE(k.d().screen() == "home");
    REQUIRE_OK(tap_in_view(k.d(), "home.teams"));
    REQUIRE(k.d().screen() == "teams");
    k.settle_reads();
}

void back_home(SocialScreensKiosk& k) {
    for (int i = 0; i < 4 && k.d().screen() != "home"; ++i) REQUIRE_OK(k.d().tap("header.back"));
    REQUIRE(k.d().screen() == "home");
}

std::size_t code_points(const std::string& s) { return utf8_length(s); }

std::string q(const std::string& s) { return "'" + s + "'"; }

}  // namespace

TEST_CASE("team screens: create with a camera logo offline, refused input kept, edit keeps the URL, sent once") {
    SocialScreensKiosk k;
    TeamLogoFolder logo_folder;
    FileCamera camera(logo_folder.dir.path().string());
    k.backend->companies().set_camera(&camera);  // the kiosk's camera, as KioskBackend sets it
    const std::string alice = k.sign_up("team_alice");
    k.wait_on_server({alice});
    k.sign_in("team_alice");

    open_teams(k);
    UiDriver& d = k.d();
    CHECK(d.value("teams.status") == "loaded");
    CHECK(!d.find("teams.row.0"));

    // 新しくチームを作る: the form in the guide's order, URL warning shown.
    REQUIRE_OK(d.tap("teams.new"));
    REQUIRE(d.screen() == "team_edit");
    REQUIRE(d.find("team_edit.slug_warning"));
    CHECK(d.value("team_edit.slug_warning") == "※一度決定すると変更が出来ないので、ご注意ください。");
    CHECK(d.value("team_edit.logo_state") == "none");
    REQUIRE_OK(tap_in_view(d, "team_edit.logo"));
    k.wait_for("the logo capture", [&] { return d.value("team_edit.logo_state") != "none"; });
    REQUIRE(d.value("team_edit.logo_state") == "set");
    k.wait_for("the logo preview", [&] { return d.value("team_edit.logo_preview") == "shown"; });

    // Wrong input: each refused inline, nothing typed lost.
    std::string ten_kb;
    while (ten_kb.size() < 10 * 1024) ten_kb += "溶接と塗装のチームです。";
    paste_into(d, "team_edit.slug", "チーム");
    paste_into(d, "team_edit.description", ten_kb);
    CHECK(!d.error("team_edit.description").empty());  // kept what fits and said so
    CHECK(code_points(d.value("team_edit.description")) == social_rules::kTeamDescriptionMax);
    const std::string kept_description = d.value("team_edit.description");
    REQUIRE_OK(tap_in_view(d, "team_edit.submit"));
    REQUIRE(d.screen() == "team_edit");
    CHECK(!d.error("team_edit.slug").empty());
    CHECK(!d.error("team_edit.name").empty());
    CHECK(d.value("team_edit.slug") == "チーム");
    CHECK(d.value("team_edit.description") == kept_description);
    CHECK(d.value("team_edit.logo_state") == "set");
    auto rows = k.store().outbox().counts();
    REQUIRE(rows.ok());

    // Full-width typed URL is normalized; saved while the platform is away.
    paste_into(d, "team_edit.slug", "ＣＯＲＥ－ｔｅａｍ");
    paste_into(d, "team_edit.name", "チームコアコンシェル");
    paste_into(d, "team_edit.description", "溶接と塗装のチームです。\n週末も対応します。");
    k.go_offline();
    REQUIRE_OK(tap_in_view(d, "team_edit.submit"));
    REQUIRE(d.screen() == "teams");
    k.settle_reads();
    // At once in the list, marked 送信待ち, while the list itself says offline.
    REQUIRE(d.find("teams.row.0"));
    CHECK(d.value("teams.row.0") == "チームコアコンシェル");
    CHECK(d.value("teams.row.0.sync") == "pending");
    CHECK(d.value("teams.row.0.role") == "owner");
    CHECK(d.value("teams.status") == "offline");
    CHECK(d.error("teams.status").find("通信できないため表示できません") != std::string::npos);
    REQUIRE(d.find("teams.reload"));

    k.go_online();
    k.wait_delivered();
    // Sent: the list reads the platform again and the row is the platform's.
    k.wait_for("the team from the platform", [&] {
        return d.value("teams.status") == "loaded" && d.value("teams.row.0.sync") == "sent" &&
               d.value("teams.row.0.members") == "1";
    });
    CHECK(d.value("teams.row.0.role") == "owner");
    CHECK(d.find("teams.row.0.edit"));
    CHECK(!d.find("teams.row.0.leave"));  // the owner cannot leave, and is told why
    CHECK(d.find("teams.row.0.owner_note"));
    CHECK(k.server_count("SELECT COUNT(*) FROM teams") == 1);
    CHECK(k.server_count("SELECT COUNT(*) FROM teams WHERE url_slug='core-team' AND name='チームコアコンシェル'"
                         " AND description='溶接と塗装のチームです。\n週末も対応します。'") == 1);
    // The logo is a completed upload on the platform, once.
    CHECK(k.server_count("SELECT COUNT(*) FROM uploads u JOIN teams t ON t.logo_file_id = u.upload_id"
                         " WHERE u.state='complete' AND u.kind='team' AND u.length > 0") == 1);
    CHECK(k.server_count("SELECT COUNT(*) FROM uploads") == 1);

    // 編集する: the URL is shown, never editable; the logo is kept as it is.
    REQUIRE_OK(d.tap("teams.row.0.edit"));
    REQUIRE(d.screen() == "team_edit");
    k.settle_reads();
    REQUIRE(d.find("team_edit.slug"));
    CHECK(d.find("team_edit.slug")->kind == WidgetKind::text);
    CHECK(!d.find("team_edit.slug")->enabled);
    CHECK(d.value("team_edit.slug") == "core-team");
    CHECK(!d.find("team_edit.slug_warning"));
    CHECK(d.value("team_edit.logo_state") == "platform");
    CHECK(d.value("team_edit.name") == "チームコアコンシェル");
    paste_into(d, "team_edit.name", "");
    REQUIRE_OK(tap_in_view(d, "team_edit.submit"));
    CHECK(d.screen() == "team_edit");
    CHECK(!d.error("team_edit.name").empty());
    paste_into(d, "team_edit.name", "チームコアコンシェル東京");
    REQUIRE_OK(tap_in_view(d, "team_edit.submit"));
    REQUIRE(d.screen() == "teams");
    k.wait_delivered();
    CHECK(k.server_count("SELECT COUNT(*) FROM teams") == 1);
    CHECK(k.server_count("SELECT COUNT(*) FROM teams WHERE url_slug='core-team' AND name='チームコアコンシェル東京'"
                         " AND logo_file_id <> ''") == 1);
    CHECK(k.server_count("SELECT COUNT(*) FROM uploads") == 1);  // the edit sent no second copy
}

TEST_CASE("team screens: banner, accept and decline after confirmation, a member leaves, offline said") {
    SocialScreensKiosk k;
    const std::string alice = k.sign_up("inv_alice");
    const std::string bob = k.sign_up("inv_bob");
    const std::string carol = k.sign_up("inv_carol");
    k.wait_on_server({alice, bob, carol});
    Team team;
    team.url_slug = "weld-crew";
    team.name = "溶接クルー";
    auto saved = k.social().save_team(alice, team);
    REQUIRE(saved.ok());
    const std::string team_id = saved.record.meta.client_id;
    k.wait_delivered();
    // The invite sheet is on worker_detail (another screen): through the service.
    REQUIRE(k.social().invite(alice, team_id, bob, "一緒に溶接しましょう").ok());
    REQUIRE(k.social().invite(alice, team_id, carol, "").ok());
    k.wait_delivered();
    UiDriver& d = k.d();

    // Bob: My page says 1 件; 承認 after a confirmation, 送信待ち, then gone.
    k.sign_in("inv_bob");
    k.wait_for("the invitation banner", [&] { return d.find("home.invitations") != nullptr; });
    CHECK(d.value("home.invitations_count") == "1");
    CHECK(d.find("home.invitations")->label.find("承認待ちの招待が 1 件あります") != std::string::npos);
    REQUIRE_OK(d.tap("home.invitations"));
    REQUIRE(d.screen() == "invitations");
    k.settle_reads();
    REQUIRE(d.find("invitations.row.0"));
    CHECK(d.value("invitations.row.0") == "溶接クルー / inv_alice / 一緒に溶接しましょう");
    k.go_offline();  // so the queued answer is seen before it leaves
    REQUIRE_OK(d.tap("invitations.row.0.accept"));
    REQUIRE(d.find("confirm.ok"));
    REQUIRE_OK(d.tap("confirm.cancel"));  // changing one's mind changes nothing
    CHECK(d.value("invitations.row.0.sync") == "open");
    REQUIRE_OK(d.tap("invitations.row.0.accept"));
    REQUIRE_OK(d.tap("confirm.ok"));
    d.frames(2);
    CHECK(d.value("invitations.row.0.sync") == "pending");
    CHECK(!d.find("invitations.row.0.accept"));
    k.go_online();
    k.wait_delivered();
    k.wait_for("the answered row to go", [&] {
        d.advance_seconds(1);
        return !d.find("invitations.row.0");
    });
    CHECK(k.server_count("SELECT COUNT(*) FROM team_members WHERE account_id=" + q(bob) + " AND role='member'") == 1);

    // Bob leaves (a member may), after a confirmation.
    back_home(k);
    k.wait_for("the banner to go", [&] { return d.find("home.invitations") == nullptr; });
    open_teams(k);
    REQUIRE(d.find("teams.row.0"));
    CHECK(d.value("teams.row.0.role") == "member");
    k.wait_for("the member count", [&] { return d.value("teams.row.0.members") == "2"; });
    CHECK(!d.find("teams.row.0.edit"));
    REQUIRE_OK(d.tap("teams.row.0.leave"));
    REQUIRE_OK(d.tap("confirm.ok"));
    d.frames(2);
    k.wait_delivered();
    CHECK(k.server_count("SELECT COUNT(*) FROM team_members WHERE account_id=" + q(bob)) == 0);
    k.wait_for("the team to leave the list", [&] {
        d.advance_seconds(1);
        return !d.find("teams.row.0") && d.value("teams.status") == "loaded";
    });

    // Carol declines.
    k.sign_in("inv_carol");
    k.wait_for("the invitation banner", [&] { return d.find("home.invitations") != nullptr; });
    REQUIRE_OK(d.tap("home.invitations"));
    k.settle_reads();
    CHECK(d.value("invitations.row.0") == "溶接クルー / inv_alice / ");
    REQUIRE_OK(d.tap("invitations.row.0.decline"));
    REQUIRE_OK(d.tap("confirm.ok"));
    k.wait_delivered();
    CHECK(k.server_count("SELECT COUNT(*) FROM team_invitations WHERE invitee_id=" + q(carol) +
                         " AND status='declined'") == 1);
    CHECK(k.server_count("SELECT COUNT(*) FROM team_members WHERE account_id=" + q(carol)) == 0);

    // Alice, the owner: no 脱退, told why; offline, the list says so.
    k.sign_in("inv_alice");
    CHECK(!d.find("home.invitations"));
    k.settle_reads();
    CHECK(!d.find("home.invitations"));
    open_teams(k);
    REQUIRE(d.find("teams.row.0"));
    CHECK(d.value("teams.row.0.role") == "owner");
    CHECK(!d.find("teams.row.0.leave"));
    CHECK(d.value("teams.row.0.owner_note") == "オーナーは脱退できません（チームには必ずオーナーが1人必要です）。");
    back_home(k);
    k.go_offline();
    open_teams(k);
    CHECK(d.value("teams.status") == "offline");
    CHECK(!d.find("teams.row.0"));  // never a stale copy
    REQUIRE(d.find("teams.reload"));
    k.go_online();
    REQUIRE_OK(d.tap("teams.reload"));
    k.settle_reads();
    CHECK(d.value("teams.status") == "loaded");
    CHECK(d.find("teams.row.0"));
}
