// Plain-file upload source and the streaming whole-file SHA-256.
#include "net/upload_source.hpp"

#include <sodium.h>

#include <vector>

namespace madoguchi {
namespace {
Error io_error(const std::string& what) {
    return {"upload.io", "", "送信するファイルを読み取れません。", "Cannot read the file to upload: " + what};
}
}  // namespace

Result<std::unique_ptr<PlainFileUploadSource>> PlainFileUploadSource::open(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return io_error(path);
    if (std::fseek(f, 0, SEEK_END) != 0) {
        std::fclose(f);
        return io_error(path);
    }
    const long end = std::ftell(f);
    std::rewind(f);
    if (end < 0) {
        std::fclose(f);
        return io_error(path);
    }
    return std::unique_ptr<PlainFileUploadSource>(new PlainFileUploadSource(f, static_cast<std::uint64_t>(end)));
}

PlainFileUploadSource::~PlainFileUploadSource() { std::fclose(file_); }

Status PlainFileUploadSource::seek(std::uint64_t offset) {
    if (offset > size_ || std::fseek(file_, static_cast<long>(offset), SEEK_SET) != 0) return io_error("seek");
    return ok_status();
}

Result<std::size_t> PlainFileUploadSource::read(std::span<char> out) {
    const std::size_t n = std::fread(out.data(), 1, out.size(), file_);
    if (n == 0 && std::ferror(file_)) return io_error("read");
    return n;
}

Result<std::string> sha256_hex_of(UploadSource& source) {
    if (sodium_init() < 0) return io_error("sodium_init");
    if (auto s = source.seek(0); !s) return s.error();
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    std::vector<char> buf(1 << 20);
    for (;;) {
        auto n = source.read(buf);
        if (!n) return n.error();
        if (*n == 0) break;
        crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(buf.data()), *n);
    }
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&st, digest);
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return std::string(hex);
}

}  // namespace madoguchi
