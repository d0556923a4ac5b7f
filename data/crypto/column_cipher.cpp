// AEAD column encryption.
#include "data/crypto/column_cipher.hpp"

#include <sodium.h>

namespace madoguchi {

Error crypto_error(std::string code, std::string_view detail) {
    Error e;
    e.code = std::move(code);
    e.message_ja = "暗号化されたデータを扱えませんでした。係員にお知らせください。";
    e.message_en = "Encrypted data could not be processed. Please ask a staff member.";
    if (!detail.empty()) {
        e.message_en += " (";
        e.message_en += detail;
        e.message_en += ")";
    }
    return e;
}

ColumnCipher::ColumnCipher(const MasterKey& master) : key_(master.derive(KeyPurpose::column)) {}

namespace {
constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
}  // namespace

std::vector<std::uint8_t> ColumnCipher::seal(std::string_view plaintext, std::string_view context) const {
    std::vector<std::uint8_t> out(kNonce + plaintext.size() + kTag);
    randombytes_buf(out.data(), kNonce);
    unsigned long long clen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        out.data() + kNonce, &clen, reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
        reinterpret_cast<const unsigned char*>(context.data()), context.size(), nullptr, out.data(), key_.data());
    out.resize(kNonce + clen);
    return out;
}

Result<std::string> ColumnCipher::open(std::span<const std::uint8_t> sealed, std::string_view context) const {
    if (sealed.size() < kNonce + kTag) return crypto_error("crypto.decrypt", "ciphertext too short");
    std::string plain(sealed.size() - kNonce - kTag, '\0');
    unsigned long long plen = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(plain.data()), &plen, nullptr, sealed.data() + kNonce,
            sealed.size() - kNonce, reinterpret_cast<const unsigned char*>(context.data()), context.size(),
            sealed.data(), key_.data()) != 0)
        return crypto_error("crypto.decrypt", "authentication failed");
    plain.resize(plen);
    return plain;
}

}  // namespace madoguchi
