// ワーカーを探す / ワーカー詳細 / チームに招待する (guide 【1】【2】【4】)
// through the touch screen on the real app, store, SocialService, sync
// engine and madoguchi-server: search by nickname and skill, paging, the
// card, follow/unfollow reaching the platform, an invitation with a
// comment, hostile comment input, offline, and a reply arriving after the
// person left.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "data/store/store.hpp"
#include "tests/social/screens/social_screens_fixture.hpp"

using namespace madoguchi;
using namespace madoguchi::testing;

namespace {

// Every button drawn now is at least the theme's touch minimum both ways.
void check_worker_buttons_touchable(UiDriver& d, const std::string& prefix) {
    Metrics m;
    m.em = d.app().config().font_size_px;
    int buttons = 0;
    for (const WidgetRecord* r : d.app().registry().with_prefix(prefix)) {
        if (r->kind != WidgetKind::button) continue;
        INFO(r->id);
        CHECK(r->rect.w >= m.touch_min() - 0.5f);
        CHECK(r->rect.h >= m.touch_min() - 0.5f);
        ++buttons;
    }
    CHECK(buttons > 0);
}

// Taps a field, replaces its text with a paste, closes the keyboard.
void workers_paste_into(UiDriver& d, const std::string& id, const std::string& text) {
    REQUIRE_OK(tap_in_view(d, id));
    REQUIRE_OK(clear_open_field(d, id));
    if (!text.empty()) REQUIRE_OK(d.paste(text));
    REQUIRE_OK(d.tap("kbd.done"));
    d.frames(2);
}

// Runs a search from the search screen and waits for its answer.
void workers_search(SocialScreensKiosk& k, const std::string& text, const std::string& skill) {
    UiDriver& d = k.d();
    workers_paste_into(d, "workers.query", text);
    workers_paste_into(d, "workers.skill", skill);
    REQUIRE_OK(tap_in_view(d, "workers.search"));
    k.wait_for("the search", [&] { return d.value("workers.status") != "searching"; });
}

// The outbox rows of `operation`, each once: the sync engine may move a row
// from pending to sending between two of these reads, so rows are keyed by id.
std::vector<OutboxRow> workers_rows(Store& s, const std::string& operation) {
    std::map<std::int64_t, OutboxRow> by_id;
    for (auto st : {OutboxState::pending, OutboxState::sending, OutboxState::done, OutboxState::dead_letter}) {
        auto rows = s.outbox().list(st);
        REQUIRE(rows.ok());
        for (auto& r : *rows)
            if (r.operation == operation) by_id.emplace(r.id, r);
    }
    std::vector<OutboxRow> out;
    for (auto& [id, r] : by_id) out.push_back(std::move(r));
    return out;
}

Skill workers_skill(const std::string& name, int level, int years) {
    Skill s;
    s.name = name;
    s.level = level;
    s.years_experience = years;
    return s;
}

void open_worker_search(UiDriver& d) {
    REQUIRE(d.screen() == "home");
    REQUIRE_OK(tap_in_view(d, "home.workers"));
    REQUIRE(d.screen() == "worker_search");
}

}  // namespace

