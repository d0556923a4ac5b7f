// libsodium-backed secrets: randombytes, crypto_hash_sha256, crypto_pwhash_str.
#include "server/secrets.hpp"

#include <sodium.h>

#include <cstdio>
#include <stdexcept>
#include <vector>

namespace madoguchi::server {

static_assert(sizeof(crypto_hash_sha256_state) <= 256, "Sha256Stream buffer too small");

void init_secrets() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

namespace {

std::string encode(const unsigned char* bin, std::size_t len, int variant) {
    std::string out(sodium_base64_encoded_len(len, variant), '\0');
    sodium_bin2base64(out.data(), out.size(), bin, len, variant);
    out.resize(out.size() - 1);  // drop the terminating NUL sodium counts
    return out;
}

std::string to_hex(const unsigned char* bin, std::size_t len) {
    std::string out(len * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), bin, len);
    out.resize(len * 2);
    return out;
}

}  // namespace

std::string random_token() {
    unsigned char buf[32];
    randombytes_buf(buf, sizeof buf);
    return encode(buf, sizeof buf, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

std::string random_uuid() {
    unsigned char b[16];
    randombytes_buf(b, sizeof b);
    b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);
    const std::string h = to_hex(b, sizeof b);
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20);
}

std::string sha256_hex(std::string_view data) {
    unsigned char d[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(d, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    return to_hex(d, sizeof d);
}

std::string sha256_base64(std::string_view data) {
    unsigned char d[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(d, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    return encode(d, sizeof d, sodium_base64_VARIANT_ORIGINAL);
}

Sha256Stream::Sha256Stream() { crypto_hash_sha256_init(reinterpret_cast<crypto_hash_sha256_state*>(state_)); }

void Sha256Stream::update(std::string_view data) {
    crypto_hash_sha256_update(reinterpret_cast<crypto_hash_sha256_state*>(state_),
                              reinterpret_cast<const unsigned char*>(data.data()), data.size());
}

std::string Sha256Stream::final_hex() {
    unsigned char d[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(reinterpret_cast<crypto_hash_sha256_state*>(state_), d);
    return to_hex(d, sizeof d);
}

std::string base64_encode(std::string_view data) {
    return encode(reinterpret_cast<const unsigned char*>(data.data()), data.size(), sodium_base64_VARIANT_ORIGINAL);
}

std::optional<std::string> base64_decode(std::string_view text) {
    std::string s(text);
    while (!s.empty() && s.back() == '=') s.pop_back();
    std::vector<unsigned char> bin(s.size() * 3 / 4 + 3);
    std::size_t len = 0;
    const char* end = nullptr;
    if (sodium_base642bin(bin.data(), bin.size(), s.data(), s.size(), nullptr, &len, &end,
                          sodium_base64_VARIANT_ORIGINAL_NO_PADDING) != 0 ||
        end != s.data() + s.size())
        return std::nullopt;
    return std::string(reinterpret_cast<const char*>(bin.data()), len);
}

std::string hash_password(std::string_view password) {
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("crypto_pwhash_str: out of memory");
    return out;
}

bool verify_password(const std::string& stored_hash, std::string_view password) {
    if (stored_hash.empty()) return false;
    return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

bool secrets_equal(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace madoguchi::server
