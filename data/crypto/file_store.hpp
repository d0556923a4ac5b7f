// FileStore: encrypted files on disk (ID scans, attachments, signatures,
// photos). Each file has its own secretstream key, wrapped by the device key
// and kept in the database (table file_keys). Deleting that key row is a
// crypto-erase: the file on disk becomes unreadable even before it is
// unlinked, and a half-finished erase is completed by the start-up sweep.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "data/crypto/master_key.hpp"
#include "data/crypto/secure_bytes.hpp"
#include "data/result.hpp"

namespace madoguchi {

class Database;

struct FileSweepReport {
    int temp_files_removed = 0;     // writes interrupted before rename
    int unkeyed_files_removed = 0;  // files without a key row: erase interrupted, crash before the key
                                    // committed, or a staged key erased just above
    int staged_keys_erased = 0;     // files never attached to a record nor queued for upload
    int missing_files = 0;          // key rows whose file vanished (reported, key removed)
};

class FileStore {
public:
    // `dir` is created with mode 0700 when missing. The Database must hold
    // the store schema (table file_keys).
    FileStore(Database& db, const MasterKey& master, std::filesystem::path dir);

    // Encrypts `plaintext` to a new file (durable: temp + fsync + rename +
    // dir fsync), then records its wrapped key for `owner_client_id` in one
    // transaction (a savepoint when the caller has one open). The file is
    // "staged" until a repository attaches it to a record; staged files
    // that nothing references are swept at the next start.
    Result<std::string> put(std::string_view owner_client_id, std::span<const std::uint8_t> plaintext);
    // Decrypts a whole file. The owner must match: one user's file id cannot
    // be used to read another user's file.
    Result<std::vector<std::uint8_t>> read(std::string_view file_id, std::string_view owner_client_id);
    // Same, for a caller that does not know the owner (the sync worker
    // uploading an outbox row's files: the row carries no owner check).
    Result<std::vector<std::uint8_t>> read_any_owner(std::string_view file_id);

    // Crypto-erase now: deletes the key row (own transaction or savepoint),
    // then unlinks the file.
    Status erase(std::string_view file_id);
    // Two-step form for callers inside a larger transaction: forget_key()
    // deletes the key row in the caller's transaction; unlink_file() removes
    // the bytes after the caller committed.
    Status forget_key(std::string_view file_id);
    void unlink_file(std::string_view file_id);

    bool has_key(std::string_view file_id);
    bool file_exists(std::string_view file_id) const;
    std::filesystem::path path_of(std::string_view file_id) const;
    const std::filesystem::path& dir() const { return dir_; }

    // Start-up sweep (see FileSweepReport). `is_referenced(file_id)` says
    // whether a staged key is still wanted (e.g. an unfinished outbox row
    // lists it).
    Result<FileSweepReport> sweep(const std::function<bool(std::string_view)>& is_referenced);

private:
    Result<SecureBytes> unwrap_key(std::string_view file_id, std::string_view owner_filter, bool check_owner);
    Result<std::vector<std::uint8_t>> decrypt_file(std::string_view file_id, const SecureBytes& key);

    Database& db_;
    SecureBytes wrap_key_;
    std::filesystem::path dir_;
};

}  // namespace madoguchi
