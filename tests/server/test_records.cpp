// e2e: profile, collections CRUD, bank account, NDA agreements and companies.
#include <doctest/doctest.h>

#include "tests/server/server_process.hpp"

using namespace madoguchi::server_test;
using nlohmann::json;

namespace {

json profile_body() {
    return {{"nickname", "たろう"},
            {"self_introduction", "倉庫作業の経験があります。\n週末も対応できます。"},
            {"family_name", "山田"},
            {"given_name", "太郎"},
            {"family_name_kana", "ヤマダ"},
            {"given_name_kana", "タロウ"},
            {"gender", "male"},
            {"birth_date", "1990-04-01"},
            {"postal_code", "1000001"},
            {"prefecture", "東京都"},
            {"city", "千代田区"},
            {"town", "千代田"},
            {"address_line", "1-1"},
            {"phone", "09012345678"},
            {"status", "available"},
            {"weekly_hours", "10_to_20"},
            {"hourly_rate_yen", 1500},
            {"show_age_bracket", true},
            {"preferred_prefecture", "13"},
            {"preferred_municipality", "131016"},
            {"hometown", ""},
            {"schools", "東京都立高校"}};
}

struct Fixture {
    ServerProcess server;
    ApiClient c{server.port()};
    std::string aid;
    Fixture() {
        c.enroll();
        aid = sign_up(c, "records_user");
    }
    std::string base() const { return "/v1/accounts/" + aid; }
};

}  // namespace

TEST_CASE("profile PUT stores the record, GET returns it, username is the account's") {
    Fixture f;
    CHECK(f.c.get(f.base() + "/profile").status == 404);
    json body = profile_body();
    body["username"] = "someone_else";
    auto put = f.c.send("PUT", f.base() + "/profile", body);
    REQUIRE(put.status == 201);
    CHECK(put.body["username"] == "records_user");
    CHECK(put.body["family_name"] == "山田");
    auto got = f.c.get(f.base() + "/profile");
    REQUIRE(got.status == 200);
    CHECK(got.body == put.body);

    body["nickname"] = "タロ";
    auto replaced = f.c.send("PUT", f.base() + "/profile", body);
    CHECK(replaced.status == 200);
    CHECK(f.c.get(f.base() + "/profile").body["nickname"] == "タロ");
}

TEST_CASE("profile validation reports each broken field") {
    Fixture f;
    struct Row {
        const char* field;
        json value;
        const char* code;
    };
    // Codes of data/rules are that module's business; here: status and field,
    // and the server's own code for a dangling upload reference.
    const std::vector<Row> rows = {
        {"family_name_kana", "やまだ1", nullptr},
        {"nickname", "", nullptr},
        {"birth_date", "1990-02-30", nullptr},
        {"postal_code", "1000", nullptr},
        {"phone", "0901234", nullptr},
        {"hourly_rate_yen", -5, nullptr},
        {"photo_file_id", "no-such-upload", "upload.not_found"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.field);
        json body = profile_body();
        body[row.field] = row.value;
        auto r = f.c.send("PUT", f.base() + "/profile", body);
        CHECK(r.status == 422);
        if (row.code) CHECK(r.body["error"]["code"] == row.code);
        CHECK(!r.body["error"]["code"].get<std::string>().empty());
        CHECK(r.body["error"]["field"] == row.field);
    }
    json wrong_type = profile_body();
    wrong_type["gender"] = "unknown-code";
    CHECK(f.c.send("PUT", f.base() + "/profile", wrong_type).status == 400);
    wrong_type = profile_body();
    wrong_type["nickname"] = 12;
    CHECK(f.c.send("PUT", f.base() + "/profile", wrong_type).status == 400);
}

TEST_CASE("collections: create, replace, list, delete; deleting twice is harmless") {
    Fixture f;
    struct Row {
        std::string collection;
        json record;
        const char* changed_field;
        json changed_value;
    };
    const std::vector<Row> rows = {
        {"skills", {{"name", "フォークリフト"}, {"level", 3}, {"years_experience", 5}, {"notes", ""}}, "level", 4},
        {"qualifications",
         {{"name", "日商簿記2級"}, {"issuer", "日本商工会議所"}, {"acquired", "2019-06"}, {"score_or_grade", "2級"},
          {"certificate_number", ""}, {"expires", ""}},
         "issuer", "商工会議所"},
        {"careers",
         {{"category", "物流"}, {"period_from", "2015-04"}, {"period_to", "2020-03"}, {"company_name", "山田運輸"},
          {"duties", "仕分け"}, {"company_url", ""}, {"role", "リーダー"}, {"environment", ""}, {"team_size", 8},
          {"attachments", json::array()}},
         "role", "主任"},
        {"hobbies", {{"name", "釣り"}, {"comment", "週末に"}, {"show_on_profile", true}}, "show_on_profile", false},
    };
    for (const auto& row : rows) {
        CAPTURE(row.collection);
        const std::string a = ApiClient::new_key(), b = ApiClient::new_key();
        const std::string path = f.base() + "/" + row.collection;
        CHECK(f.c.send("PUT", path + "/" + a, row.record).status == 201);
        CHECK(f.c.send("PUT", path + "/" + b, row.record).status == 201);
        json changed = row.record;
        changed[row.changed_field] = row.changed_value;
        auto replaced = f.c.send("PUT", path + "/" + a, changed);
        CHECK(replaced.status == 200);
        CHECK(replaced.body["client_id"] == a);
        auto list = f.c.get(path);
        REQUIRE(list.status == 200);
        REQUIRE(list.body["items"].size() == 2);
        bool found = false;
        for (const auto& item : list.body["items"])
            if (item["client_id"] == a) found = item[row.changed_field] == row.changed_value;
        CHECK(found);
        CHECK(f.c.send("DELETE", path + "/" + a, nullptr).status == 204);
        CHECK(f.c.send("DELETE", path + "/" + a, nullptr).status == 204);
        CHECK(f.c.get(path).body["items"].size() == 1);
    }
}

