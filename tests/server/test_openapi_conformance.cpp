// e2e: real server responses checked against the schemas of
// docs/api/schemas.json (the schema half of docs/api/openapi.yaml), so the
// document and the server cannot drift apart silently.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>

#include "tests/server/server_process.hpp"

using namespace madoguchi::server_test;
using nlohmann::json;

namespace {

// The subset of OpenAPI 3.0 schema objects the document uses:
// $ref, type, nullable, enum, required, properties, additionalProperties
// (false), items, pattern, minimum/maximum, minLength/maxLength, min/maxItems, oneOf.
class SchemaChecker {
public:
    explicit SchemaChecker(json schemas) : schemas_(std::move(schemas)) {}

    // Returns the problems found ("" paths mean the root).
    std::vector<std::string> check(const std::string& name, const json& value) const {
        std::vector<std::string> problems;
        check_node(schemas_.at(name), value, "$", problems);
        return problems;
    }

private:
    const json& resolve(const json& schema) const {
        if (!schema.contains("$ref")) return schema;
        const std::string ref = schema.at("$ref");
        return schemas_.at(ref.substr(2));  // "#/Name"
    }

    static std::size_t code_points(const std::string& s) {
        std::size_t n = 0;
        for (unsigned char c : s)
            if ((c & 0xC0) != 0x80) ++n;
        return n;
    }

    void check_node(const json& raw, const json& v, const std::string& at, std::vector<std::string>& out) const {
        const json& s = resolve(raw);
        if (v.is_null()) {
            if (!s.value("nullable", false)) out.push_back(at + ": null not allowed");
            return;
        }
        if (s.contains("oneOf")) {
            int matches = 0;
            for (const auto& alt : s.at("oneOf")) {
                std::vector<std::string> sub;
                check_node(alt, v, at, sub);
                if (sub.empty()) ++matches;
            }
            if (matches != 1) out.push_back(at + ": matches " + std::to_string(matches) + " of oneOf");
            return;
        }
        const std::string type = s.value("type", "");
        if (type == "object") {
            if (!v.is_object()) return out.push_back(at + ": not an object");
            for (const auto& r : s.value("required", json::array()))
                if (!v.contains(r.get<std::string>())) out.push_back(at + ": missing " + r.get<std::string>());
            const json props = s.value("properties", json::object());
            for (const auto& [k, item] : v.items()) {
                if (props.contains(k)) check_node(props.at(k), item, at + "." + k, out);
                else if (s.contains("additionalProperties") && s.at("additionalProperties") == false)
                    out.push_back(at + ": undocumented property " + k);
            }
        } else if (type == "array") {
            if (!v.is_array()) return out.push_back(at + ": not an array");
            if (s.contains("minItems") && v.size() < s.at("minItems").get<std::size_t>()) out.push_back(at + ": too few items");
            if (s.contains("maxItems") && v.size() > s.at("maxItems").get<std::size_t>()) out.push_back(at + ": too many items");
            for (std::size_t i = 0; i < v.size(); ++i) check_node(s.at("items"), v[i], at + "[" + std::to_string(i) + "]", out);
        } else if (type == "string") {
            if (!v.is_string()) return out.push_back(at + ": not a string");
            const std::string str = v.get<std::string>();
            if (s.contains("pattern") && !std::regex_search(str, std::regex(s.at("pattern").get<std::string>())))
                out.push_back(at + ": '" + str + "' does not match " + s.at("pattern").get<std::string>());
            if (s.contains("minLength") && code_points(str) < s.at("minLength").get<std::size_t>()) out.push_back(at + ": too short");
            if (s.contains("maxLength") && code_points(str) > s.at("maxLength").get<std::size_t>()) out.push_back(at + ": too long");
        } else if (type == "integer") {
            if (!v.is_number_integer()) return out.push_back(at + ": not an integer");
            if (s.contains("minimum") && v.get<double>() < s.at("minimum").get<double>()) out.push_back(at + ": below minimum");
            if (s.contains("maximum") && v.get<double>() > s.at("maximum").get<double>()) out.push_back(at + ": above maximum");
        } else if (type == "boolean") {
            if (!v.is_boolean()) return out.push_back(at + ": not a boolean");
        }
        if (s.contains("enum")) {
            bool found = false;
            for (const auto& e : s.at("enum")) found = found || e == v;
            if (!found) out.push_back(at + ": " + v.dump() + " not in enum");
        }
    }

    json schemas_;
};

SchemaChecker load_checker() {
    std::ifstream in(source_dir() + "/docs/api/schemas.json");
    REQUIRE(in.good());
    return SchemaChecker(json::parse(in));
}

void conforms(const SchemaChecker& checker, const std::string& schema, const Reply& r) {
    CAPTURE(schema);
    CAPTURE(r.raw);
    const auto problems = checker.check(schema, r.body);
    for (const auto& p : problems) CAPTURE(p);
    CHECK(problems.empty());
    if (!problems.empty()) MESSAGE(problems.front());
}

}  // namespace

