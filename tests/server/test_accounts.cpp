// e2e: devices, sign-up with verification mail, sign-in/out, password and
// email change, and who may act for an account — against the real binary.
#include <doctest/doctest.h>

#include <fstream>

#include "tests/server/server_process.hpp"

using namespace madoguchi::server_test;
using nlohmann::json;

TEST_CASE("the binary prints its port first and stops cleanly on SIGTERM") {
    ServerProcess server;
    CHECK(server.first_line().rfind("listening on 127.0.0.1:", 0) == 0);
    CHECK(server.port() > 0);
    ApiClient c(server.port());
    CHECK(c.get("/v1/nothing-here").status == 404);
    CHECK(server.terminate() == 0);
}

TEST_CASE("device enrollment needs the enrollment code, every other call the device token") {
    ServerProcess server({"--enrollment-code", "secret-code"});
    ApiClient c(server.port());
    auto bad = c.send("POST", "/v1/devices", {{"kiosk_id", "k1"}, {"enrollment_code", "wrong"}});
    CHECK(bad.status == 403);
    CHECK(bad.body["error"]["code"] == "device.enrollment_code_invalid");
    CHECK(!bad.body["error"]["message_ja"].get<std::string>().empty());

    auto ok = c.send("POST", "/v1/devices", {{"kiosk_id", "k1"}, {"enrollment_code", "secret-code"}});
    REQUIRE(ok.status == 201);
    CHECK(ok.body["device_token"].get<std::string>().size() >= 40);

    auto anonymous = c.send("POST", "/v1/sessions", {{"login", "x"}, {"password", "y"}});
    CHECK(anonymous.status == 401);
    CHECK(anonymous.body["error"]["code"] == "device.token_missing");
    c.device_token = "forged";
    CHECK(c.send("POST", "/v1/sessions", {{"login", "x"}, {"password", "y"}}).body["error"]["code"] ==
          "device.token_invalid");
}

TEST_CASE("sign-up writes a verification mail whose link confirms the address") {
    ServerProcess server;
    ApiClient c(server.port());
    c.enroll();
    const std::string id = ApiClient::new_key();
    auto r = c.send("POST", "/v1/accounts",
                    {{"client_id", id},
                     {"username", "taro_y"},
                     {"email", "taro@example.jp"},
                     {"password", "Kiosk2026pass"},
                     {"consented_purpose_of_use", true}});
    REQUIRE(r.status == 201);
    CHECK(r.body["account"]["client_id"] == id);
    CHECK(r.body["account"]["username"] == "taro_y");
    CHECK(r.body["account"]["email_verified"] == false);
    CHECK(!r.body["account"]["registration_number"].get<std::string>().empty());

    // Exactly one complete RFC 5322 file in new/, nothing left in tmp/.
    auto files = mail_files(server.data_dir());
    REQUIRE(files.size() == 1);
    CHECK(std::filesystem::is_empty(server.data_dir() + "/maildir/tmp"));
    std::ifstream in(files[0], std::ios::binary);
    const std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(raw.find("To: <taro@example.jp>\r\n") != std::string::npos);
    CHECK(raw.find("Subject: =?UTF-8?B?") != std::string::npos);
    CHECK(raw.find("\r\nDate: ") != std::string::npos);
    CHECK(raw.find("\r\nMessage-ID: <") != std::string::npos);
    const auto body = mail_bodies(server.data_dir()).at(0);
    CHECK(body.find("メールアドレスの確認") != std::string::npos);
    const std::string token = verification_token(body);
    REQUIRE(token.size() >= 40);

    CHECK(c.get("/v1/email-verifications/not-a-token").status == 404);
    auto confirmed = c.get("/v1/email-verifications/" + token);
    REQUIRE(confirmed.status == 200);
    CHECK(confirmed.body["account"]["email_verified"] == true);
    CHECK(confirmed.body["already_confirmed"] == false);
    // Following the link twice is harmless.
    auto again = c.get("/v1/email-verifications/" + token);
    CHECK(again.status == 200);
    CHECK(again.body["already_confirmed"] == true);
}