TEST_CASE("workers: search by nickname and skill, detail, follow and unfollow, invite to my team") {
    SocialScreensKiosk k;
    UiDriver& d = k.d();
    const std::string bob = k.sign_up("bob_worker");
    k.give_profile(bob, "bob_worker", "はなこ", {workers_skill("溶接", 3, 10), workers_skill("エクセル", 2, 1)});
    REQUIRE_OK(sign_up_through_screens(d, "alice_viewer", "alice_viewer@example.jp"));
    const std::string alice = k.viewer();
    REQUIRE(!alice.empty());
    Team team;
    team.url_slug = "weld-team";
    team.name = "溶接チーム";
    auto saved_team = k.social().save_team(alice, team);
    REQUIRE(saved_team.ok());
    const std::string team_id = saved_team.record.meta.client_id;
    k.wait_on_server({alice, bob});
    REQUIRE(k.server_count("SELECT COUNT(*) FROM teams WHERE team_id='" + team_id + "'") == 1);

    open_worker_search(d);
    CHECK(d.value("workers.status") == "idle");  // nothing is read before 検索する
    check_worker_buttons_touchable(d, "workers.");

    // By nickname: the card shows what the guide's list shows.
    workers_search(k, "はなこ", "");
    REQUIRE(d.value("workers.status") == "found");
    CHECK(d.value("workers.count") == "1");
    CHECK(d.value("workers.result.0") == bob);
    CHECK(d.value("workers.result.0.nickname") == "はなこ");
    CHECK(d.value("workers.result.0.username") == "bob_worker");
    CHECK(d.value("workers.result.0.status") == "depends_on_work");
    CHECK(d.value("workers.result.0.age_bracket") == "30代");  // born 1990, shown by choice
    CHECK(d.value("workers.result.0.skills") == "溶接,エクセル");
    CHECK(!d.find("workers.more"));  // one page
    check_worker_buttons_touchable(d, "workers.");

    // By skill (partial), and a search that finds nobody.
    workers_search(k, "", "溶");
    REQUIRE(d.value("workers.status") == "found");
    CHECK(d.value("workers.result.0") == bob);
    workers_search(k, "", "存在しないスキル");
    CHECK(d.value("workers.status") == "none");
    CHECK(!d.find("workers.result.0"));
    // A paste longer than the platform's search limit keeps what fits and says so.
    REQUIRE_OK(tap_in_view(d, "workers.query"));
    REQUIRE_OK(clear_open_field(d, "workers.query"));
    REQUIRE_OK(d.paste(std::string(60, 'a')));
    CHECK(!d.error("workers.query").empty());
    CHECK(d.value("workers.query") == std::string(50, 'a'));
    REQUIRE_OK(d.tap("kbd.done"));

    // Detail: the full card, follow state, actions.
    workers_search(k, "bob", "");
    REQUIRE(d.value("workers.status") == "found");
    REQUIRE_OK(tap_in_view(d, "workers.result.0.detail"));
    REQUIRE(d.screen() == "worker_detail");
    k.wait_for("the card", [&] { return d.value("worker.state") == "loaded"; });
    CHECK(d.value("worker.card.nickname") == "はなこ");
    CHECK(d.value("worker.card.self_intro").find("溶接の仕事") != std::string::npos);
    CHECK(d.value("worker.follow_state") == "not_following");
    check_worker_buttons_touchable(d, "worker.");

    // 相談をする: the thread with this worker, a new one (no thread id).
    REQUIRE_OK(tap_in_view(d, "worker.consult"));
    CHECK(d.screen() == "message_thread");
    CHECK(k.ui.app.session().social.worker_id == bob);
    CHECK(k.ui.app.session().social.thread_id.empty());
    k.settle_reads();
    REQUIRE_OK(tap_in_view(d, "header.back"));
    REQUIRE(d.screen() == "worker_detail");
    CHECK(d.value("worker.state") == "loaded");

    // フォローする: shown at once as 送信待ち, queued, then on the platform.
    REQUIRE_OK(tap_in_view(d, "worker.follow"));
    CHECK(d.value("worker.follow_state").rfind("following", 0) == 0);
    auto follows = workers_rows(k.store(), "follow.create");
    REQUIRE(follows.size() == 1);
    CHECK(follows[0].entity_client_id == alice + "." + bob);
    k.wait_delivered();
    CHECK(k.server_count("SELECT COUNT(*) FROM follows WHERE follower_id='" + alice + "' AND followee_id='" + bob +
                         "'") == 1);
    k.wait_for("the card to show the follow", [&] {
        d.advance_seconds(1);
        return d.value("worker.follow_state") == "following";
    });

    // フォローをやめる: the same way back.
    REQUIRE_OK(tap_in_view(d, "worker.follow"));
    CHECK(d.value("worker.follow_state").rfind("not_following", 0) == 0);
    CHECK(workers_rows(k.store(), "follow.delete").size() == 1);
    k.wait_delivered();
    CHECK(k.server_count("SELECT COUNT(*) FROM follows") == 0);
    k.wait_for("the card to show no follow", [&] {
        d.advance_seconds(1);
        return d.value("worker.follow_state") == "not_following";
    });

    // チームに招待する: my only team is chosen; the comment takes hostile input.
    REQUIRE_OK(tap_in_view(d, "worker.invite"));
    k.wait_for("my teams", [&] { return d.value("invite.state") != "loading"; });
    REQUIRE(d.value("invite.state") == "loaded");
    CHECK(d.value("invite.chosen") == team_id);
    check_worker_buttons_touchable(d, "invite.");
    struct CommentCase {
        const char* what;
        std::string paste;
        std::string kept;  // the comment afterwards
    };
    std::string ten_kb;
    while (ten_kb.size() < 10 * 1024) ten_kb += "よろしくお願いします";
    std::string first_500;
    {
        std::size_t chars = 0, i = 0;
        while (chars < 500) {  // 3-byte characters only
            first_500 += ten_kb.substr(i, 3);
            i += 3;
            ++chars;
        }
    }
    const std::vector<CommentCase> cases{
        {"emoji removed, the rest kept", "一緒にやりましょう😀！", "一緒にやりましょう！"},
        {"control characters removed", std::string("溶接\x01チーム"), "溶接チーム"},
        {"a 10 kB paste keeps what fits", ten_kb, first_500},
    };
    for (const CommentCase& c : cases) {
        CAPTURE(c.what);
        REQUIRE_OK(tap_in_view(d, "invite.comment"));
        REQUIRE_OK(clear_open_field(d, "invite.comment"));
        REQUIRE_OK(d.paste(c.paste));
        CHECK(!d.error("invite.comment").empty());  // the person is told
        CHECK(d.value("invite.comment") == c.kept);
        REQUIRE_OK(d.tap("kbd.done"));
        d.frames(2);
        CHECK(!d.error("invite.comment").empty());  // still shown under the field
    }
    // The 500 characters kept are a valid comment: 招待する queues it and
    // closes the sheet.
    REQUIRE_OK(tap_in_view(d, "invite.submit"));
    CHECK(!d.find("invite.state"));
    CHECK(d.screen() == "worker_detail");
    REQUIRE(workers_rows(k.store(), "team_invitation.create").size() == 1);
    k.wait_delivered();
    CHECK(k.server_count("SELECT COUNT(*) FROM team_invitations WHERE team_id='" + team_id + "' AND invitee_id='" +
                         bob + "' AND inviter_id='" + alice + "' AND status='pending' AND comment='" + first_500 +
                         "'") == 1);

    // From コンタクト's 「チームに招待する」: worker detail opens with the sheet
    // already open (session.social.open_invite), and the flag is reset.
    REQUIRE_OK(tap_in_view(d, "worker.follow"));
    k.wait_delivered();
    REQUIRE_OK(tap_in_view(d, "header.back"));
    REQUIRE_OK(tap_in_view(d, "header.back"));
    REQUIRE(d.screen() == "home");
    REQUIRE_OK(tap_in_view(d, "home.contacts"));
    REQUIRE(d.screen() == "contacts");
    REQUIRE_OK(tap_in_view(d, "contacts.tab.2"));  // フォロー
    k.settle_reads();
    REQUIRE_OK(tap_in_view(d, "contacts.person.0.invite"));
    REQUIRE(d.screen() == "worker_detail");
    CHECK(!k.ui.app.session().social.open_invite);
    k.wait_for("my teams", [&] { return d.value("invite.state") != "loading"; });
    CHECK(d.value("invite.state") == "loaded");
    CHECK(d.value("invite.chosen") == team_id);
    REQUIRE_OK(tap_in_view(d, "invite.cancel"));
    k.wait_for("the card", [&] { return d.value("worker.state") == "loaded"; });
    CHECK(d.value("worker.card.nickname") == "はなこ");
}

