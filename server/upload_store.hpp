// Resumable upload storage (tus 1.0 semantics): rows in the uploads table and
// bytes in <data>/uploads/<id>.part until complete, then <id>.bin.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "data/result.hpp"

namespace madoguchi::server {

class ServerDatabase;

struct UploadInfo {
    std::string id;
    std::string device_id;
    std::int64_t length = 0;
    std::int64_t offset = 0;
    std::string filename;
    std::string kind;
    std::string sha256;  // lowercase hex of the whole file, as promised at creation
    std::string state;   // receiving | complete | deleted | expired
    std::int64_t created_at_ms = 0;
    std::int64_t updated_at_ms = 0;
};

// Error codes (upload_api.cpp maps them to HTTP statuses):
// upload.not_found, upload.expired, upload.deleted, upload.forbidden,
// upload.offset_mismatch, upload.locked, upload.exceeds_length,
// upload.chunk_checksum_mismatch, upload.checksum_mismatch, upload.io,
// upload.invalid_metadata, upload.too_large.
class UploadStore {
public:
    UploadStore(std::string dir, ServerDatabase& db, std::int64_t expiry_s);

    // `id` empty: a fresh random id. Otherwise the caller's id (derived from
    // the request's Idempotency-Key): creating it again returns the existing
    // upload with its offset (the same file must be announced), so a request
    // re-run after a crash resumes the bytes already received instead of
    // leaving them as an orphan.
    Result<UploadInfo> create(const std::string& device_id, std::int64_t length, std::int64_t max_length,
                              const std::string& filename, const std::string& kind, const std::string& sha256_hex,
                              std::int64_t now_ms, const std::string& id = {});

    // Also reports upload.expired for an abandoned upload (and removes it).
    Result<UploadInfo> find(const std::string& id, std::int64_t now_ms);

    // Appends `data` at `offset`. chunk_sha256_b64 (optional) is checked first.
    // When the last byte arrives, the whole file is checked against the
    // promised SHA-256; on mismatch the upload restarts from offset 0.
    Result<UploadInfo> append(const std::string& id, const std::string& device_id, std::int64_t offset,
                              const std::string& data, const std::optional<std::string>& chunk_sha256_b64,
                              std::int64_t now_ms);

    // Bytes of a complete upload.
    Result<std::string> read_complete(const std::string& id);

    // Deletes the stored bytes for good (staff verification); the row stays
    // as a record that the file existed and when it was destroyed.
    void destroy(const std::string& id, std::int64_t now_ms);

    // Removes uploads not touched for expiry_s; returns how many.
    int expire_abandoned(std::int64_t now_ms);

    std::int64_t expiry_s() const { return expiry_s_; }

private:
    std::string part_path(const std::string& id) const { return dir_ + "/" + id + ".part"; }
    std::string done_path(const std::string& id) const { return dir_ + "/" + id + ".bin"; }
    bool lock(const std::string& id);
    void unlock(const std::string& id);

    std::string dir_;
    ServerDatabase& db_;
    std::int64_t expiry_s_;
    std::mutex busy_mutex_;
    std::set<std::string> busy_;
};

}  // namespace madoguchi::server