TEST_CASE("sign-up validation and uniqueness") {
    ServerProcess server;
    ApiClient c(server.port());
    c.enroll();
    struct Row {
        json body;
        int status;
        std::string code;
        std::string field;
    };
    const std::string id = ApiClient::new_key();
    sign_up(c, "hanako");
    const std::vector<Row> rows = {
        {{{"client_id", id}, {"username", "a"}, {"email", "a@example.jp"}, {"password", "Kiosk2026pass"}, {"consented_purpose_of_use", true}},
         422, "username.format", "username"},
        {{{"client_id", id}, {"username", "abc"}, {"email", "not-mail"}, {"password", "Kiosk2026pass"}, {"consented_purpose_of_use", true}},
         422, "email.format", "email"},
        {{{"client_id", id}, {"username", "abc"}, {"email", "a@example.jp"}, {"password", "short"}, {"consented_purpose_of_use", true}},
         422, "password.too_short", "password"},
        {{{"client_id", id}, {"username", "abc"}, {"email", "a@example.jp"}, {"password", "Kiosk2026pass"}, {"consented_purpose_of_use", false}},
         422, "consent.required", "consented_purpose_of_use"},
        {{{"client_id", id}, {"username", "hanako"}, {"email", "a@example.jp"}, {"password", "Kiosk2026pass"}, {"consented_purpose_of_use", true}},
         409, "account.username_taken", "username"},
        {{{"client_id", id}, {"username", "abc"}, {"email", "hanako@example.jp"}, {"password", "Kiosk2026pass"}, {"consented_purpose_of_use", true}},
         409, "account.email_taken", "email"},
        {{{"username", "abc"}, {"email", "a@example.jp"}, {"password", "Kiosk2026pass"}, {"consented_purpose_of_use", true}},
         400, "request.invalid_field", "client_id"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.body.dump());
        auto r = c.send("POST", "/v1/accounts", row.body);
        CHECK(r.status == row.status);
        // data/rules owns its codes; the server's own codes are checked exactly.
        if (row.status != 422 || row.code == "consent.required") CHECK(r.body["error"]["code"] == row.code);
        CHECK(r.body["error"]["field"] == row.field);
        CHECK(!r.body["error"]["message"].get<std::string>().empty());
        CHECK(!r.body["error"]["message_ja"].get<std::string>().empty());
    }
    auto broken = c.send_raw("POST", "/v1/accounts", "{not json", "application/json", {});
    CHECK(broken.status == 400);
    CHECK(broken.body["error"]["code"] == "request.invalid_json");
}

TEST_CASE("sessions: sign in by username or email, another device needs the session, sign out ends it") {
    ServerProcess server;
    ApiClient home(server.port());
    home.enroll("kiosk-home");
    const std::string aid = sign_up(home, "jiro", "Tanuki2026pass");

    ApiClient other(server.port());
    other.enroll("kiosk-other");
    // Created elsewhere and no session yet: forbidden.
    auto denied = other.get("/v1/accounts/" + aid + "/skills");
    CHECK(denied.status == 403);
    CHECK(denied.body["error"]["code"] == "account.forbidden");
    CHECK(other.get("/v1/accounts/unknown-account/skills").status == 404);

    auto wrong = other.send("POST", "/v1/sessions", {{"login", "jiro"}, {"password", "Nope2026nope"}});
    CHECK(wrong.status == 401);
    CHECK(wrong.body["error"]["code"] == "session.invalid_credentials");

    auto by_mail = other.send("POST", "/v1/sessions", {{"login", "jiro@example.jp"}, {"password", "Tanuki2026pass"}});
    REQUIRE(by_mail.status == 201);
    CHECK(by_mail.body["account"]["client_id"] == aid);
    CHECK(by_mail.body["expires_at_ms"].get<std::int64_t>() > 0);
    other.bearer = by_mail.body["token"].get<std::string>();
    CHECK(other.get("/v1/accounts/" + aid + "/skills").status == 200);
    CHECK(other.get("/v1/accounts/" + aid).body["account"]["username"] == "jiro");

    // The token is bound to the device it was issued to.
    ApiClient thief(server.port());
    thief.enroll("kiosk-thief");
    thief.bearer = other.bearer;
    CHECK(thief.get("/v1/accounts/" + aid + "/skills").status == 403);

    CHECK(other.send("DELETE", "/v1/sessions/current", nullptr).status == 204);
    auto after = other.get("/v1/accounts/" + aid + "/skills");
    CHECK(after.status == 401);
    CHECK(after.body["error"]["code"] == "session.expired");
}