TEST_CASE("the checker itself rejects what the schemas forbid") {
    auto checker = load_checker();
    CHECK(checker.check("Skill", {{"client_id", "a"}, {"name", "x"}, {"level", 3}, {"years_experience", 1}, {"notes", ""}}).empty());
    CHECK(!checker.check("Skill", {{"client_id", "a"}, {"name", "x"}, {"level", 9}, {"years_experience", 1}, {"notes", ""}}).empty());
    CHECK(!checker.check("Skill", {{"client_id", "a"}, {"name", "x"}, {"level", 3}, {"years_experience", 1}, {"notes", ""}, {"extra", 1}}).empty());
    CHECK(!checker.check("Error", {{"error", {{"code", "x"}}}}).empty());
    CHECK(!checker.check("Upload", json::object()).empty());
}

TEST_CASE("responses of a whole kiosk session conform to docs/api/schemas.json") {
    auto checker = load_checker();
    ServerProcess server;
    ApiClient c(server.port());

    auto device = c.send("POST", "/v1/devices", {{"kiosk_id", "conformance"}, {"enrollment_code", "madoguchi-dev"}});
    conforms(checker, "Device", device);
    c.device_token = device.body["device_token"];
    conforms(checker, "Error", c.send("POST", "/v1/devices", {{"kiosk_id", "x"}, {"enrollment_code", "no"}}));

    const std::string aid = ApiClient::new_key();
    auto signup = c.send("POST", "/v1/accounts",
                         {{"client_id", aid}, {"username", "schema_user"}, {"email", "schema@example.jp"},
                          {"password", "Kiosk2026pass"}, {"consented_purpose_of_use", true}});
    conforms(checker, "AccountEnvelope", signup);
    conforms(checker, "Error", c.send("POST", "/v1/accounts", {{"client_id", "x"}, {"username", "a"}}));
    const std::string token = verification_token(mail_bodies(server.data_dir()).at(0));
    conforms(checker, "EmailVerificationResult", c.get("/v1/email-verifications/" + token));
    conforms(checker, "Session", c.send("POST", "/v1/sessions", {{"login", "schema_user"}, {"password", "Kiosk2026pass"}}));
    conforms(checker, "AccountEnvelope", c.get("/v1/accounts/" + aid));
    conforms(checker, "EmailChangeAccepted",
             c.send("POST", "/v1/accounts/" + aid + "/email-changes", {{"client_id", ApiClient::new_key()}, {"new_email", "n@example.jp"}}));

    const std::string base = "/v1/accounts/" + aid;
    conforms(checker, "Profile",
             c.send("PUT", base + "/profile",
                    {{"nickname", "スキーマ"}, {"family_name", "山田"}, {"given_name", "花子"}, {"family_name_kana", "ヤマダ"},
                     {"given_name_kana", "ハナコ"}, {"hourly_rate_yen", nullptr}}));
    conforms(checker, "Profile", c.get(base + "/profile"));
    conforms(checker, "Skill", c.send("PUT", base + "/skills/" + ApiClient::new_key(), {{"name", "溶接"}, {"level", 3}, {"years_experience", 2}}));
    conforms(checker, "Qualification", c.send("PUT", base + "/qualifications/" + ApiClient::new_key(), {{"name", "簿記"}, {"acquired", "2020-01"}}));
    conforms(checker, "Career", c.send("PUT", base + "/careers/" + ApiClient::new_key(), {{"category", "物流"}, {"company_name", "山田運輸"}, {"period_from", "2015-04"}}));
    conforms(checker, "Hobby", c.send("PUT", base + "/hobbies/" + ApiClient::new_key(), {{"name", "囲碁"}}));
    conforms(checker, "SkillList", c.get(base + "/skills"));
    conforms(checker, "QualificationList", c.get(base + "/qualifications"));
    conforms(checker, "CareerList", c.get(base + "/careers"));
    conforms(checker, "HobbyList", c.get(base + "/hobbies"));
    conforms(checker, "BankAccount",
             c.send("PUT", base + "/bank-account",
                    {{"bank_code", "9900"}, {"bank_name", "ゆうちょ銀行"}, {"branch_code", "738"}, {"branch_name", "七三八"},
                     {"type", "ordinary"}, {"account_number", "1992765"}, {"holder_name_kana", "ﾔﾏﾀﾞ ﾀﾛｳ"}}));
    conforms(checker, "BankAccount", c.get(base + "/bank-account"));
    conforms(checker, "NdaAgreement",
             c.send("POST", base + "/nda-agreements",
                    {{"client_id", ApiClient::new_key()}, {"text_version", "2026-11-01"}, {"language", "ja"},
                     {"typed_name", "山田太郎"}, {"agreed_at_ms", 1790000000000},
                     {"text_sha256", std::string(64, 'a')},
                     {"signature_file_id", upload_bytes(c, std::string("\x89PNG", 4) + "sig", "signature")}}));
    conforms(checker, "NdaAgreementList", c.get(base + "/nda-agreements"));
    conforms(checker, "Company", c.send("PUT", "/v1/companies/" + ApiClient::new_key(), {{"url_slug", "schemaco"}, {"name", "スキーマ株式会社"}}));
    conforms(checker, "CompanyList", c.get("/v1/companies?q=" + url_encode("スキーマ")));
    conforms(checker, "Error", c.get("/v1/no-such-route"));

    const std::string image = std::string("\x89PNG", 4) + std::string(100, 'p');
    auto created = c.send_raw("POST", "/v1/uploads", "", "application/octet-stream",
                              {{"Upload-Length", std::to_string(image.size())},
                               {"Upload-Metadata", "filename " + b64("f.png") + ",sha256 " + b64(sha256_hex(image)) + ",kind " + b64("identity_document")}});
    conforms(checker, "Upload", created);
    const std::string location = created.header("Location");
    conforms(checker, "Error", c.send_raw("PATCH", location, image, "application/offset+octet-stream", {{"Upload-Offset", "7"}}));
    c.send_raw("PATCH", location, image, "application/offset+octet-stream", {{"Upload-Offset", "0"}});
    conforms(checker, "Upload", c.get(location));
    const std::string file_id = created.body["upload_id"];

    const std::string doc_id = ApiClient::new_key();
    conforms(checker, "IdentityDocumentStatus",
             c.send("PUT", base + "/identity-documents/" + doc_id,
                    {{"type", "residence_card"}, {"pages", {{{"side", "front"}, {"file_id", file_id}}}}}));
    conforms(checker, "IdentityDocumentStatusList", c.get(base + "/identity-documents"));
    const httplib::Headers staff{{"X-Staff-Token", "madoguchi-staff-dev"}};
    conforms(checker, "StaffIdentityDocumentList", c.get("/v1/staff/identity-documents?status=pending", staff));
    conforms(checker, "StaffIdentityDocument",
             c.send("POST", "/v1/staff/identity-documents/" + doc_id + "/verify", {{"staff_id", "s1"}}, ApiClient::new_key(), staff));
    conforms(checker, "Error", c.get("/v1/staff/identity-documents/" + doc_id + "/pages/front", staff));
}

