// The per-device master key: generated on first start, kept in a 0600 file
// (path configurable), never written anywhere else. Every other key (column
// key, file-key wrapping key) is derived from it, so erasing this one file
// makes everything the kiosk stored unreadable.
#pragma once

#include <cstdint>
#include <string>

#include "data/crypto/secure_bytes.hpp"
#include "data/result.hpp"

namespace madoguchi {

// Purposes of the derived subkeys (crypto_kdf subkey ids). Never renumber:
// a changed id makes stored data unreadable.
enum class KeyPurpose : std::uint64_t {
    column = 1,    // AEAD of record bodies, outbox payloads, tokens
    file_wrap = 2, // wraps the per-file secretstream keys
};

class MasterKey {
public:
    static constexpr std::size_t key_size = 32;

    // Loads the key file, or creates it (random key, mode 0600, temp file +
    // fsync + rename + directory fsync) when it does not exist. Refuses a key
    // file that group or others may read ("crypto.key_permissions") or that has
    // the wrong size/format ("crypto.key_format").
    static Result<MasterKey> load_or_create(const std::string& path);
    // Loads only; "crypto.key_missing" when absent.
    static Result<MasterKey> load(const std::string& path);
    // For tests and benchmarks: a random key that lives in memory only.
    static MasterKey ephemeral();

    SecureBytes derive(KeyPurpose purpose) const;

private:
    explicit MasterKey(SecureBytes key) : key_(std::move(key)) {}
    SecureBytes key_;
};

}  // namespace madoguchi
