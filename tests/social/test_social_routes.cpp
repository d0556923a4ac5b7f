// e2e on the real server: the social routes of docs/social.md — who may call
// them, what a worker card may show, validation messages, paging, follows,
// contacts, messages exactly once, teams and invitations.
#include <doctest/doctest.h>

#include <set>

#include "tests/server/server_process.hpp"

using namespace madoguchi::server_test;
using nlohmann::json;

namespace {

// Alice and Bob signed up on kiosk A, Carol on kiosk B.
struct Social {
    ServerProcess server;
    ApiClient a{server.port()};
    ApiClient b{server.port()};
    std::string alice, bob, carol;
    Social() {
        a.enroll("kiosk-a");
        b.enroll("kiosk-b");
        alice = sign_up(a, "alice_social");
        bob = sign_up(a, "bob_social");
        carol = sign_up(b, "carol_social");
    }
    static std::string base(const std::string& aid) { return "/v1/accounts/" + aid; }
    void profile(ApiClient& c, const std::string& aid, const std::string& nickname, bool show_age) {
        auto r = c.send("PUT", base(aid) + "/profile",
                        {{"nickname", nickname}, {"family_name", "山田"}, {"given_name", "花子"},
                         {"family_name_kana", "ヤマダ"}, {"given_name_kana", "ハナコ"}, {"birth_date", "1990-05-01"},
                         {"postal_code", "1000001"}, {"phone", "0312345678"}, {"show_age_bracket", show_age},
                         {"self_introduction", "溶接が得意です"}, {"hourly_rate_yen", nullptr}});
        REQUIRE_MESSAGE(r.status / 100 == 2, r.raw);
    }
    void skill(ApiClient& c, const std::string& aid, const std::string& name) {
        auto r = c.send("PUT", base(aid) + "/skills/" + ApiClient::new_key(), {{"name", name}, {"level", 3}, {"years_experience", 2}});
        REQUIRE_MESSAGE(r.status == 201, r.raw);
    }
};

std::set<std::string> ids(const json& items) {
    std::set<std::string> out;
    for (const auto& i : items) out.insert(i.at("account_id").get<std::string>());
    return out;
}

}  // namespace

TEST_CASE("social routes need the device and an account the device may act for") {
    Social s;
    ApiClient anonymous(s.server.port());
    for (const std::string path : {"/workers", "/following", "/followers", "/contacts", "/threads", "/teams", "/invitations"}) {
        CAPTURE(path);
        CHECK(anonymous.get(Social::base(s.alice) + path).status == 401);
        CHECK(s.b.get(Social::base(s.alice) + path).status == 403);  // kiosk B, no session of Alice
        CHECK(s.a.get(Social::base(s.alice) + path).status == 200);
    }
    CHECK(s.a.get(Social::base("no-such-account") + "/workers").status == 404);
    CHECK(s.b.send("PUT", Social::base(s.alice) + "/following/" + s.carol, json::object()).status == 403);
    auto msg = s.b.send("POST", Social::base(s.alice) + "/messages",
                        {{"client_id", ApiClient::new_key()}, {"to_account_id", s.carol}, {"text", "なりすまし"}});
    CHECK(msg.status == 403);
}

TEST_CASE("a worker card shows public fields only; the age bracket only when chosen") {
    Social s;
    s.profile(s.a, s.alice, "はなこ", false);
    s.skill(s.a, s.alice, "溶接");
    auto r = s.b.get(Social::base(s.carol) + "/workers/" + s.alice);
    REQUIRE_MESSAGE(r.status == 200, r.raw);
    const std::set<std::string> allowed{"account_id", "username",   "nickname",       "self_introduction", "work_status",
                                        "age_bracket", "skills",    "followed_by_me", "follows_me"};
    for (const auto& [key, _] : r.body.items()) CHECK_MESSAGE(allowed.count(key) == 1, "unexpected field " << key);
    CHECK(r.body["nickname"] == "はなこ");
    CHECK(r.body["age_bracket"].is_null());
    REQUIRE(r.body["skills"].size() == 1);
    CHECK(r.body["skills"][0]["name"] == "溶接");
    // Private data never appears anywhere in the reply.
    for (const std::string secret : {"山田", "ヤマダ", "alice_social@example.jp", "1000001", "0312345678", "1990"})
        CHECK_MESSAGE(r.raw.find(secret) == std::string::npos, "leaked " << secret);

    s.profile(s.a, s.alice, "はなこ", true);
    auto shown = s.b.get(Social::base(s.carol) + "/workers/" + s.alice);
    REQUIRE(shown.body["age_bracket"].is_string());
    CHECK(shown.body["age_bracket"].get<std::string>().find("代") != std::string::npos);
    CHECK(s.b.get(Social::base(s.carol) + "/workers/no-such-worker").status == 404);
}

