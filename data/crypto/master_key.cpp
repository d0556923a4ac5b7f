// Master key file: creation, permission check, subkey derivation.
#include "data/crypto/master_key.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "data/crypto/column_cipher.hpp"
#include "data/crypto/sodium_init.hpp"
#include "data/crypto/durable_file.hpp"

namespace madoguchi {
namespace {

// File format: 8-byte magic (version in the last byte) + 32 key bytes.
constexpr std::array<char, 8> kMagic{'M', 'D', 'G', 'K', 'E', 'Y', '0', '1'};
constexpr std::size_t kFileSize = kMagic.size() + MasterKey::key_size;
// crypto_kdf context: exactly 8 bytes.
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "MDGSTORE";

}  // namespace

Result<MasterKey> MasterKey::load(const std::string& path) {
    ensure_sodium_initialized();
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        if (errno == ENOENT) return crypto_error("crypto.key_missing", "no master key at " + path);
        return crypto_error("crypto.key_read", "cannot open " + path + ": " + std::strerror(errno));
    }
    UniqueFd guard(fd);
    struct stat st {};
    if (::fstat(fd, &st) != 0) return crypto_error("crypto.key_read", "fstat failed");
    if ((st.st_mode & 077) != 0)
        return crypto_error("crypto.key_permissions", path + " is readable by group/others (needs 0600)");
    if (st.st_size != static_cast<off_t>(kFileSize)) return crypto_error("crypto.key_format", "wrong key file size");
    SecureBytes buf(kFileSize);
    std::size_t got = 0;
    while (got < kFileSize) {
        ssize_t n = ::read(fd, buf.data() + got, kFileSize - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return crypto_error("crypto.key_read", "short read");
        got += static_cast<std::size_t>(n);
    }
    if (std::memcmp(buf.data(), kMagic.data(), kMagic.size()) != 0)
        return crypto_error("crypto.key_format", "not a madoguchi key file");
    SecureBytes key(key_size);
    std::memcpy(key.data(), buf.data() + kMagic.size(), key_size);
    return MasterKey(std::move(key));
}

Result<MasterKey> MasterKey::load_or_create(const std::string& path) {
    auto loaded = load(path);
    if (loaded.ok() || loaded.error().code != "crypto.key_missing") return loaded;
    SecureBytes file(kFileSize);
    std::memcpy(file.data(), kMagic.data(), kMagic.size());
    randombytes_buf(file.data() + kMagic.size(), key_size);
    // Exclusive create of the final name: if two processes race on first
    // start, exactly one key wins and the other loads it.
    if (auto s = write_file_durably(path, file.span(), 0600, /*replace=*/false); !s) {
        if (s.error().code == "storage.file_exists") return load(path);
        return s.error();
    }
    return load(path);
}

MasterKey MasterKey::ephemeral() {
    SecureBytes key(key_size);
    randombytes_buf(key.data(), key_size);
    return MasterKey(std::move(key));
}

SecureBytes MasterKey::derive(KeyPurpose purpose) const {
    SecureBytes sub(32);
    crypto_kdf_derive_from_key(sub.data(), sub.size(), static_cast<std::uint64_t>(purpose), kKdfContext,
                               key_.data());
    return sub;
}

}  // namespace madoguchi
