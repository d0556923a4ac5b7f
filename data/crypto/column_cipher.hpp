// Column encryption: XChaCha20-Poly1305 AEAD for values stored in SQLite
// (record bodies, outbox payloads, tokens). The associated data names where
// a value belongs (table, record id, owner), so a ciphertext copied into
// another row or another owner's record does not decrypt.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "data/crypto/master_key.hpp"
#include "data/crypto/secure_bytes.hpp"
#include "data/result.hpp"

namespace madoguchi {

class ColumnCipher {
public:
    explicit ColumnCipher(const MasterKey& master);

    // nonce (24 random bytes) || ciphertext || tag (16 bytes)
    std::vector<std::uint8_t> seal(std::string_view plaintext, std::string_view context) const;
    // "crypto.decrypt" when the value was tampered with, belongs to another
    // context, or was sealed under another device key.
    Result<std::string> open(std::span<const std::uint8_t> sealed, std::string_view context) const;

private:
    SecureBytes key_;
};

Error crypto_error(std::string code, std::string_view detail);

}  // namespace madoguchi