TEST_CASE("worker search by nickname and skill, paged, never the viewer") {
    Social s;
    std::vector<std::string> welders;
    for (int i = 0; i < 5; ++i) {
        const std::string id = sign_up(s.a, "welder" + std::to_string(i));
        s.profile(s.a, id, "溶接工" + std::to_string(i), false);
        s.skill(s.a, id, i % 2 == 0 ? "TIG溶接" : "大工");
        welders.push_back(id);
    }
    s.profile(s.a, s.alice, "溶接好き", false);
    const std::string base = Social::base(s.alice) + "/workers";

    auto by_name = s.a.get(base + "?q=" + url_encode("溶接工") + "&limit=50");
    REQUIRE_MESSAGE(by_name.status == 200, by_name.raw);
    CHECK(ids(by_name.body["items"]) == std::set<std::string>(welders.begin(), welders.end()));
    CHECK(by_name.body["next_offset"].is_null());
    CHECK(ids(s.a.get(base + "?q=" + url_encode("溶接")).body["items"]).count(s.alice) == 0);  // not the viewer

    auto by_skill = s.a.get(base + "?skill=" + url_encode("tig"));
    CHECK(ids(by_skill.body["items"]) == std::set<std::string>{welders[0], welders[2], welders[4]});

    // Pages of two cover every worker once.
    std::set<std::string> seen;
    std::string next = "0";
    int pages = 0;
    while (!next.empty() && pages < 10) {
        auto page = s.a.get(base + "?q=" + url_encode("溶接工") + "&limit=2&offset=" + next);
        REQUIRE(page.status == 200);
        CHECK(page.body["items"].size() <= 2);
        for (const auto& id : ids(page.body["items"])) CHECK(seen.insert(id).second);
        next = page.body["next_offset"].is_null() ? "" : std::to_string(page.body["next_offset"].get<int>());
        ++pages;
    }
    CHECK(pages == 3);
    CHECK(seen.size() == 5);

    for (const std::string& bad : std::vector<std::string>{"?limit=0", "?limit=51", "?offset=-1", "?limit=abc", "?q=" + std::string(51, 'a')}) {
        CAPTURE(bad);
        auto r = s.a.get(base + bad);
        CHECK(r.status == 400);
        CHECK(!r.body["error"]["message_ja"].get<std::string>().empty());
    }
}

