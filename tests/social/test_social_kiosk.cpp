// The kiosk side of social (docs/social.md): outbox operations → requests,
// the codec of the read models, the service's input checks, and an e2e where
// a message, follows, a team, an invitation and its acceptance are queued
// while the server is down and arrive exactly once after it comes back.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "data/model/social_json.hpp"
#include "data/store/social_repositories.hpp"
#include "net/api_client.hpp"
#include "net/http_client.hpp"
#include "net/outbox_routes.hpp"
#include "net/social_client.hpp"
#include "services/social_service.hpp"
#include "tests/net/kiosk_fixture.hpp"

using namespace madoguchi;
using namespace madoguchi::test;
using namespace std::chrono_literals;
using nlohmann::json;

TEST_CASE("social outbox operations map to the API of docs/social.md") {
    struct Row {
        std::string operation, entity;
        json payload;
        std::string method, path, body_key;
    };
    const std::vector<Row> rows{
        {"message.send", "m1", {{"client_id", "m1"}, {"to_account_id", "b"}, {"text", "こんにちは"}}, "POST", "/v1/accounts/A/messages", "text"},
        {"follow.create", "A.b", {{"worker_id", "b"}, {"follow", true}}, "PUT", "/v1/accounts/A/following/b", ""},
        {"follow.delete", "A.b", {{"worker_id", "b"}, {"follow", false}}, "DELETE", "/v1/accounts/A/following/b", ""},
        {"team.create", "t1", {{"url_slug", "core"}, {"name", "コア"}}, "PUT", "/v1/accounts/A/teams/t1", "url_slug"},
        {"team.update", "t1", {{"url_slug", "core"}, {"name", "コア2"}}, "PUT", "/v1/accounts/A/teams/t1", "name"},
        {"team_invitation.create", "i1", {{"team_id", "t1"}, {"invitee_account_id", "b"}, {"comment", ""}}, "PUT",
         "/v1/accounts/A/teams/t1/invitations/i1", "invitee_account_id"},
        {"team_answer.accept", "x1", {{"answer", "accept"}, {"invitation_id", "i1"}}, "POST", "/v1/accounts/A/invitations/i1/accept", ""},
        {"team_answer.decline", "x2", {{"answer", "decline"}, {"invitation_id", "i1"}}, "POST", "/v1/accounts/A/invitations/i1/decline", ""},
        {"team_answer.leave", "x3", {{"answer", "leave"}, {"team_id", "t1"}}, "DELETE", "/v1/accounts/A/teams/t1/membership", ""},
    };
    for (const auto& r : rows) {
        CAPTURE(r.operation);
        auto planned = plan_request(r.operation, "A", r.entity, r.payload);
        REQUIRE(planned.ok());
        CHECK(planned->method == r.method);
        CHECK(planned->path == r.path);
        CHECK(planned->account_id == "A");
        if (!r.body_key.empty()) CHECK(json::parse(planned->body).contains(r.body_key));
    }
    auto invitation = plan_request("team_invitation.create", "A", "i1", {{"team_id", "t1"}, {"invitee_account_id", "b"}});
    REQUIRE(invitation.ok());
    CHECK(!json::parse(invitation->body).contains("team_id"));  // it is in the path
    CHECK(json::parse(plan_request("message.send", "A", "m9", {{"to_account_id", "b"}, {"text", "x"}})->body)["client_id"] == "m9");
    // Payloads missing what the path needs are dead-lettered, not sent somewhere wrong.
    CHECK(!plan_request("follow.create", "A", "A.b", json::object()).ok());
    CHECK(!plan_request("team_invitation.create", "A", "i1", {{"invitee_account_id", "b"}}).ok());
    CHECK(!plan_request("team_answer.accept", "A", "x", json::object()).ok());
}

TEST_CASE("the read models decode the server's replies; a wrong type is a malformed reply") {
    const std::string card = R"({"account_id":"w1","username":"taro","nickname":"たろう","self_introduction":"",
        "work_status":"available","age_bracket":"30代","skills":[{"name":"溶接","level":3,"years_experience":2}],
        "followed_by_me":true,"follows_me":false,"unknown_later_field":1})";
    auto c = decode_social_reply<WorkerCard>(card);
    REQUIRE(c.ok());
    CHECK(c->who.nickname == "たろう");
    CHECK(c->age_bracket == std::optional<std::string>("30代"));
    REQUIRE(c->skills.size() == 1);
    CHECK(c->skills[0].level == 3);
    CHECK(c->followed_by_me);
    auto page = decode_social_reply<WorkerCardPage>(R"({"items":[],"next_offset":null})");
    REQUIRE(page.ok());
    CHECK(!page->next_offset.has_value());
    auto history = decode_social_reply<MessagePage>(R"({"items":[{"seq":7,"text":"x"}],"next_before":7})");
    REQUIRE(history.ok());
    CHECK(history->next_before == std::optional<std::int64_t>(7));
    CHECK(decode_social_reply<WorkerCard>(R"({"nickname":5})").failure().kind == FailureKind::malformed_reply);
    CHECK(decode_social_reply<WorkerCard>("<html>").failure().kind == FailureKind::malformed_reply);
}

