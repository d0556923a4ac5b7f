// e2e: Idempotency-Key semantics — replay, reuse with another body, in flight,
// and keys surviving a server restart.
#include <doctest/doctest.h>

#include <future>
#include <thread>

#include "tests/server/server_process.hpp"

using namespace madoguchi::server_test;
using nlohmann::json;

TEST_CASE("same key and body replays the stored response; another body is 422") {
    ServerProcess server;
    ApiClient c(server.port());
    c.enroll();
    const std::string aid = sign_up(c, "idem_user");
    const std::string key = ApiClient::new_key();
    const std::string path = "/v1/accounts/" + aid + "/skills/" + ApiClient::new_key();
    const json skill = {{"name", "溶接"}, {"level", 2}, {"years_experience", 3}};

    auto first = c.send("PUT", path, skill, key);
    REQUIRE(first.status == 201);
    CHECK(first.header("Idempotent-Replayed").empty());
    auto replay = c.send("PUT", path, skill, key);
    CHECK(replay.status == 201);  // the first status, not 200 for a replace
    CHECK(replay.header("Idempotent-Replayed") == "true");
    CHECK(replay.body == first.body);

    json other = skill;
    other["level"] = 5;
    auto reused = c.send("PUT", path, other, key);
    CHECK(reused.status == 422);
    CHECK(reused.body["error"]["code"] == "idempotency.key_reused");
    // The stored record is still the first one.
    CHECK(c.get("/v1/accounts/" + aid + "/skills").body["items"][0]["level"] == 2);

    // Sign-up replay does not create a second account nor write a second mail.
    const json signup = {{"client_id", ApiClient::new_key()}, {"username", "idem_two"}, {"email", "two@example.jp"},
                         {"password", "Kiosk2026pass"}, {"consented_purpose_of_use", true}};
    const std::string signup_key = ApiClient::new_key();
    CHECK(c.send("POST", "/v1/accounts", signup, signup_key).status == 201);
    auto again = c.send("POST", "/v1/accounts", signup, signup_key);
    CHECK(again.status == 201);
    CHECK(again.header("Idempotent-Replayed") == "true");
    CHECK(mail_files(server.data_dir()).size() == 2);
}

TEST_CASE("keys are kept across a restart of the server") {
    TempDir keep;
    const std::string key = ApiClient::new_key();
    std::string device_token, aid, first_body;
    const json hobby = {{"name", "将棋"}, {"comment", ""}, {"show_on_profile", true}};
    const std::string cid = ApiClient::new_key();
    {
        ServerProcess server({"--data", keep.path()});
        ApiClient c(server.port());
        c.enroll();
        device_token = c.device_token;
        aid = sign_up(c, "restart_user");
        auto r = c.send("PUT", "/v1/accounts/" + aid + "/hobbies/" + cid, hobby, key);
        REQUIRE(r.status == 201);
        first_body = r.raw;
        CHECK(server.terminate() == 0);
    }
    ServerProcess server({"--data", keep.path()});
    ApiClient c(server.port());
    c.device_token = device_token;
    auto replay = c.send("PUT", "/v1/accounts/" + aid + "/hobbies/" + cid, hobby, key);
    CHECK(replay.status == 201);
    CHECK(replay.header("Idempotent-Replayed") == "true");
    CHECK(replay.raw == first_body);
}

TEST_CASE("a key whose first request is still running gets 409 idempotency.in_progress") {
    // --fault-injection lets X-Debug-Delay-Ms hold the first request inside
    // its key, so the overlap does not depend on machine speed.
    ServerProcess server({"--fault-injection"});
    ApiClient setup(server.port());
    setup.enroll();
    const std::string aid = sign_up(setup, "inflight_user");
    const std::string key = ApiClient::new_key();
    const std::string path = "/v1/accounts/" + aid + "/skills/" + ApiClient::new_key();
    const json skill = {{"name", "玉掛け"}, {"level", 1}, {"years_experience", 0}};

    auto send_slow = [&](long delay_ms) {
        ApiClient c(server.port());
        c.device_token = setup.device_token;
        return c.send("PUT", path, skill, key, {{"X-Debug-Delay-Ms", std::to_string(delay_ms)}});
    };
    auto slow = std::async(std::launch::async, send_slow, 6000);
    // Give the slow request a head start to take the key (it then holds it
    // for 6 s), then keep asking until we see 409 or it has finished.
    std::this_thread::sleep_for(std::chrono::milliseconds(1000));
    Reply seen;
    for (int i = 0; i < 400; ++i) {
        seen = send_slow(0);
        if (seen.status == 409 || seen.header("Idempotent-Replayed") == "true") break;
    }
    const Reply first = slow.get();
    CHECK(first.status == 201);
    CHECK(seen.status == 409);
    CHECK(seen.body["error"]["code"] == "idempotency.in_progress");
    CHECK(!seen.header("Retry-After").empty());
    // Afterwards the same key replays.
    auto later = send_slow(0);
    CHECK(later.status == 201);
    CHECK(later.header("Idempotent-Replayed") == "true");
    CHECK(setup.get("/v1/accounts/" + aid + "/skills").body["items"].size() == 1);
}

TEST_CASE("keys are scoped per device") {
    ServerProcess server;
    ApiClient a(server.port()), b(server.port());
    a.enroll("kiosk-a");
    b.enroll("kiosk-b");
    const std::string key = ApiClient::new_key();
    const json body = {{"client_id", ApiClient::new_key()}, {"username", "scope_a"}, {"email", "scope_a@example.jp"},
                       {"password", "Kiosk2026pass"}, {"consented_purpose_of_use", true}};
    CHECK(a.send("POST", "/v1/accounts", body, key).status == 201);
    json other = body;
    other["client_id"] = ApiClient::new_key();
    other["username"] = "scope_b";
    other["email"] = "scope_b@example.jp";
    auto r = b.send("POST", "/v1/accounts", other, key);
    CHECK(r.status == 201);
    CHECK(r.header("Idempotent-Replayed").empty());
}
