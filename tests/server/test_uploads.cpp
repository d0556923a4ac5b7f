// e2e: resumable uploads — resume after a partial PATCH, offset mismatch,
// chunk and whole-file checksums, expiry of abandoned uploads (on access and
// by the sweep), a keyed creation re-run resuming instead of orphaning.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>
#include <thread>

#include "tests/server/server_process.hpp"

using namespace madoguchi::server_test;
using nlohmann::json;

namespace {

std::string test_bytes(std::size_t n) {
    std::string s(n, '\0');
    for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 131 + 7) % 251);
    return s;
}

std::string metadata(const std::string& filename, const std::string& sha_hex, const std::string& kind) {
    return "filename " + b64(filename) + ",sha256 " + b64(sha_hex) + ",kind " + b64(kind);
}

Reply create(ApiClient& c, const std::string& data, const std::string& sha_hex = "") {
    return c.send_raw("POST", "/v1/uploads", "", "application/octet-stream",
                      {{"Upload-Length", std::to_string(data.size())},
                       {"Upload-Metadata", metadata("photo.jpg", sha_hex.empty() ? sha256_hex(data) : sha_hex, "profile_photo")},
                       {"Tus-Resumable", "1.0.0"},
                       {"Idempotency-Key", ApiClient::new_key()}});
}

Reply patch(ApiClient& c, const std::string& location, std::size_t offset, const std::string& chunk, bool checksum = true,
            const std::string& checksum_value = "") {
    httplib::Headers h{{"Upload-Offset", std::to_string(offset)}, {"Tus-Resumable", "1.0.0"}};
    if (checksum) h.emplace("Upload-Checksum", "sha256 " + (checksum_value.empty() ? sha256_b64(chunk) : checksum_value));
    return c.send_raw("PATCH", location, chunk, "application/offset+octet-stream", h);
}

}  // namespace

TEST_CASE("an upload resumes from the server's offset after a partial transfer") {
    ServerProcess server;
    ApiClient c(server.port());
    c.enroll();
    const std::string data = test_bytes(300000);
    auto created = create(c, data);
    REQUIRE(created.status == 201);
    const std::string location = created.header("Location");
    REQUIRE(location.rfind("/v1/uploads/", 0) == 0);
    CHECK(created.header("Upload-Offset") == "0");

    auto head = c.head(location);
    CHECK(head.status == 200);
    CHECK(head.header("Upload-Offset") == "0");
    CHECK(head.header("Upload-Length") == "300000");

    auto p1 = patch(c, location, 0, data.substr(0, 100000));
    CHECK(p1.status == 204);
    CHECK(p1.header("Upload-Offset") == "100000");
    // "The connection dropped": the kiosk asks where to continue.
    CHECK(c.head(location).header("Upload-Offset") == "100000");
    // A stale offset is refused with 409 and changes nothing.
    auto stale = patch(c, location, 0, data.substr(0, 100000));
    CHECK(stale.status == 409);
    CHECK(stale.body["error"]["code"] == "upload.offset_mismatch");
    CHECK(patch(c, location, 250000, data.substr(250000)).status == 409);

    auto p2 = patch(c, location, 100000, data.substr(100000, 150000));
    CHECK(p2.header("Upload-Offset") == "250000");
    auto p3 = patch(c, location, 250000, data.substr(250000));
    CHECK(p3.status == 204);
    CHECK(p3.header("Upload-Offset") == "300000");
    CHECK(p3.header("Upload-Complete") == "true");
    auto done = c.get(location);
    CHECK(done.body["state"] == "complete");
    // The stored file is exactly the data.
    const std::string id = location.substr(std::string("/v1/uploads/").size());
    CHECK(std::filesystem::file_size(server.data_dir() + "/uploads/" + id + ".bin") == data.size());
    // Replaying the last PATCH after completion is an offset mismatch, not a second copy.
    CHECK(patch(c, location, 250000, data.substr(250000)).status == 409);
}

TEST_CASE("checksums: a corrupt chunk is 460 and not stored; a wrong whole file resets the upload") {
    ServerProcess server;
    ApiClient c(server.port());
    c.enroll();
    const std::string data = test_bytes(5000);
    auto created = create(c, data);
    const std::string location = created.header("Location");

    auto corrupt = patch(c, location, 0, data.substr(0, 2000), true, sha256_b64("something else"));
    CHECK(corrupt.status == 460);
    CHECK(corrupt.body["error"]["code"] == "upload.chunk_checksum_mismatch");
    CHECK(c.head(location).header("Upload-Offset") == "0");
    CHECK(patch(c, location, 0, data.substr(0, 2000), false).status == 204);  // checksum is optional

    // Whole-file check: the upload promised another file's SHA-256.
    const std::string other = test_bytes(3000);
    auto wrong = create(c, other, sha256_hex("not the same bytes"));
    const std::string wrong_loc = wrong.header("Location");
    CHECK(patch(c, wrong_loc, 0, other.substr(0, 1000)).status == 204);
    auto last = patch(c, wrong_loc, 1000, other.substr(1000));
    CHECK(last.status == 460);
    CHECK(last.body["error"]["code"] == "upload.checksum_mismatch");
    CHECK(c.head(wrong_loc).header("Upload-Offset") == "0");

    auto bad_type = c.send_raw("PATCH", location, "x", "application/json", {{"Upload-Offset", "2000"}});
    CHECK(bad_type.status == 415);
    auto no_meta = c.send_raw("POST", "/v1/uploads", "", "application/octet-stream", {{"Upload-Length", "10"}});
    CHECK(no_meta.status == 400);
    auto too_big = c.send_raw("POST", "/v1/uploads", "", "application/octet-stream",
                              {{"Upload-Length", "999999999999"}, {"Upload-Metadata", metadata("a", sha256_hex("a"), "file")}});
    CHECK(too_big.status == 413);
}