TEST_CASE("social writes queued offline arrive exactly once when the server is back") {
    KioskFixture k;
    Store& s = k.store();
    const std::string alice = k.sign_up_offline("alice_outbox").meta.client_id;
    const std::string bob = k.sign_up_offline("bob_outbox").meta.client_id;
    REQUIRE(s.begin_session(alice).ok());
    k.server().stop();  // the kiosk is offline from here on

    SocialService service(s, k.server().base_url(), [token = k.device_token()] { return token; },
                          [](std::function<void()> f) { f(); });
    // What the person typed is refused with a message, and kept.
    std::string ten_kb;
    while (ten_kb.size() < 10 * 1024) ten_kb += "あいうえお";
    auto refused = service.send_message(alice, bob, ten_kb);
    REQUIRE(!refused.ok());
    CHECK(refused.errors.front().field == "text");
    CHECK(refused.errors.front().message_ja.find("2000文字以内") != std::string::npos);
    CHECK(refused.record.text == ten_kb);
    CHECK(!service.send_message(alice, bob, "").ok());
    CHECK(!service.set_following(alice, alice, true).ok());
    Team bad_team;
    bad_team.url_slug = "ａ";
    CHECK(!service.save_team(alice, bad_team).ok());

    // Reads need the network: offline, said so.
    bool answered = false;
    service.contacts(alice, [&](SocialRead<Contacts> r) {
        CHECK(!r.ok);
        CHECK(r.offline);
        CHECK(!r.error.message_ja.empty());
        answered = true;
    });
    for (int i = 0; i < 100 && !answered; ++i) std::this_thread::sleep_for(50ms);
    CHECK(answered);

    auto message = service.send_message(alice, bob, "はじめまして。\n溶接の件です。");
    REQUIRE(message.ok());
    REQUIRE(service.set_following(alice, bob, true).ok());
    REQUIRE(service.set_following(bob, alice, true).ok());
    Team team;
    team.url_slug = "ＯＵＴＢＯＸ-Team";  // full-width typed: normalized before queuing
    team.name = "アウトボックス班";
    auto saved_team = service.save_team(alice, team);
    REQUIRE(saved_team.ok());
    CHECK(saved_team.record.url_slug == "outbox-team");
    auto invitation = service.invite(alice, saved_team.record.meta.client_id, bob, "一緒にやりましょう");
    REQUIRE(invitation.ok());
    // Bob accepts on the same kiosk before anything left: his answer names
    // Alice's invitation, and Alice's follow names Bob's account, so these
    // rows leave in the kiosk's order across owners (docs/sync.md).
    REQUIRE(service.answer_invitation(bob, invitation.record.meta.client_id, true).ok());

    SyncEngine engine(k.engine_config(), k.store_opener(), k.event_sink());
    engine.start();
    engine.notify();
    std::this_thread::sleep_for(700ms);  // a few attempts against the closed port
    k.server().start();
    engine.notify();
    REQUIRE(k.wait_drained(60s));
    engine.stop();
    auto counts = s.outbox().counts();
    REQUIRE(counts.ok());
    CHECK(counts->dead_letter == 0);

    CHECK(k.server_count("SELECT COUNT(*) FROM messages") == 1);
    CHECK(k.server_count("SELECT COUNT(*) FROM messages WHERE client_id='" + message.record.meta.client_id + "'") == 1);
    CHECK(k.server_count("SELECT COUNT(*) FROM follows") == 2);
    CHECK(k.server_count("SELECT COUNT(*) FROM teams WHERE url_slug='outbox-team'") == 1);
    CHECK(k.server_count("SELECT COUNT(*) FROM team_members") == 2);
    CHECK(k.server_count("SELECT COUNT(*) FROM team_invitations WHERE status='accepted'") == 1);

    // The same outbox rows sent again (a reply lost on the way back): still once.
    HttpClient http(HttpClientConfig{});
    ApiClient api(http, ApiClientConfig{k.server().base_url(), k.device_token(), ""});
    auto resend = plan_request("message.send", alice, message.record.meta.client_id, json(message.record));
    REQUIRE(resend.ok());
    auto again = api.call(resend->method, resend->path, resend->body, alice, make_idempotency_key());
    REQUIRE(again.ok());
    CHECK(again->status == 200);
    auto refollow = plan_request("follow.create", alice, alice + "." + bob, {{"worker_id", bob}});
    REQUIRE(refollow.ok());
    CHECK(api.call(refollow->method, refollow->path, refollow->body, alice, make_idempotency_key()).ok());
    CHECK(k.server_count("SELECT COUNT(*) FROM messages") == 1);
    CHECK(k.server_count("SELECT COUNT(*) FROM follows") == 2);

    // Online now: the reads show what was sent.
    SocialClient client(api);
    auto contacts = client.contacts(alice);
    REQUIRE(contacts.ok());
    REQUIRE(contacts->friends.size() == 1);
    CHECK(contacts->friends[0].who.account_id == bob);
    auto threads = client.threads(bob);
    REQUIRE(threads.ok());
    REQUIRE(threads->items.size() == 1);
    CHECK(threads->items[0].last_message.text == "はじめまして。\n溶接の件です。");
    auto teams = client.my_teams(bob);
    REQUIRE(teams.ok());
    REQUIRE(teams->size() == 1);
    CHECK(teams->front().my_role == "member");
}
