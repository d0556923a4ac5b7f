// e2e on the real server: DELETE /v1/accounts/{aid}/bank-account (what the
// kiosk's bank_account.delete outbox row calls) and the company search the
// company screen shows (name, address, logo id), both as docs/api describes.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "tests/server/server_process.hpp"

using namespace madoguchi::server_test;
using nlohmann::json;

namespace {

struct Fixture {
    ServerProcess server;
    ApiClient c{server.port()};
    std::string aid;
    Fixture() {
        c.enroll();
        aid = sign_up(c, "bank_company_user");
    }
    std::string base() const { return "/v1/accounts/" + aid; }
};

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Every key of `item` is a property of `schema`, and every required one is there.
void check_object_against(const json& schema, const json& item) {
    REQUIRE(item.is_object());
    const json& props = schema.at("properties");
    for (const auto& [key, _] : item.items()) CHECK_MESSAGE(props.contains(key), "undocumented field " << key);
    for (const auto& req : schema.value("required", json::array()))
        CHECK_MESSAGE(item.contains(req.get<std::string>()), "missing required " << req);
}

const json kBank = {{"bank_code", "0001"},      {"bank_name", "みずほ"},        {"branch_code", "001"},
                    {"branch_name", "東京営業部"}, {"type", "ordinary"},        {"account_number", "1234567"},
                    {"holder_name_kana", "ﾔﾏﾀﾞ ﾀﾛｳ"}};

}  // namespace

TEST_CASE("DELETE bank-account removes it, a replay and an absent account get 204, others are refused") {
    Fixture f;
    REQUIRE(f.c.send("PUT", f.base() + "/bank-account", kBank).status == 201);
    REQUIRE(f.c.get(f.base() + "/bank-account").status == 200);

    const std::string key = ApiClient::new_key();
    auto del = f.c.send("DELETE", f.base() + "/bank-account", json(), key);
    CHECK(del.status == 204);
    CHECK(f.c.get(f.base() + "/bank-account").status == 404);
    // The same outbox row sent again (same Idempotency-Key), and a fresh delete of nothing.
    CHECK(f.c.send("DELETE", f.base() + "/bank-account", json(), key).status == 204);
    CHECK(f.c.send("DELETE", f.base() + "/bank-account", json()).status == 204);

    // Another account's bank account cannot be deleted with this session.
    ApiClient other(f.server.port());
    other.enroll("kiosk-other");
    const std::string other_aid = sign_up(other, "bank_company_other");
    REQUIRE(other.send("PUT", "/v1/accounts/" + other_aid + "/bank-account", kBank).status == 201);
    auto denied = f.c.send("DELETE", "/v1/accounts/" + other_aid + "/bank-account", json());
    CHECK((denied.status == 403 || denied.status == 404));
    CHECK(other.get("/v1/accounts/" + other_aid + "/bank-account").status == 200);

    // A delete naming an older record leaves a newer one alone (the kiosk may
    // send put B before a retried delete of A); naming the stored one removes it.
    json a = kBank, b = kBank;
    a["client_id"] = "11111111-1111-4111-8111-111111111111";
    b["client_id"] = "22222222-2222-4222-8222-222222222222";
    b["account_number"] = "7654321";
    REQUIRE(f.c.send("PUT", f.base() + "/bank-account", a).status == 201);
    REQUIRE(f.c.send("PUT", f.base() + "/bank-account", b).status == 200);
    CHECK(f.c.send("DELETE", f.base() + "/bank-account?client_id=" + a["client_id"].get<std::string>(), json())
              .status == 204);
    CHECK(f.c.get(f.base() + "/bank-account").status == 200);
    CHECK(f.c.send("DELETE", f.base() + "/bank-account?client_id=" + b["client_id"].get<std::string>(), json())
              .status == 204);
    CHECK(f.c.get(f.base() + "/bank-account").status == 404);

    // The route is documented with its 204.
    const std::string doc = read_text(source_dir() + "/docs/api/openapi.yaml");
    const auto at = doc.find("operationId: deleteBankAccount");
    REQUIRE(at != std::string::npos);
    CHECK(doc.find("'204'", at) != std::string::npos);
}

