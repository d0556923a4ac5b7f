// The reference server's migration 2 (companies.search_key) on a database
// written by the version-1 server: the real binary opens an old file, fills
// the key of every stored company, keeps every row as it was, and the search
// then finds those companies in any width, kana or legal-form spelling.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "data/model/model_json.hpp"
#include "data/store/sqlite.hpp"
#include "data/text/company_search_key.hpp"
#include "tests/net/server_database_query.hpp"
#include "tests/net/server_process.hpp"
#include "tests/net/temp_dir.hpp"
#include "tests/server/server_process.hpp"

using namespace madoguchi;
using nlohmann::json;

namespace {

struct OldCompany {
    const char* client_id;
    const char* slug;
    const char* name;
    const char* address;
};

// Stored the way the version-1 server's PUT /v1/companies/{id} stored them.
const std::vector<OldCompany> kOld = {
    {"c-minato", "minatotech", "株式会社ミナトテック", "東京都港区芝公園1-1-1"},
    {"c-abc", "abcshoji", "ＡＢＣ商事合同会社", "大阪府大阪市北区梅田2-2-2"},
    {"c-yamada", "yamadashoji", "山田 商事㈲", "岩手県盛岡市内丸3-3"},
};

std::string body_of(const OldCompany& o) {
    Company c;
    c.meta.client_id = o.client_id;
    c.server_id = o.client_id;
    c.url_slug = o.slug;
    c.name = o.name;
    c.address = o.address;
    return json(c).dump();
}

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    REQUIRE(in);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// DATA/server.sqlite3 at version 1, from the frozen v1 schema, with
// companies, a device and a record row in it.
void write_v1_database(const std::string& data_dir) {
    DatabaseOptions o;
    auto db = Database::open(data_dir + "/server.sqlite3", o);
    REQUIRE(db.ok());
    REQUIRE(db->exec(read_text(MADOGUCHI_SERVER_SCHEMA_V1)).ok());
    for (const OldCompany& c : kOld) {
        auto st = db->prepare(
            "INSERT INTO companies(client_id, url_slug, name, body, created_by_device, updated_at_ms) "
            "VALUES(?1,?2,?3,?4,'dev-old',1700000000000)");
        REQUIRE(st.ok());
        st->bind(1, c.client_id).bind(2, c.slug).bind(3, c.name).bind(4, body_of(c));
        REQUIRE(st->run().ok());
    }
    REQUIRE(db->exec("INSERT INTO records(account_id, collection, client_id, body, updated_at_ms) "
                     "VALUES('acct-old','hobbies','h-1','{\"name\":\"釣り\"}',1700000000000)")
                .ok());
    auto v = db->user_version();
    REQUIRE(v.ok());
    REQUIRE(*v == 1);
}

std::vector<std::string> names_found(server_test::ApiClient& c, const std::string& query) {
    auto r = c.get("/v1/companies?q=" + server_test::url_encode(query));
    REQUIRE(r.status == 200);
    std::vector<std::string> out;
    for (const auto& item : r.body.at("items")) out.push_back(item.at("name").get<std::string>());
    return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    for (const auto& x : v)
        if (x == s) return true;
    return false;
}

}  // namespace

TEST_CASE("a version-1 server database gets its companies' search keys and is searchable by any spelling") {
    test::TempDir data;
    write_v1_database(data.path().string());
    const std::string dir = data.path().string();

    test::ServerProcess server(dir);
    server.start(0);
    server_test::ApiClient c(server.port());
    c.enroll();

    // Search by spellings that differ from the stored name only in what the key folds.
    struct Case {
        const char* query;
        const char* expected;
    };
    for (const Case& k : {Case{"ｶﾌﾞｼｷｶﾞｲｼｬ ﾐﾅﾄﾃｯｸ", "株式会社ミナトテック"}, Case{"みなと", "株式会社ミナトテック"},
                          Case{"abc商事", "ＡＢＣ商事合同会社"}, Case{"（有）山田商事", "山田 商事㈲"},
                          Case{"ﾔﾏﾀﾞ", ""}}) {
        INFO(k.query);
        const auto found = names_found(c, k.query);
        if (*k.expected) {
            CHECK(found.size() == 1);
            CHECK(contains(found, k.expected));
        } else {
            CHECK(found.empty());  // a reading is not a spelling: 山田 is not ヤマダ
        }
    }
    // The bodies come back exactly as the old server stored them.
    auto r = c.get("/v1/companies?q=" + server_test::url_encode("ミナト"));
    REQUIRE(r.body.at("items").size() == 1);
    CHECK(r.body.at("items")[0] == json::parse(body_of(kOld[0])));
    server.stop();

    // On disk: at the newest version, every key filled from the stored name,
    // every column of every old row as written, nothing added or lost.
    // (Later migrations move the newest version on; this one only needs to be past 2.)
    const std::int64_t migrated_version = test::server_db_count(dir, "PRAGMA user_version");
    CHECK(migrated_version >= 2);
    CHECK(test::server_db_count(dir, "SELECT COUNT(*) FROM companies") == static_cast<std::int64_t>(kOld.size()));
    CHECK(test::server_db_count(dir, "SELECT COUNT(*) FROM companies WHERE search_key = ''") == 0);
    for (const OldCompany& o : kOld) {
        INFO(o.name);
        const std::string where = std::string(" FROM companies WHERE client_id='") + o.client_id + "'";
        CHECK(test::server_db_strings(dir, "SELECT search_key" + where) ==
              std::vector<std::string>{company_search_key(o.name)});
        CHECK(test::server_db_strings(dir, "SELECT name || '|' || url_slug || '|' || created_by_device || '|' || "
                                           "updated_at_ms" + where) ==
              std::vector<std::string>{std::string(o.name) + "|" + o.slug + "|dev-old|1700000000000"});
        CHECK(test::server_db_strings(dir, "SELECT body" + where) == std::vector<std::string>{body_of(o)});
    }
    CHECK(test::server_db_strings(dir, "SELECT body FROM records WHERE client_id='h-1'") ==
          std::vector<std::string>{"{\"name\":\"釣り\"}"});
    CHECK(test::server_db_count(dir, "SELECT COUNT(*) FROM sqlite_master WHERE name='audit_events'") == 1);

    // A second start finds nothing left to migrate and changes nothing.
    server.start();
    server_test::ApiClient again(server.port());
    again.enroll("kiosk-again");
    CHECK(contains(names_found(again, "ﾐﾅﾄﾃｯｸ"), "株式会社ミナトテック"));
    server.stop();
    CHECK(test::server_db_count(dir, "PRAGMA user_version") == migrated_version);
    CHECK(test::server_db_count(dir, "SELECT COUNT(*) FROM companies") == static_cast<std::int64_t>(kOld.size()));
}