TEST_CASE("follow twice is one follow; mutual follows are friends in contacts") {
    Social s;
    const std::string alice_following = Social::base(s.alice) + "/following/";
    auto first = s.a.send("PUT", alice_following + s.bob, json::object());
    CHECK(first.status == 201);
    CHECK(first.body["followed_by_me"] == true);
    CHECK(s.a.send("PUT", alice_following + s.bob, json::object()).status == 200);
    CHECK(s.a.get(Social::base(s.bob) + "/followers").body["items"].size() == 1);
    CHECK(ids(s.a.get(Social::base(s.alice) + "/following").body["items"]) == std::set<std::string>{s.bob});

    auto self = s.a.send("PUT", alice_following + s.alice, json::object());
    CHECK(self.status == 422);
    CHECK(self.body["error"]["code"] == "follow.self");
    CHECK(s.a.send("PUT", alice_following + "nobody", json::object()).status == 404);

    // One-sided: not a friend yet.
    CHECK(s.a.get(Social::base(s.alice) + "/contacts").body["friends"].empty());
    REQUIRE(s.a.send("PUT", Social::base(s.bob) + "/following/" + s.alice, json::object()).status == 201);
    auto contacts = s.a.get(Social::base(s.alice) + "/contacts");
    CHECK(ids(contacts.body["friends"]) == std::set<std::string>{s.bob});
    CHECK(contacts.body["clients"].empty());
    CHECK(contacts.body["friends"][0]["follows_me"] == true);

    CHECK(s.a.send("DELETE", alice_following + s.bob, json()).status == 204);
    CHECK(s.a.send("DELETE", alice_following + s.bob, json()).status == 204);
    CHECK(s.a.get(Social::base(s.alice) + "/contacts").body["friends"].empty());
    CHECK(s.a.get(Social::base(s.bob) + "/followers").body["items"].empty());
}

TEST_CASE("messages: stored once per client_id, validated, readable by the two participants only") {
    Social s;
    const std::string send = Social::base(s.alice) + "/messages";
    const std::string cid = ApiClient::new_key();
    const json hello = {{"client_id", cid}, {"to_account_id", s.bob}, {"text", "はじめまして。\n溶接の件で相談です。"}};
    auto first = s.a.send("POST", send, hello);
    REQUIRE_MESSAGE(first.status == 201, first.raw);
    const std::string tid = first.body["thread_id"];
    // The outbox retrying with another Idempotency-Key still stores it once.
    auto again = s.a.send("POST", send, hello);
    CHECK(again.status == 200);
    CHECK(again.body["seq"] == first.body["seq"]);
    json other_text = hello;
    other_text["text"] = "別の内容";
    CHECK(s.a.send("POST", send, other_text).status == 409);

    // Bob answers in the same thread.
    auto reply = s.a.send("POST", Social::base(s.bob) + "/messages",
                          {{"client_id", ApiClient::new_key()}, {"to_account_id", s.alice}, {"text", "よろしくお願いします"}});
    REQUIRE(reply.status == 201);
    CHECK(reply.body["thread_id"] == tid);
    // A job question is its own thread.
    auto job = s.a.send("POST", send, {{"client_id", ApiClient::new_key()}, {"to_account_id", s.bob}, {"text", "質問です"}, {"job_id", "job-1"}});
    REQUIRE(job.status == 201);
    CHECK(job.body["thread_id"] != tid);

    auto threads = s.a.get(Social::base(s.bob) + "/threads");
    REQUIRE(threads.body["items"].size() == 2);
    CHECK(threads.body["items"][0]["thread_id"] == job.body["thread_id"]);  // latest activity first
    CHECK(threads.body["items"][1]["other"]["account_id"] == s.alice);
    CHECK(threads.body["items"][1]["last_message"]["text"] == "よろしくお願いします");

    auto history = s.a.get(Social::base(s.alice) + "/threads/" + tid + "/messages");
    REQUIRE(history.status == 200);
    REQUIRE(history.body["items"].size() == 2);
    CHECK(history.body["items"][0]["text"] == "よろしくお願いします");  // newest first
    CHECK(history.body["next_before"].is_null());
    auto paged = s.a.get(Social::base(s.alice) + "/threads/" + tid + "/messages?limit=1");
    REQUIRE(paged.body["items"].size() == 1);
    const auto before = paged.body["next_before"].get<std::int64_t>();
    auto older = s.a.get(Social::base(s.alice) + "/threads/" + tid + "/messages?limit=1&before=" + std::to_string(before));
    REQUIRE(older.body["items"].size() == 1);
    CHECK(older.body["items"][0]["client_id"] == cid);
    CHECK(older.body["next_before"].is_null());

    // Carol is not a participant: the thread does not exist for her.
    CHECK(s.b.get(Social::base(s.carol) + "/threads/" + tid + "/messages").status == 404);
    CHECK(s.b.get(Social::base(s.carol) + "/threads").body["items"].empty());
}

