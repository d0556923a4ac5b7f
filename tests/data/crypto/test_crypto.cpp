// Encryption at rest: UUIDs, device key file, column AEAD, encrypted files.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <fstream>
#include <iterator>
#include <set>

#include "data/crypto/column_cipher.hpp"
#include "data/crypto/file_store.hpp"
#include "data/crypto/master_key.hpp"
#include "data/crypto/uuid.hpp"
#include "data/store/migrations.hpp"
#include "data/store/sqlite.hpp"
#include "data/store/store_schema.hpp"
#include "tests/data/store/temp_store.hpp"

using namespace madoguchi;
using madoguchi::testing::TempDir;

TEST_CASE("uuid v4: format, version, variant, uniqueness") {
    std::set<std::string> seen;
    for (int i = 0; i < 2000; ++i) {
        const auto u = make_uuid_v4();
        REQUIRE(is_uuid(u));
        CHECK(u[14] == '4');
        CHECK(std::string("89ab").find(u[19]) != std::string::npos);
        seen.insert(u);
    }
    CHECK(seen.size() == 2000);
    for (const char* bad : {"", "../../etc/passwd", "0123456789abcdef0123456789abcdef0123",
                            "0123456-89ab-4def-8123-456789abcdef0", "g1234567-89ab-4def-8123-456789abcdef"})
        CHECK_FALSE(is_uuid(bad));
}

TEST_CASE("device key: created 0600 on first start, loaded unchanged later, refused when exposed") {
    TempDir dir;
    const auto path = (dir.path() / "device.key").string();
    CHECK(MasterKey::load(path).error().code == "crypto.key_missing");
    auto k1 = MasterKey::load_or_create(path);
    REQUIRE(k1.ok());
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    auto k2 = MasterKey::load_or_create(path);
    REQUIRE(k2.ok());
    // Same key: a value sealed with one opens with the other.
    ColumnCipher c1(*k1), c2(*k2);
    CHECK(*c2.open(c1.seal("same key", "ctx"), "ctx") == "same key");

    ::chmod(path.c_str(), 0644);
    auto exposed = MasterKey::load(path);
    REQUIRE_FALSE(exposed.ok());
    CHECK(exposed.error().code == "crypto.key_permissions");
    ::chmod(path.c_str(), 0600);
    { std::ofstream(path, std::ios::app) << "x"; }
    CHECK(MasterKey::load(path).error().code == "crypto.key_format");
}

