// Data at rest: the raw database (with its WAL) and the file store, read
// without the key, contain none of the personal values planted in them.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include "data/crypto/uuid.hpp"
#include "tests/data/store/temp_store.hpp"

using namespace madoguchi;
using madoguchi::testing::TempStore;

namespace {

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Every byte the kiosk wrote under the store directory except the key file.
std::vector<std::pair<std::string, std::string>> raw_files(const std::filesystem::path& dir) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file() || e.path().filename() == "device.key") continue;
        out.emplace_back(e.path().string(), slurp(e.path()));
    }
    return out;
}

}  // namespace

TEST_CASE("planted markers are nowhere in the raw database, WAL or files") {
    TempStore t;
    const std::vector<std::string> markers = {
        "MARKER-NAME-山田機密", "MARKER-PHONE-09099990000", "MARKER-ADDR-千代田1-1", "4815162",
        "MARKER-SKILL-NOTE",    "MARKER-SIGNUP-PASSWORD",   "MARKER-TOKEN-abcdef",    "MARKER-SCAN-PIXELS",
        "MARKER-EMAIL@example.jp", "MARKER-SERVER-REPLY"};
    Account acc;
    acc.username = "user1";
    acc.email = markers[8];
    SignUpRequest req;
    req.password = markers[5];
    auto a = t->accounts().create(acc, req);
    REQUIRE(a.ok());
    const std::string owner = a->meta.client_id;
    REQUIRE(t->begin_session(owner).ok());

    Profile p;
    p.family_name = markers[0];
    p.phone = markers[1];
    p.address_line = markers[2];
    REQUIRE(t->profiles().save(owner, p).ok());
    BankAccount ba;
    ba.account_number = markers[3];
    REQUIRE(t->bank_accounts().save(owner, ba).ok());
    Skill sk;
    sk.notes = markers[4];
    REQUIRE(t->skills().save(owner, sk).ok());
    REQUIRE(t->secrets().put("api_token", markers[6]).ok());
    std::string scan = "....";
    for (int i = 0; i < 2000; ++i) scan += markers[7];  // 36 kB, several chunks
    auto f = t->files().put(owner, std::span(reinterpret_cast<const std::uint8_t*>(scan.data()), scan.size()));
    REQUIRE(f.ok());
    IdentityDocument doc;
    doc.user_client_id = owner;
    doc.pages = {{"front", *f, ""}};
    REQUIRE(t->identity_documents().save(doc).ok());
    auto first = t->outbox().next_ready(t.now_ms, 1)->front();
    REQUIRE(t->outbox().mark_sending(first.id).ok());
    REQUIRE(t->outbox().mark_done(first.id, markers[9]).ok());

    // The values are really there, readable with the key...
    CHECK(t->profiles().get(owner)->value().family_name == markers[0]);
    CHECK(t->bank_accounts().get(owner)->value().account_number == markers[3]);
    CHECK(t->secrets().get("api_token")->value() == markers[6]);
    auto back = t->files().read(*f, owner);
    REQUIRE(back.ok());
    CHECK(std::string(back->begin(), back->end()) == scan);

    // ...and nowhere in the raw bytes: checked while the WAL is live and
    // again after the connection closed (checkpointed into the main file).
    for (int pass = 0; pass < 2; ++pass) {
        auto files = raw_files(t.dir.path());
        CHECK(files.size() >= 2);
        for (const auto& [path, bytes] : files)
            for (const auto& m : markers) {
                INFO(path << " contains " << m);
                CHECK(bytes.find(m) == std::string::npos);
            }
        t.store.reset();
    }
}

TEST_CASE("a ciphertext moved to another owner's row does not decrypt") {
    TempStore t;
    const std::string alice = make_uuid_v4();
    const std::string bob = make_uuid_v4();
    BankAccount ba;
    ba.account_number = "1111111";
    REQUIRE(t->bank_accounts().save(alice, ba).ok());
    ba.account_number = "2222222";
    REQUIRE(t->bank_accounts().save(bob, ba).ok());
    // An attacker with write access to the file swaps the bodies.
    REQUIRE(t->db().exec("UPDATE records SET body = (SELECT body FROM records r2 WHERE r2.owner_client_id = '" +
                         alice + "' AND r2.entity_type = 'bank_account') WHERE owner_client_id = '" + bob +
                         "' AND entity_type = 'bank_account'").ok());
    auto got = t->bank_accounts().get(bob);
    REQUIRE_FALSE(got.ok());
    CHECK(got.error().code == "crypto.decrypt");
    CHECK(t->bank_accounts().get(alice)->value().account_number == "1111111");
}

TEST_CASE("the store refuses to open with another device's key") {
    TempStore t;
    REQUIRE(t->skills().save(make_uuid_v4(), Skill{}).ok());
    auto cfg = t.config();
    t.store.reset();
    std::filesystem::remove(cfg.master_key_path);
    auto reopened = Store::open(cfg);  // a fresh key is made, but the database knows the old one
    REQUIRE_FALSE(reopened.ok());
    CHECK(reopened.error().code == "crypto.key_mismatch");
}

TEST_CASE("crypto-erase leaves no copy of the wrapped file key in the database or its WAL") {
    TempStore t;
    const std::string owner = make_uuid_v4();
    REQUIRE(t->begin_session(owner).ok());
    auto f = t->files().put(owner, std::vector<std::uint8_t>(3000, 0x5a));
    REQUIRE(f.ok());
    auto key = t->db().prepare("SELECT wrapped_key FROM file_keys WHERE file_id = ?");
    key->bind(1, *f);
    REQUIRE(*key->step());
    const auto wrapped = key->column_blob(0);
    const std::string needle(wrapped.begin(), wrapped.end());
    REQUIRE(needle.size() == 72);
    key = t->db().prepare("SELECT 1");  // finalize the reader before checkpoints
    IdentityDocument doc;
    doc.user_client_id = owner;
    doc.pages = {{"front", *f, ""}};
    REQUIRE(t->identity_documents().save(doc).ok());
    auto row = t->outbox().next_ready(t.now_ms, 1)->front();
    REQUIRE(t->outbox().mark_sending(row.id).ok());

    auto raw_contains_key = [&] {
        bool found = false;
        for (const auto& [path, bytes] : raw_files(t.dir.path()))
            if (bytes.find(needle) != std::string::npos) found = true;
        return found;
    };
    CHECK(raw_contains_key());  // the check can see the key while it exists
    REQUIRE(t->outbox().mark_done(row.id, "{}").ok());
    Skill next;  // the next write restarts (and truncates) the checkpointed WAL
    REQUIRE(t->skills().save(owner, next).ok());
    CHECK_FALSE(t->files().has_key(*f));
    CHECK_FALSE(raw_contains_key());
}

TEST_CASE("opening a store on unusable paths returns errors, not exceptions") {
    TempStore t;
    auto cfg = t.config();
    t.store.reset();
    auto bad_files = cfg;
    bad_files.files_dir = cfg.database_path + "/files";  // under a regular file
    auto a = Store::open(bad_files);
    REQUIRE_FALSE(a.ok());
    CHECK(a.error().code == "storage.open");
    auto bad_db = cfg;
    bad_db.database_path = (t.dir.path() / "missing-dir" / "store.db").string();
    CHECK_FALSE(Store::open(bad_db).ok());
    auto bad_key = cfg;
    bad_key.master_key_path = (t.dir.path() / "missing-dir" / "device.key").string();
    CHECK_FALSE(Store::open(bad_key).ok());
    CHECK(Store::open(cfg).ok());  // the good configuration still opens
}