TEST_CASE("message text rules: empty, 10 kB, control characters, emoji, bad recipient") {
    Social s;
    const std::string send = Social::base(s.alice) + "/messages";
    struct Case {
        std::string text;
        int status;
        std::string code;
    };
    std::string ten_kb;
    while (ten_kb.size() < 10 * 1024) ten_kb += "あいうえお";
    const std::vector<Case> cases{
        {"", 422, "text.required"},
        {"　 ", 422, "text.required"},
        {ten_kb, 422, "text.too_long"},
        {std::string(2001, 'a'), 422, "text.too_long"},
        {std::string(2000, 'a'), 201, ""},
        {"ベル\x07です", 422, ""},
        {"絵文字\xF0\x9F\x98\x80", 422, ""},
        {"改行\nタブ\tOK", 201, ""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text.substr(0, 20));
        auto r = s.a.send("POST", send, {{"client_id", ApiClient::new_key()}, {"to_account_id", s.bob}, {"text", c.text}});
        CHECK(r.status == c.status);
        if (c.status == 422) {
            CHECK(r.body["error"]["field"] == "text");
            CHECK(!r.body["error"]["message_ja"].get<std::string>().empty());
            CHECK(!r.body["error"]["message"].get<std::string>().empty());
        }
        if (!c.code.empty()) CHECK(r.body["error"]["code"] == c.code);
    }
    auto too_long = s.a.send("POST", send, {{"client_id", ApiClient::new_key()}, {"to_account_id", s.bob}, {"text", ten_kb}});
    CHECK(too_long.body["error"]["message_ja"].get<std::string>().find("2000文字以内") != std::string::npos);

    CHECK(s.a.send("POST", send, {{"client_id", ApiClient::new_key()}, {"to_account_id", s.alice}, {"text", "x"}}).status == 422);
    CHECK(s.a.send("POST", send, {{"client_id", ApiClient::new_key()}, {"to_account_id", "nobody"}, {"text", "x"}}).status == 404);
    CHECK(s.a.send("POST", send, {{"client_id", ApiClient::new_key()}, {"text", "x"}}).status == 422);
    CHECK(s.a.send("POST", send, {{"to_account_id", s.bob}, {"text", "x"}}).status == 400);
    CHECK(s.a.send("POST", send, {{"client_id", ApiClient::new_key()}, {"to_account_id", s.bob}, {"text", 5}}).status == 400);
}

