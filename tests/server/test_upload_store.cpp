// unit: UploadStore in-process — offsets, checksums, completion, expiry, destruction.
#include <doctest/doctest.h>

#include <filesystem>

#include "server/secrets.hpp"
#include "server/server_database.hpp"
#include "server/upload_store.hpp"

using namespace madoguchi::server;

namespace {

struct Fixture {
    std::filesystem::path root;
    std::unique_ptr<ServerDatabase> db;
    std::unique_ptr<UploadStore> store;
    Fixture() {
        init_secrets();
        root = std::filesystem::temp_directory_path() / ("madoguchi-uploads-" + random_uuid());
        std::filesystem::create_directories(root);
        db = std::make_unique<ServerDatabase>((root / "db.sqlite3").string());
        store = std::make_unique<UploadStore>((root / "uploads").string(), *db, 60);
    }
    ~Fixture() {
        store.reset();
        db.reset();
        std::filesystem::remove_all(root);
    }
};

}  // namespace

TEST_CASE("appending in order completes the upload when the whole-file hash matches") {
    Fixture f;
    const std::string data = "0123456789abcdefghij";
    auto u = f.store->create("dev", 20, 1000, "a.bin", "file", sha256_hex(data), 1000);
    REQUIRE(u.ok());
    CHECK(u->state == "receiving");
    auto a = f.store->append(u->id, "dev", 0, data.substr(0, 8), sha256_base64(data.substr(0, 8)), 1001);
    REQUIRE(a.ok());
    CHECK(a->offset == 8);
    auto wrong_offset = f.store->append(u->id, "dev", 4, data.substr(4, 4), std::nullopt, 1002);
    REQUIRE(!wrong_offset.ok());
    CHECK(wrong_offset.error().code == "upload.offset_mismatch");
    auto beyond = f.store->append(u->id, "dev", 8, data.substr(8) + "extra", std::nullopt, 1002);
    CHECK(beyond.error().code == "upload.exceeds_length");
    auto b = f.store->append(u->id, "dev", 8, data.substr(8), std::nullopt, 1003);
    REQUIRE(b.ok());
    CHECK(b->state == "complete");
    auto bytes = f.store->read_complete(u->id);
    REQUIRE(bytes.ok());
    CHECK(*bytes == data);

    f.store->destroy(u->id, 2000);
    CHECK(!f.store->read_complete(u->id).ok());
    CHECK(f.store->find(u->id, 2001).error().code == "upload.deleted");
}

TEST_CASE("creation checks its metadata") {
    Fixture f;
    CHECK(f.store->create("dev", 10, 5, "a", "file", sha256_hex("x"), 1).error().code == "upload.too_large");
    CHECK(f.store->create("dev", 10, 50, "a", "file", "not-hex", 1).error().code == "upload.invalid_metadata");
    CHECK(f.store->create("dev", -1, 50, "a", "file", sha256_hex("x"), 1).error().code == "upload.invalid_metadata");
    auto empty = f.store->create("dev", 0, 50, "empty", "file", sha256_hex(""), 1);
    REQUIRE(empty.ok());
    CHECK(empty->state == "complete");
}

TEST_CASE("a whole-file mismatch restarts the upload at zero") {
    Fixture f;
    auto u = f.store->create("dev", 4, 100, "a", "file", sha256_hex("abcd"), 1);
    REQUIRE(u.ok());
    auto r = f.store->append(u->id, "dev", 0, "abce", std::nullopt, 2);
    REQUIRE(!r.ok());
    CHECK(r.error().code == "upload.checksum_mismatch");
    auto found = f.store->find(u->id, 3);
    REQUIRE(found.ok());
    CHECK(found->offset == 0);
    CHECK(f.store->append(u->id, "dev", 0, "abcd", std::nullopt, 4)->state == "complete");
}

TEST_CASE("uploads untouched for longer than the expiry are removed; recent ones stay") {
    Fixture f;  // expiry 60 s
    auto old_one = f.store->create("dev", 10, 100, "a", "file", sha256_hex("0123456789"), 1000);
    auto recent = f.store->create("dev", 10, 100, "b", "file", sha256_hex("0123456789"), 50000);
    REQUIRE(f.store->append(old_one->id, "dev", 0, "01234", std::nullopt, 2000).ok());
    CHECK(f.store->expire_abandoned(70000) == 1);
    CHECK(f.store->find(old_one->id, 70001).error().code == "upload.expired");
    CHECK(f.store->find(recent->id, 70001).ok());
    CHECK(!std::filesystem::exists(f.root / "uploads" / (old_one->id + ".part")));
    CHECK(f.store->append(recent->id, "other-device", 0, "0", std::nullopt, 70002).error().code == "upload.forbidden");
}