TEST_CASE("collection records are validated and their client_id must match the path") {
    Fixture f;
    const std::string path = f.base() + "/skills/" + ApiClient::new_key();
    auto bad_level = f.c.send("PUT", path, {{"name", "溶接"}, {"level", 9}, {"years_experience", 1}});
    CHECK(bad_level.status == 422);
    CHECK(bad_level.body["error"]["field"] == "level");
    auto no_name = f.c.send("PUT", path, {{"name", ""}, {"level", 2}, {"years_experience", 1}});
    CHECK(no_name.status == 422);
    CHECK(no_name.body["error"]["field"] == "name");
    auto mismatch = f.c.send("PUT", path, {{"client_id", "other"}, {"name", "溶接"}, {"level", 2}});
    CHECK(mismatch.status == 422);
    CHECK(mismatch.body["error"]["code"] == "client_id.mismatch");
    CHECK(f.c.get(f.base() + "/unknown-collection").status == 404);
}

TEST_CASE("bank account is stored and read back masked; NDA agreements are immutable by client_id") {
    Fixture f;
    const json bank = {{"bank_code", "0001"}, {"bank_name", "みずほ銀行"}, {"branch_code", "001"}, {"branch_name", "東京営業部"},
                       {"type", "ordinary"}, {"account_number", "1234567"}, {"holder_name_kana", "ﾔﾏﾀﾞ ﾀﾛｳ"}};
    auto put = f.c.send("PUT", f.base() + "/bank-account", bank);
    REQUIRE(put.status == 201);
    CHECK(put.body["account_number"] == "****567");
    CHECK(f.c.get(f.base() + "/bank-account").body["holder_name_kana"] == "ﾔﾏﾀﾞ ﾀﾛｳ");
    json bad = bank;
    bad["holder_name_kana"] = "山田太郎";
    auto bad_holder = f.c.send("PUT", f.base() + "/bank-account", bad);
    CHECK(bad_holder.status == 422);
    CHECK(bad_holder.body["error"]["field"] == "holder_name_kana");
    bad = bank;
    bad["account_number"] = "123";
    CHECK(f.c.send("PUT", f.base() + "/bank-account", bad).body["error"]["field"] == "account_number");

    const std::string nda_id = ApiClient::new_key();
    json nda = {{"client_id", nda_id}, {"text_version", "2026-11-01"}, {"text_sha256", std::string(64, 'a')},
                {"language", "ja"}, {"typed_name", "山田太郎"},
                {"signature_file_id", upload_bytes(f.c, std::string("\x89PNG", 4) + "signature", "signature")},
                {"agreed_at_ms", 1790000000000}};
    CHECK(f.c.send("POST", f.base() + "/nda-agreements", nda).status == 201);
    json changed = nda;
    changed["typed_name"] = "別人";
    auto second = f.c.send("POST", f.base() + "/nda-agreements", changed);
    CHECK(second.status == 200);
    CHECK(second.body["typed_name"] == "山田太郎");
    CHECK(f.c.get(f.base() + "/nda-agreements").body["items"].size() == 1);
}

TEST_CASE("companies: partial-name search, slug unique and immutable") {
    Fixture f;
    const std::string a = ApiClient::new_key(), b = ApiClient::new_key();
    const json company = {{"url_slug", "coreconcier"}, {"name", "株式会社コアコンシェル"}, {"description", "人材紹介"},
                          {"postal_code", "1500001"}, {"address", "東京都渋谷区神宮前1-1"}, {"phone", "0312345678"},
                          {"email", "info@example.jp"}, {"logo_file_id", ""}};
    auto created = f.c.send("PUT", "/v1/companies/" + a, company);
    REQUIRE(created.status == 201);
    CHECK(created.body["server_id"] == a);
    auto dup = f.c.send("PUT", "/v1/companies/" + b, company);
    CHECK(dup.status == 409);
    CHECK(dup.body["error"]["code"] == "company.slug_taken");
    json moved = company;
    moved["url_slug"] = "othername";
    CHECK(f.c.send("PUT", "/v1/companies/" + a, moved).body["error"]["code"] == "company.slug_immutable");
    json renamed = company;
    renamed["description"] = "人材紹介・派遣";
    CHECK(f.c.send("PUT", "/v1/companies/" + a, renamed).status == 200);
    json other = company;
    other["url_slug"] = "yamada";
    other["name"] = "山田運輸株式会社";
    CHECK(f.c.send("PUT", "/v1/companies/" + b, other).status == 201);

    auto hit = f.c.get("/v1/companies?q=" + url_encode("コアコン"));
    REQUIRE(hit.status == 200);
    REQUIRE(hit.body["items"].size() == 1);
    CHECK(hit.body["items"][0]["url_slug"] == "coreconcier");
    CHECK(hit.body["items"][0]["description"] == "人材紹介・派遣");
    CHECK(f.c.get("/v1/companies?q=" + url_encode("株式会社")).body["items"].size() == 2);
    CHECK(f.c.get("/v1/companies?q=%25").body["items"].size() == 0);  // % is literal, not a wildcard
}