TEST_CASE("workers: offline search and detail say so with 再読み込み; follow works offline; no team to invite to") {
    SocialScreensKiosk k;
    UiDriver& d = k.d();
    const std::string bob = k.sign_up("bob_offline");
    REQUIRE_OK(sign_up_through_screens(d, "alice_offline", "alice_offline@example.jp"));
    const std::string alice = k.viewer();
    k.wait_on_server({alice, bob});

    open_worker_search(d);
    workers_search(k, "bob_off", "");
    REQUIRE(d.value("workers.status") == "found");
    CHECK(d.value("workers.result.0.nickname").empty());  // no profile yet: @username stands in
    CHECK(!d.find("workers.result.0.age_bracket"));       // never shown unless chosen
    REQUIRE_OK(tap_in_view(d, "workers.result.0.detail"));
    k.wait_for("the card", [&] { return d.value("worker.state") == "loaded"; });

    // No team of mine yet: the sheet says so instead of a list.
    REQUIRE_OK(tap_in_view(d, "worker.invite"));
    k.wait_for("my teams", [&] { return d.value("invite.state") != "loading"; });
    CHECK(d.value("invite.state") == "no_teams");
    CHECK(!d.find("invite.submit"));
    REQUIRE_OK(tap_in_view(d, "invite.cancel"));

    k.server.stop();
    // Follow offline: queued, shown as 送信待ち.
    REQUIRE_OK(tap_in_view(d, "worker.follow"));
    CHECK(d.value("worker.follow_state") == "following,pending");
    CHECK(workers_rows(k.store(), "follow.create").size() == 1);
    // The card is read again while the change waits: offline now, never a stale card.
    k.wait_for("the offline card", [&] {
        d.advance_seconds(1);
        return d.value("worker.state") == "offline";
    });
    CHECK(d.find("worker.reload"));
    CHECK(!d.find("worker.card.nickname"));
    // Invitation sheet offline: said so, with 再読み込み.
    REQUIRE_OK(tap_in_view(d, "header.back"));
    REQUIRE(d.screen() == "worker_search");
    REQUIRE_OK(tap_in_view(d, "workers.search"));
    k.wait_for("the search", [&] { return d.value("workers.status") != "searching"; });
    CHECK(d.value("workers.status") == "offline");
    CHECK(!d.find("workers.result.0"));  // the earlier list is gone, not shown stale
    REQUIRE(d.find("workers.reload"));
    check_worker_buttons_touchable(d, "workers.");

    // Back online: 再読み込み finds again and the queued follow arrives.
    k.server.start();
    REQUIRE_OK(tap_in_view(d, "workers.reload"));
    k.wait_for("the search", [&] { return d.value("workers.status") != "searching"; });
    CHECK(d.value("workers.status") == "found");
    k.wait_delivered();
    CHECK(k.server_count("SELECT COUNT(*) FROM follows WHERE follower_id='" + alice + "'") == 1);
}