TEST_CASE("column cipher: round trip, context binding, tamper detection, fresh nonces") {
    const auto key = MasterKey::ephemeral();
    ColumnCipher c(key);
    const std::string values[] = {"", "0012345", std::string("a\0b", 3), std::string(10'000, 'z'), "山田"};
    for (const auto& v : values) {
        auto sealed = c.seal(v, "records.body|bank_account|id|owner");
        CHECK(*c.open(sealed, "records.body|bank_account|id|owner") == v);
        CHECK_FALSE(c.open(sealed, "records.body|bank_account|id|other-owner").ok());
        sealed[sealed.size() / 2] ^= 1;
        CHECK(c.open(sealed, "records.body|bank_account|id|owner").error().code == "crypto.decrypt");
    }
    CHECK(c.seal("same", "ctx") != c.seal("same", "ctx"));
    ColumnCipher other(MasterKey::ephemeral());
    CHECK_FALSE(other.open(c.seal("x", "ctx"), "ctx").ok());
    CHECK_FALSE(c.open(std::vector<std::uint8_t>(5, 0), "ctx").ok());
}

namespace {
struct FileFixture {
    TempDir dir;
    Database db;
    MasterKey key = MasterKey::ephemeral();
    FileStore files;
    static Database open_db(const TempDir& d) {
        auto db = Database::open((d.path() / "f.db").string());
        REQUIRE(db.ok());
        REQUIRE(apply_migrations(*db, store_migrations()).ok());
        return std::move(*db);
    }
    FileFixture() : db(open_db(dir)), files(db, key, dir.path() / "files") {}
};
std::vector<std::uint8_t> pattern(std::size_t n) {
    std::vector<std::uint8_t> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<std::uint8_t>(i * 31 + 7);
    return v;
}
}  // namespace

TEST_CASE("file store: round trip at chunk boundaries, 0600 files, owner check") {
    FileFixture f;
    for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{65535}, std::size_t{65536},
                          std::size_t{65537}, std::size_t{300'000}}) {
        const auto data = pattern(n);
        auto id = f.files.put("owner-a", data);
        REQUIRE(id.ok());
        CHECK(is_uuid(*id));
        auto back = f.files.read(*id, "owner-a");
        REQUIRE(back.ok());
        CHECK(*back == data);
        CHECK(*f.files.read_any_owner(*id) == data);
        CHECK(f.files.read(*id, "owner-b").error().code == "store.file_not_found");
        struct stat st {};
        REQUIRE(::stat(f.files.path_of(*id).c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
    }
    CHECK(f.files.read("../../etc/passwd", "owner-a").error().code == "crypto.file_id");
}

TEST_CASE("file store: truncation, appended data and bit flips are detected") {
    FileFixture f;
    const auto data = pattern(150'000);
    auto id = f.files.put("o", data);
    REQUIRE(id.ok());
    const auto path = f.files.path_of(*id);
    std::string original;
    {
        std::ifstream in(path, std::ios::binary);
        original.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    auto write = [&](const std::string& bytes) { std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes; };
    // Cut exactly at a chunk boundary: only the missing FINAL tag tells.
    const std::size_t first_chunk_end = 8 + 24 + 65536 + 17;
    for (std::size_t cut : {std::size_t{10}, first_chunk_end, original.size() - 1}) {
        write(original.substr(0, cut));
        CHECK_FALSE(f.files.read(*id, "o").ok());
    }
    write(original + "extra");
    CHECK_FALSE(f.files.read(*id, "o").ok());
    std::string flipped = original;
    flipped[original.size() / 2] ^= 0x10;
    write(flipped);
    CHECK(f.files.read(*id, "o").error().code == "crypto.decrypt");
    write(original);
    CHECK(*f.files.read(*id, "o") == data);
}

TEST_CASE("file store: crypto-erase leaves nothing readable; the key row alone decides") {
    FileFixture f;
    auto id = f.files.put("o", pattern(1000));
    REQUIRE(id.ok());
    const auto path = f.files.path_of(*id);
    std::string bytes;
    {
        std::ifstream in(path, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    // Forget only the key: the file still exists but can never be read.
    {
        auto tx = Transaction::begin(f.db);
        REQUIRE(f.files.forget_key(*id).ok());
        REQUIRE(tx->commit().ok());
    }
    CHECK(f.files.file_exists(*id));
    CHECK(f.files.read(*id, "o").error().code == "store.file_not_found");
    auto report = f.files.sweep([](std::string_view) { return false; });
    REQUIRE(report.ok());
    CHECK(report->unkeyed_files_removed == 1);
    CHECK_FALSE(f.files.file_exists(*id));

    auto id2 = f.files.put("o", pattern(10));
    REQUIRE(f.files.erase(*id2).ok());
    CHECK_FALSE(f.files.has_key(*id2));
    CHECK_FALSE(f.files.file_exists(*id2));
}

TEST_CASE("file store sweep: staged files kept only while something wants them") {
    FileFixture f;
    auto wanted = f.files.put("o", pattern(10));
    auto unwanted = f.files.put("o", pattern(10));
    REQUIRE((wanted.ok() && unwanted.ok()));
    auto report = f.files.sweep([&](std::string_view id) { return id == *wanted; });
    REQUIRE(report.ok());
    CHECK(report->staged_keys_erased == 1);
    CHECK(f.files.has_key(*wanted));
    CHECK(f.files.file_exists(*wanted));
    CHECK_FALSE(f.files.has_key(*unwanted));
    CHECK_FALSE(f.files.file_exists(*unwanted));
    // A key whose file vanished is reported and dropped.
    std::filesystem::remove(f.files.path_of(*wanted));
    auto again = f.files.sweep([](std::string_view) { return true; });
    CHECK(again->missing_files == 1);
    CHECK_FALSE(f.files.has_key(*wanted));
}