TEST_CASE("password change checks the current password and ends other sessions") {
    ServerProcess server;
    ApiClient c(server.port());
    c.enroll();
    const std::string aid = sign_up(c, "saburo", "First2026pass");
    ApiClient other(server.port());
    other.enroll("kiosk-2");
    auto s = other.send("POST", "/v1/sessions", {{"login", "saburo"}, {"password", "First2026pass"}});
    REQUIRE(s.status == 201);
    other.bearer = s.body["token"].get<std::string>();

    auto wrong = c.send("PUT", "/v1/accounts/" + aid + "/password",
                        {{"current_password", "NotIt2026x"}, {"new_password", "Second2026pass"}});
    CHECK(wrong.status == 422);
    CHECK(wrong.body["error"]["field"] == "current_password");
    auto weak = c.send("PUT", "/v1/accounts/" + aid + "/password",
                       {{"current_password", "First2026pass"}, {"new_password", "short"}});
    CHECK(weak.status == 422);
    CHECK(weak.body["error"]["field"] == "new_password");
    CHECK(c.send("PUT", "/v1/accounts/" + aid + "/password",
                 {{"current_password", "First2026pass"}, {"new_password", "Second2026pass"}})
              .status == 204);

    CHECK(other.get("/v1/accounts/" + aid + "/skills").status == 401);
    CHECK(c.send("POST", "/v1/sessions", {{"login", "saburo"}, {"password", "First2026pass"}}).status == 401);
    CHECK(c.send("POST", "/v1/sessions", {{"login", "saburo"}, {"password", "Second2026pass"}}).status == 201);
}

TEST_CASE("email change takes effect only after the link in the mail to the new address") {
    ServerProcess server;
    ApiClient c(server.port());
    c.enroll();
    const std::string aid = sign_up(c, "shiro");
    sign_up(c, "goro");
    const std::string change_id = ApiClient::new_key();

    auto taken = c.send("POST", "/v1/accounts/" + aid + "/email-changes", {{"client_id", change_id}, {"new_email", "goro@example.jp"}});
    CHECK(taken.status == 409);
    CHECK(taken.body["error"]["code"] == "account.email_taken");

    auto r = c.send("POST", "/v1/accounts/" + aid + "/email-changes", {{"client_id", change_id}, {"new_email", "shiro.new@example.jp"}});
    REQUIRE(r.status == 202);
    CHECK(r.body["status"] == "pending");
    CHECK(c.get("/v1/accounts/" + aid).body["account"]["email"] == "shiro@example.jp");
    // Sent again without its key (same client_id): no second mail.
    CHECK(c.send("POST", "/v1/accounts/" + aid + "/email-changes", {{"client_id", change_id}, {"new_email", "shiro.new@example.jp"}})
              .status == 202);
    auto bodies = mail_bodies(server.data_dir());
    REQUIRE(bodies.size() == 3);  // two sign-ups + one change
    std::string token;
    for (const auto& b : bodies)
        if (b.find("メールアドレスの変更") != std::string::npos) token = verification_token(b);
    REQUIRE(!token.empty());
    auto confirmed = c.get("/v1/email-verifications/" + token);
    REQUIRE(confirmed.status == 200);
    CHECK(confirmed.body["purpose"] == "email_change");
    CHECK(c.get("/v1/accounts/" + aid).body["account"]["email"] == "shiro.new@example.jp");
    CHECK(c.send("POST", "/v1/sessions", {{"login", "shiro.new@example.jp"}, {"password", "Horse2026battery"}}).status == 201);
}