TEST_CASE("company search returns name, address and logo id as the CompanyList schema documents") {
    Fixture f;
    const std::string logo = upload_bytes(f.c, std::string("\xFF\xD8\xFF", 3) + "logo-bytes", "logo");
    const std::string a = ApiClient::new_key(), b = ApiClient::new_key(), c = ApiClient::new_key();
    REQUIRE(f.c.send("PUT", "/v1/companies/" + a,
                     {{"url_slug", "yamadashoji"}, {"name", "株式会社山田商事"}, {"postal_code", "1000001"},
                      {"address", "東京都千代田区千代田1-1"}, {"phone", "0312345678"}, {"email", "info@yamada.example.jp"},
                      {"logo_file_id", logo}})
                .status == 201);
    REQUIRE(f.c.send("PUT", "/v1/companies/" + b,
                     {{"url_slug", "yamadakogyo"}, {"name", "山田工業株式会社"}, {"address", "大阪府大阪市北区梅田1-1"}})
                .status == 201);
    REQUIRE(f.c.send("PUT", "/v1/companies/" + c, {{"url_slug", "suzukisangyo"}, {"name", "鈴木産業"}}).status == 201);

    auto r = f.c.get("/v1/companies?q=" + url_encode("山田"));
    REQUIRE(r.status == 200);
    const json schemas = json::parse(read_text(source_dir() + "/docs/api/schemas.json"));
    check_object_against(schemas.at("CompanyList"), r.body);
    const json& items = r.body.at("items");
    REQUIRE(items.size() == 2);
    std::set<std::string> names;
    for (const auto& item : items) {
        check_object_against(schemas.at("Company"), item);
        names.insert(item.at("name").get<std::string>());
    }
    CHECK(names == std::set<std::string>{"株式会社山田商事", "山田工業株式会社"});
    for (const auto& item : items) {
        if (item.at("name") != "株式会社山田商事") continue;
        CHECK(item.at("server_id") == a);
        CHECK(item.at("address") == "東京都千代田区千代田1-1");
        CHECK(item.at("postal_code") == "1000001");
        CHECK(item.at("logo_file_id") == logo);
    }
    // Nothing matches: an empty list, not an error.
    auto none = f.c.get("/v1/companies?q=" + url_encode("存在しない会社"));
    CHECK(none.status == 200);
    CHECK(none.body.at("items").empty());
    // LIKE wildcards are taken literally.
    CHECK(f.c.get("/v1/companies?q=%25").body.at("items").empty());
}

TEST_CASE("company search finds the same company in every width, kana, spacing and legal-form spelling") {
    Fixture f;
    const std::string minato = ApiClient::new_key(), abc = ApiClient::new_key(), yamada = ApiClient::new_key();
    REQUIRE(f.c.send("PUT", "/v1/companies/" + minato, {{"url_slug", "minatotech"}, {"name", "株式会社ミナトテック"}})
                .status == 201);
    REQUIRE(f.c.send("PUT", "/v1/companies/" + abc, {{"url_slug", "abcshoji"}, {"name", "ＡＢＣ商事合同会社"}}).status ==
            201);
    REQUIRE(f.c.send("PUT", "/v1/companies/" + yamada, {{"url_slug", "yamadashoji"}, {"name", "山田 商事㈲"}}).status ==
            201);
    struct Case {
        const char* query;
        const std::string* expected;  // the one company found; nullptr = none
    };
    const Case cases[] = {
        {"ﾐﾅﾄﾃｯｸ", &minato},           {"ｶﾌﾞｼｷｶﾞｲｼｬ ﾐﾅﾄ", &minato}, {"㈱ミナト", &minato},
        {"(株)ミナトテック", &minato},  {"（株）ミナト", &minato},    {"ミナトテック株式会社", &minato},
        {"みなとてっく", &minato},       {"ミナト　テック", &minato},  {"ＡＢＣ", &abc},
        {"abc", &abc},                   {"Abc 商事", &abc},           {"abc商事(同)", &abc},
        {"山田商事", &yamada},           {"有限会社 山田", &yamada},   {"ﾔﾏﾀﾞ", nullptr},
        {"ミナトテクノ", nullptr},
    };
    for (const auto& c : cases) {
        INFO(c.query);
        auto r = f.c.get("/v1/companies?q=" + url_encode(c.query));
        REQUIRE(r.status == 200);
        const json& items = r.body.at("items");
        if (!c.expected) {
            CHECK(items.empty());
            continue;
        }
        REQUIRE(items.size() == 1);
        CHECK(items[0].at("server_id") == *c.expected);
    }
    // The stored name is what the person typed; only the search key is folded.
    auto r = f.c.get("/v1/companies?q=" + url_encode("ﾐﾅﾄ"));
    REQUIRE(r.body.at("items").size() == 1);
    CHECK(r.body["items"][0]["name"] == "株式会社ミナトテック");
    // A query that is only a legal form matches every company (like an empty one).
    CHECK(f.c.get("/v1/companies?q=" + url_encode("株式会社")).body.at("items").size() == 3);
}