// The social routes (docs/social.md) against their schemas: cards, pages,
// messages, threads, teams and invitations as the server really sends them.
TEST_CASE("social replies conform to docs/api/schemas.json") {
    auto checker = load_checker();
    ServerProcess server;
    ApiClient c(server.port());
    c.enroll("conformance-social");
    const std::string alice = sign_up(c, "schema_alice"), bob = sign_up(c, "schema_bob");
    const std::string a = "/v1/accounts/" + alice, b = "/v1/accounts/" + bob;
    c.send("PUT", b + "/profile",
           {{"nickname", "ボブ"}, {"family_name", "山田"}, {"given_name", "太郎"}, {"family_name_kana", "ヤマダ"},
            {"given_name_kana", "タロウ"}, {"birth_date", "1990-05-01"}, {"show_age_bracket", true}});
    c.send("PUT", b + "/skills/" + ApiClient::new_key(), {{"name", "溶接"}, {"level", 3}, {"years_experience", 2}});

    conforms(checker, "WorkerCardPage", c.get(a + "/workers?q=" + url_encode("ボブ")));
    conforms(checker, "WorkerCard", c.get(a + "/workers/" + bob));
    conforms(checker, "WorkerCard", c.send("PUT", a + "/following/" + bob, json::object()));
    c.send("PUT", b + "/following/" + alice, json::object());
    conforms(checker, "WorkerCardPage", c.get(a + "/following"));
    conforms(checker, "WorkerCardPage", c.get(b + "/followers"));
    conforms(checker, "Contacts", c.get(a + "/contacts"));
    conforms(checker, "Error", c.get(a + "/workers?limit=99"));

    auto sent = c.send("POST", a + "/messages", {{"client_id", ApiClient::new_key()}, {"to_account_id", bob}, {"text", "こんにちは"}});
    conforms(checker, "Message", sent);
    conforms(checker, "Error", c.send("POST", a + "/messages", {{"client_id", ApiClient::new_key()}, {"to_account_id", bob}, {"text", ""}}));
    conforms(checker, "MessageThreadPage", c.get(b + "/threads"));
    conforms(checker, "MessagePage", c.get(b + "/threads/" + sent.body.value("thread_id", "x") + "/messages"));

    const std::string team = ApiClient::new_key(), invitation = ApiClient::new_key();
    conforms(checker, "Team", c.send("PUT", a + "/teams/" + team, {{"url_slug", "schema-team"}, {"name", "スキーマ班"}}));
    conforms(checker, "Invitation",
             c.send("PUT", a + "/teams/" + team + "/invitations/" + invitation, {{"invitee_account_id", bob}, {"comment", "どうぞ"}}));
    conforms(checker, "InvitationList", c.get(b + "/invitations"));
    conforms(checker, "Invitation", c.send("POST", b + "/invitations/" + invitation + "/accept", json::object()));
    conforms(checker, "TeamList", c.get(b + "/teams"));
    conforms(checker, "TeamPage", c.get(b + "/teams/" + team));
}
