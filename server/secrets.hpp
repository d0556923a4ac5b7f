// Random identifiers and tokens, SHA-256, Base64 and Argon2id password hashes
// (libsodium), used wherever the server makes or checks a secret.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace madoguchi::server {

// Must be called once before any other function here (sodium_init).
void init_secrets();

// 32 random bytes, Base64url without padding: bearer tokens, mail links.
std::string random_token();
// RFC 4122 version-4 UUID string: device and upload ids.
std::string random_uuid();

std::string sha256_hex(std::string_view data);
std::string sha256_base64(std::string_view data);

// Incremental SHA-256 for files that arrive in chunks.
class Sha256Stream {
public:
    Sha256Stream();
    void update(std::string_view data);
    std::string final_hex();

private:
    alignas(64) unsigned char state_[256];
};

std::string base64_encode(std::string_view data);
// Standard alphabet, padding optional; nullopt on malformed input.
std::optional<std::string> base64_decode(std::string_view text);

// Argon2id (crypto_pwhash_str, interactive limits).
std::string hash_password(std::string_view password);
bool verify_password(const std::string& stored_hash, std::string_view password);

// Constant-time comparison of two equal-length secrets.
bool secrets_equal(std::string_view a, std::string_view b);

}  // namespace madoguchi::server