TEST_CASE("company URL slug: alphanumeric only, 3-40, unique whatever the case") {
    Fixture f;
    REQUIRE(f.c.send("PUT", "/v1/companies/" + ApiClient::new_key(), {{"url_slug", "yamadashoji"}, {"name", "山田商事"}})
                .status == 201);
    struct Case {
        const char* slug;
        int status;
        const char* code;
    };
    const Case cases[] = {
        {"yamada-shoji", 422, "slug.characters"}, {"yamada_shoji", 422, "slug.characters"},
        {"ab", 422, "slug.length"},               {"YamadaShoji", 422, "slug.not_normalized"},
        {"yamadashoji", 409, "company.slug_taken"}, {"yamadashoji2", 201, ""},
    };
    for (const auto& c : cases) {
        INFO(c.slug);
        auto r = f.c.send("PUT", "/v1/companies/" + ApiClient::new_key(), {{"url_slug", c.slug}, {"name", "別の会社"}});
        CHECK(r.status == c.status);
        if (c.status >= 400) CHECK(r.body["error"]["code"] == c.code);
    }
}

TEST_CASE("company logo: served to signed-in kiosks by company id, revalidated by ETag, kept by a PUT naming none") {
    Fixture f;
    const std::string bytes = std::string("\xFF\xD8\xFF\xE0", 4) + std::string(300, 'L');
    const std::string logo = upload_bytes(f.c, bytes, "logo");
    const std::string with = ApiClient::new_key(), without = ApiClient::new_key();
    const json company = {{"url_slug", "logoco"}, {"name", "ロゴ株式会社"}, {"logo_file_id", logo}};
    REQUIRE(f.c.send("PUT", "/v1/companies/" + with, company).status == 201);
    REQUIRE(f.c.send("PUT", "/v1/companies/" + without, {{"url_slug", "nologo"}, {"name", "ロゴなし"}}).status == 201);

    auto r = f.c.get("/v1/companies/" + with + "/logo");
    REQUIRE(r.status == 200);
    CHECK(r.raw == bytes);
    CHECK(r.header("Content-Type") == "image/jpeg");
    const std::string etag = r.header("ETag");
    REQUIRE(etag.size() == 66);  // "<sha256 hex>"
    CHECK(etag.front() == '"');

    auto again = f.c.get("/v1/companies/" + with + "/logo", {{"If-None-Match", etag}});
    CHECK(again.status == 304);
    CHECK(again.raw.empty());
    CHECK(again.header("ETag") == etag);
    CHECK(f.c.get("/v1/companies/" + with + "/logo", {{"If-None-Match", "\"stale\""}}).status == 200);

    CHECK(f.c.get("/v1/companies/" + without + "/logo").status == 404);
    CHECK(f.c.get("/v1/companies/" + ApiClient::new_key() + "/logo").status == 404);
    ApiClient stranger(f.server.port());  // no device token
    CHECK(stranger.get("/v1/companies/" + with + "/logo").status == 401);

    // A kiosk that chose the company sends it without the logo it does not hold.
    json chosen = company;
    chosen["logo_file_id"] = "";
    auto put = f.c.send("PUT", "/v1/companies/" + with, chosen);
    REQUIRE(put.status == 200);
    CHECK(put.body["logo_file_id"] == logo);
    CHECK(f.c.get("/v1/companies/" + with + "/logo").status == 200);
}