TEST_CASE("uploads belong to the device that created them") {
    ServerProcess server;
    ApiClient owner(server.port()), stranger(server.port());
    owner.enroll("owner");
    stranger.enroll("stranger");
    const std::string data = test_bytes(100);
    const std::string location = create(owner, data).header("Location");
    CHECK(stranger.head(location).status == 403);
    CHECK(patch(stranger, location, 0, data).status == 403);
    CHECK(owner.head("/v1/uploads/does-not-exist").status == 404);
}

TEST_CASE("abandoned uploads expire") {
    ServerProcess server({"--upload-expiry", "1s"});
    ApiClient c(server.port());
    c.enroll();
    const std::string data = test_bytes(1000);
    const std::string location = create(c, data).header("Location");
    CHECK(patch(c, location, 0, data.substr(0, 500)).status == 204);
    const std::string id = location.substr(std::string("/v1/uploads/").size());
    CHECK(std::filesystem::exists(server.data_dir() + "/uploads/" + id + ".part"));
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    auto head = c.head(location);
    CHECK(head.status == 410);
    CHECK(patch(c, location, 500, data.substr(500)).status == 410);
    CHECK(!std::filesystem::exists(server.data_dir() + "/uploads/" + id + ".part"));
}

TEST_CASE("an abandoned upload expires by the server's own sweep, with no request touching it") {
    ServerProcess server({"--upload-expiry", "2s"});
    ApiClient c(server.port());
    c.enroll();
    const std::string data = test_bytes(4000);
    const std::string location = create(c, data).header("Location");
    REQUIRE(patch(c, location, 0, data.substr(0, 1000)).status == 204);
    const std::string id = location.substr(std::string("/v1/uploads/").size());
    const std::string part = server.data_dir() + "/uploads/" + id + ".part";
    REQUIRE(std::filesystem::exists(part));
    // The sweep runs every expiry/4 (at least 1 s): gone within expiry + 2 periods.
    for (int i = 0; i < 80 && std::filesystem::exists(part); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK_FALSE(std::filesystem::exists(part));
    CHECK(c.head(location).status == 410);
    // A complete upload is not abandoned: it stays.
    const std::string done_id = upload_bytes(c, data, "attachment");
    std::this_thread::sleep_for(std::chrono::milliseconds(3500));
    CHECK(c.head("/v1/uploads/" + done_id).status == 200);
    CHECK(std::filesystem::exists(server.data_dir() + "/uploads/" + done_id + ".bin"));
}

TEST_CASE("a creation re-run after its idempotency record was lost resumes the same upload") {
    // The server stores the idempotency record after the upload row; a kill
    // in between used to leave an orphan that the retry could not find.
    ServerProcess server;
    ApiClient c(server.port());
    c.enroll();
    const std::string data = test_bytes(5000);
    const std::string key = ApiClient::new_key();
    const auto create_keyed = [&](const std::string& body_sha) {
        return c.send_raw("POST", "/v1/uploads", "", "application/octet-stream",
                          {{"Upload-Length", std::to_string(data.size())},
                           {"Upload-Metadata", metadata("scan.jpg", body_sha, "attachment")},
                           {"Tus-Resumable", "1.0.0"},
                           {"Idempotency-Key", key}});
    };
    auto first = create_keyed(sha256_hex(data));
    REQUIRE(first.status == 201);
    const std::string location = first.header("Location");
    REQUIRE(patch(c, location, 0, data.substr(0, 2000)).status == 204);

    // Forget the stored reply, as a crash between the two commits would.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((server.data_dir() + "/server.sqlite3").c_str(), &db) == SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "DELETE FROM idempotency WHERE key = ?1", -1, &st, nullptr) == SQLITE_OK);
    sqlite3_bind_text(st, 1, key.c_str(), -1, SQLITE_TRANSIENT);
    CHECK(sqlite3_step(st) == SQLITE_DONE);
    CHECK(sqlite3_changes(db) == 1);
    sqlite3_finalize(st);
    sqlite3_close(db);

    auto again = create_keyed(sha256_hex(data));
    CHECK(again.header("Idempotent-Replayed").empty());  // really re-run, not replayed
    CHECK(again.header("Location") == location);
    CHECK(again.header("Upload-Offset") == "2000");  // the bytes already received are kept
    auto rest = patch(c, location, 2000, data.substr(2000));
    CHECK(rest.status == 204);
    CHECK(rest.header("Upload-Complete") == "true");

    // The same key announcing another file is refused, not merged.
    auto other = c.send_raw("POST", "/v1/uploads", "", "application/octet-stream",
                            {{"Upload-Length", "10"},
                             {"Upload-Metadata", metadata("scan.jpg", sha256_hex("0123456789"), "attachment")},
                             {"Tus-Resumable", "1.0.0"},
                             {"Idempotency-Key", key}});
    CHECK(other.status == 422);
}