TEST_CASE("workers: 20 cards a page with もっと見る; a reply after sign-out never reaches the next person") {
    SocialScreensKiosk k;
    UiDriver& d = k.d();
    std::vector<std::string> workers;
    for (int i = 0; i < 21; ++i) {
        const std::string n = (i < 10 ? "pager_w0" : "pager_w") + std::to_string(i);
        workers.push_back(k.sign_up(n));
    }
    REQUIRE_OK(sign_up_through_screens(d, "alice_pager", "alice_pager@example.jp"));
    workers.push_back(k.viewer());
    k.wait_on_server(workers);

    open_worker_search(d);
    workers_search(k, "pager_w", "");
    REQUIRE(d.value("workers.status") == "found");
    CHECK(d.value("workers.count") == "20");
    REQUIRE(d.find("workers.more"));
    REQUIRE_OK(tap_in_view(d, "workers.more"));
    k.wait_for("the next page", [&] { return d.value("workers.count") == "21"; });
    CHECK(!d.find("workers.more"));  // the last page
    CHECK(d.value("workers.status") == "found");

    // Alice searches again and leaves before the answer is drawn: the reply
    // is posted to the UI queue, which runs only in the next frame — after
    // the wipe. Nothing of hers may show on the next person's screen.
    REQUIRE_OK(tap_in_view(d, "workers.search"));
    k.ui.app.wipe_session();
    k.wait_for("the read to finish", [&] { return !k.social().busy(); });
    d.frames(3);
    REQUIRE(d.screen() == "attract");
    REQUIRE_OK(sign_up_through_screens(d, "carol_next", "carol_next@example.jp"));
    open_worker_search(d);
    d.frames(3);
    CHECK(d.value("workers.status") == "idle");
    CHECK(d.value("workers.count") == "0");
    CHECK(!d.find("workers.result.0"));
}
