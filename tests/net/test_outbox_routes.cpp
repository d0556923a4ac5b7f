// Outbox operation -> API request table, file-id rewriting, and the tus
// header helpers (pure functions).
#include <doctest/doctest.h>

#include <sodium.h>

#include "net/outbox_routes.hpp"
#include "net/resumable_upload.hpp"

using namespace madoguchi;
using nlohmann::json;

TEST_CASE("every queued operation maps to its request") {
    const json body = {{"client_id", "E1"}, {"name", "x"}};
    struct Row {
        const char* operation;
        const char* method;
        const char* path;
        bool has_body;
    };
    const Row rows[] = {
        {"profile.put", "PUT", "/v1/accounts/A1/profile", true},
        {"skill.create", "PUT", "/v1/accounts/A1/skills/E1", true},
        {"skill.update", "PUT", "/v1/accounts/A1/skills/E1", true},
        {"skill.delete", "DELETE", "/v1/accounts/A1/skills/E1", false},
        {"qualification.create", "PUT", "/v1/accounts/A1/qualifications/E1", true},
        {"qualification.delete", "DELETE", "/v1/accounts/A1/qualifications/E1", false},
        {"career.update", "PUT", "/v1/accounts/A1/careers/E1", true},
        {"hobby.create", "PUT", "/v1/accounts/A1/hobbies/E1", true},
        {"hobby.delete", "DELETE", "/v1/accounts/A1/hobbies/E1", false},
        {"company.create", "PUT", "/v1/companies/E1", true},
        {"company.update", "PUT", "/v1/companies/E1", true},
        {"company.delete", "", "", false},
        {"bank_account.put", "PUT", "/v1/accounts/A1/bank-account", true},
        {"bank_account.delete", "DELETE", "/v1/accounts/A1/bank-account?client_id=E1", false},
        {"nda_agreement.create", "POST", "/v1/accounts/A1/nda-agreements", true},
        {"email_change.request", "POST", "/v1/accounts/A1/email-changes", true},
        {"identity_document.upload", "PUT", "/v1/accounts/A1/identity-documents/E1", true},
    };
    for (const auto& r : rows) {
        CAPTURE(r.operation);
        auto plan = plan_request(r.operation, "A1", "E1", body);
        REQUIRE(plan.ok());
        CHECK(plan->method == r.method);
        CHECK(plan->path == r.path);
        CHECK(plan->body.empty() == !r.has_body);
        if (r.has_body) CHECK(json::parse(plan->body) == body);
    }
}

TEST_CASE("account.create sends the sign-up request with the client id") {
    const json payload = {{"client_id", "A1"},
                          {"username", "taro"},
                          {"sign_up", {{"username", "taro"}, {"email", "t@example.jp"}, {"password", "pw-123456"},
                                       {"consented_purpose_of_use", true}}}};
    auto plan = plan_request("account.create", "A1", "A1", payload);
    REQUIRE(plan.ok());
    CHECK(plan->method == "POST");
    CHECK(plan->path == "/v1/accounts");
    CHECK(plan->account_id.empty());
    const json sent = json::parse(plan->body);
    CHECK(sent["client_id"] == "A1");
    CHECK(sent["password"] == "pw-123456");
    CHECK(sent["consented_purpose_of_use"] == true);
    CHECK_FALSE(plan_request("account.create", "A1", "A1", json::object()).ok());
}

TEST_CASE("unknown operations and unusable payloads are errors, not crashes") {
    for (const char* op : {"", "skill", "skill.frobnicate", "spaceship.create", ".", "profile.delete"}) {
        CAPTURE(op);
        auto plan = plan_request(op, "A1", "E1", json::object());
        REQUIRE_FALSE(plan.ok());
        CHECK_FALSE(plan.error().message_ja.empty());
    }
    CHECK_FALSE(plan_request("skill.create", "A1", "E1", json::array()).ok());
    CHECK(plan_request("skill.delete", "A1", "E1", nullptr).ok());  // deletes carry no body
}

TEST_CASE("path segments are percent-encoded") {
    auto plan = plan_request("skill.delete", "a/b", "c d", nullptr);
    REQUIRE(plan.ok());
    CHECK(plan->path == "/v1/accounts/a%2Fb/skills/c%20d");
}

TEST_CASE("local file ids are replaced by upload ids everywhere in a payload") {
    json doc = {{"photo_file_id", "F1"},
                {"pages", {{{"file_id", "F2"}, {"side", "front"}}, {{"file_id", "F3"}, {"side", "F1x"}}}},
                {"nested", {{"deep", {"F1", "keep"}}}}};
    replace_file_ids(doc, {{"F1", "U1"}, {"F2", "U2"}});
    CHECK(doc["photo_file_id"] == "U1");
    CHECK(doc["pages"][0]["file_id"] == "U2");
    CHECK(doc["pages"][1]["file_id"] == "F3");  // not uploaded in this row: unchanged
    CHECK(doc["pages"][1]["side"] == "F1x");    // only whole values match
    CHECK(doc["nested"]["deep"][0] == "U1");
    CHECK(doc["nested"]["deep"][1] == "keep");
}

TEST_CASE("tus helpers: metadata, chunk checksum, Location parsing") {
    REQUIRE(sodium_init() >= 0);
    // base64("a.png") = "YS5wbmc=", base64("abc") = "YWJj", base64("photo") = "cGhvdG8="
    CHECK(tus_metadata("a.png", "abc", "photo") == "filename YS5wbmc=,sha256 YWJj,kind cGhvdG8=");
    // SHA-256("abc") in base64.
    CHECK(tus_chunk_checksum("abc", 3) == "sha256 ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
    CHECK(upload_id_from_location("/v1/uploads/U123") == "U123");
    CHECK(upload_id_from_location("https://h.example/v1/uploads/U123?x=1") == "U123");
    CHECK(upload_id_from_location("/v1/uploads/U123\r") == "U123");
    CHECK(upload_id_from_location("/elsewhere/U123").empty());
}