TEST_CASE("teams: create, slug rules, invite, accept, decline, members, leave") {
    Social s;
    const std::string team = ApiClient::new_key();
    const std::string teams = Social::base(s.alice) + "/teams/";
    const json body = {{"url_slug", "Team-Core"}, {"name", "チームコアコンシェル"}, {"description", "溶接と大工の"}, {"logo_file_id", ""}};
    auto created = s.a.send("PUT", teams + team, body);
    REQUIRE_MESSAGE(created.status == 201, created.raw);
    CHECK(created.body["url_slug"] == "team-core");  // normalized like every slug
    CHECK(created.body["my_role"] == "owner");

    auto taken = s.b.send("PUT", Social::base(s.carol) + "/teams/" + ApiClient::new_key(), json{{"url_slug", "TEAM-core"}, {"name", "別"}});
    CHECK(taken.status == 409);
    CHECK(taken.body["error"]["code"] == "team.slug_taken");
    json renamed = body;
    renamed["url_slug"] = "other-slug";
    CHECK(s.a.send("PUT", teams + team, renamed).body["error"]["code"] == "team.slug_immutable");
    json edited = body;
    edited["name"] = "チームコア";
    CHECK(s.a.send("PUT", teams + team, edited).status == 200);
    CHECK(s.a.send("PUT", Social::base(s.bob) + "/teams/" + team, edited).status == 403);  // not the owner
    for (const json& bad : {json{{"url_slug", "ab"}, {"name", "x"}}, json{{"url_slug", "okslug"}, {"name", ""}},
                            json{{"url_slug", "okslug"}, {"name", std::string(51, 'n')}}, json{{"url_slug", "a b c"}, {"name", "x"}}}) {
        auto r = s.a.send("PUT", teams + ApiClient::new_key(), bad);
        CHECK(r.status == 422);
        CHECK(!r.body["error"]["message_ja"].get<std::string>().empty());
    }

    // Invite Bob; the same outbox row again is the same invitation.
    const std::string inv = ApiClient::new_key();
    const std::string invite_path = teams + team + "/invitations/" + inv;
    auto invited = s.a.send("PUT", invite_path, {{"invitee_account_id", s.bob}, {"comment", "一緒にやりましょう"}});
    REQUIRE_MESSAGE(invited.status == 201, invited.raw);
    CHECK(s.a.send("PUT", invite_path, {{"invitee_account_id", s.bob}, {"comment", "一緒にやりましょう"}}).status == 200);
    CHECK(s.a.send("PUT", teams + team + "/invitations/" + ApiClient::new_key(), {{"invitee_account_id", s.bob}}).status == 409);
    CHECK(s.a.send("PUT", Social::base(s.bob) + "/teams/" + team + "/invitations/" + ApiClient::new_key(),
                   {{"invitee_account_id", s.alice}})
              .status == 403);
    CHECK(s.a.send("PUT", teams + team + "/invitations/" + ApiClient::new_key(),
                   {{"invitee_account_id", s.carol}, {"comment", std::string(501, 'c')}})
              .status == 422);

    auto pending = s.a.get(Social::base(s.bob) + "/invitations");
    REQUIRE(pending.body["items"].size() == 1);
    CHECK(pending.body["items"][0]["team"]["name"] == "チームコア");
    CHECK(pending.body["items"][0]["inviter"]["account_id"] == s.alice);
    // Only the invitee answers.
    CHECK(s.b.send("POST", Social::base(s.carol) + "/invitations/" + inv + "/accept", json::object()).status == 404);
    auto accepted = s.a.send("POST", Social::base(s.bob) + "/invitations/" + inv + "/accept", json::object());
    CHECK(accepted.status == 200);
    CHECK(accepted.body["status"] == "accepted");
    CHECK(s.a.send("POST", Social::base(s.bob) + "/invitations/" + inv + "/accept", json::object()).status == 200);
    CHECK(s.a.send("POST", Social::base(s.bob) + "/invitations/" + inv + "/decline", json::object()).status == 409);
    CHECK(s.a.get(Social::base(s.bob) + "/invitations").body["items"].empty());

    auto page = s.b.get(Social::base(s.carol) + "/teams/" + team);  // a team page is public to signed-in workers
    REQUIRE(page.status == 200);
    REQUIRE(page.body["members"].size() == 2);
    CHECK(page.body["members"][0]["role"] == "owner");
    CHECK(page.body["members"][1]["account_id"] == s.bob);
    CHECK(page.body["my_role"] == "");
    CHECK(s.a.send("PUT", teams + team + "/invitations/" + ApiClient::new_key(), {{"invitee_account_id", s.bob}})
              .body["error"]["code"] == "team.already_member");

    // Carol declines: not a member.
    const std::string inv2 = ApiClient::new_key();
    REQUIRE(s.a.send("PUT", teams + team + "/invitations/" + inv2, {{"invitee_account_id", s.carol}}).status == 201);
    CHECK(s.b.send("POST", Social::base(s.carol) + "/invitations/" + inv2 + "/decline", json::object()).status == 200);
    CHECK(s.b.get(Social::base(s.carol) + "/teams").body["items"].empty());
    CHECK(s.a.get(Social::base(s.bob) + "/teams").body["items"].size() == 1);

    CHECK(s.a.send("DELETE", teams + team + "/membership", json()).status == 422);  // the owner stays
    CHECK(s.a.send("DELETE", Social::base(s.bob) + "/teams/" + team + "/membership", json()).status == 204);
    CHECK(s.a.get(Social::base(s.bob) + "/teams").body["items"].empty());
    CHECK(s.a.get(teams + "no-such-team").status == 404);
}
