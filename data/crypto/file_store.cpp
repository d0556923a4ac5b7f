// Encrypted file store: secretstream files, wrapped per-file keys, sweep.
#include "data/crypto/file_store.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <set>
#include <stdexcept>

#include "data/crypto/column_cipher.hpp"
#include "data/crypto/durable_file.hpp"
#include "data/crypto/uuid.hpp"
#include "data/store/outbox_store.hpp"
#include "data/store/sqlite.hpp"

namespace madoguchi {
namespace {

// File layout: magic (8) | secretstream header (24) | chunks, each
// (plaintext <= kChunk) + ABYTES; the last chunk carries TAG_FINAL, so a
// truncated file is detected, and nothing may follow it.
constexpr std::array<char, 8> kMagic{'M', 'D', 'G', 'F', 'I', 'L', 'E', '1'};
constexpr std::size_t kChunk = 64 * 1024;
constexpr std::size_t kHeader = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr std::size_t kABytes = crypto_secretstream_xchacha20poly1305_ABYTES;
constexpr std::size_t kKeyBytes = crypto_secretstream_xchacha20poly1305_KEYBYTES;
constexpr std::size_t kWrapNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kWrapTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::string_view kSuffix = ".mdf";

std::string wrap_context(std::string_view file_id, std::string_view owner) {
    return "file_keys|" + std::string(file_id) + "|" + std::string(owner);
}

Error bad_id(std::string_view id) {
    return crypto_error("crypto.file_id", "not a file id: " + std::string(id.substr(0, 64)));
}

Error file_not_found() {
    Error e = crypto_error("store.file_not_found", "");
    e.message_ja = "ファイルが見つかりません。";
    e.message_en = "The file was not found.";
    return e;
}

}  // namespace

FileStore::FileStore(Database& db, const MasterKey& master, std::filesystem::path dir)
    : db_(db), wrap_key_(master.derive(KeyPurpose::file_wrap)), dir_(std::move(dir)) {
    std::error_code ec;
    if (!std::filesystem::exists(dir_, ec)) {
        std::filesystem::create_directories(dir_, ec);
        if (ec) throw std::runtime_error("cannot create file store directory " + dir_.string());
        ::chmod(dir_.c_str(), 0700);
    }
}

std::filesystem::path FileStore::path_of(std::string_view file_id) const {
    return dir_ / (std::string(file_id) + std::string(kSuffix));
}

bool FileStore::file_exists(std::string_view file_id) const {
    if (!is_uuid(file_id)) return false;
    std::error_code ec;
    return std::filesystem::exists(path_of(file_id), ec);
}

Result<std::string> FileStore::put(std::string_view owner, std::span<const std::uint8_t> plaintext) {
    if (owner.empty()) return crypto_error("crypto.file_owner", "file without owner");
    const std::string id = make_uuid_v4();
    SecureBytes key(kKeyBytes);
    crypto_secretstream_xchacha20poly1305_keygen(key.data());

    std::vector<std::uint8_t> out;
    const std::size_t chunks = plaintext.size() / kChunk + 1;
    out.reserve(kMagic.size() + kHeader + plaintext.size() + chunks * kABytes);
    out.insert(out.end(), kMagic.begin(), kMagic.end());
    out.resize(kMagic.size() + kHeader);
    crypto_secretstream_xchacha20poly1305_state state;
    crypto_secretstream_xchacha20poly1305_init_push(&state, out.data() + kMagic.size(), key.data());
    std::size_t off = 0;
    for (;;) {
        const std::size_t n = std::min(kChunk, plaintext.size() - off);
        const bool last = off + n == plaintext.size();
        const std::size_t at = out.size();
        out.resize(at + n + kABytes);
        unsigned long long clen = 0;
        crypto_secretstream_xchacha20poly1305_push(
            &state, out.data() + at, &clen, plaintext.data() + off, n, nullptr, 0,
            last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
        off += n;
        if (last) break;
    }
    sodium_memzero(&state, sizeof state);
    if (auto s = write_file_durably(path_of(id).string(), out, 0600, /*replace=*/false); !s) return s.error();

    std::vector<std::uint8_t> wrapped(kWrapNonce + kKeyBytes + kWrapTag);
    randombytes_buf(wrapped.data(), kWrapNonce);
    const std::string ad = wrap_context(id, owner);
    unsigned long long wlen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(wrapped.data() + kWrapNonce, &wlen, key.data(), kKeyBytes,
                                               reinterpret_cast<const unsigned char*>(ad.data()), ad.size(),
                                               nullptr, wrapped.data(), wrap_key_.data());

    auto fail = [&](Error e) -> Result<std::string> {
        ::unlink(path_of(id).c_str());
        return e;
    };
    auto tx = Transaction::begin(db_);
    if (!tx) return fail(tx.error());
    auto owner_row = db_.prepare("INSERT OR IGNORE INTO owners(client_id, in_session, created_at_ms) VALUES(?,0,?)");
    if (!owner_row) return fail(owner_row.error());
    const auto now = system_wall_clock_ms();
    owner_row->bind(1, owner).bind(2, now);
    if (auto s = owner_row->run(); !s) return fail(s.error());
    auto st = db_.prepare("INSERT INTO file_keys(file_id, owner_client_id, record_client_id, wrapped_key,"
                          " plaintext_size, created_at_ms) VALUES(?,?,NULL,?,?,?)");
    if (!st) return fail(st.error());
    st->bind(1, id).bind(2, owner).bind_blob(3, wrapped);
    st->bind(4, static_cast<std::int64_t>(plaintext.size())).bind(5, now);
    if (auto s = st->run(); !s) return fail(s.error());
    if (auto s = tx->commit(); !s) return fail(s.error());
    return id;
}

Result<SecureBytes> FileStore::unwrap_key(std::string_view file_id, std::string_view owner_filter, bool check_owner) {
    if (!is_uuid(file_id)) return bad_id(file_id);
    auto st = db_.prepare("SELECT wrapped_key, owner_client_id FROM file_keys WHERE file_id = ?");
    if (!st) return st.error();
    st->bind(1, file_id);
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return file_not_found();
    const auto wrapped = st->column_blob(0);
    const std::string owner = st->column_text(1);
    if (check_owner && owner != owner_filter) return file_not_found();  // never reveal that it exists
    if (wrapped.size() != kWrapNonce + kKeyBytes + kWrapTag) return crypto_error("crypto.decrypt", "wrapped key size");
    SecureBytes key(kKeyBytes);
    const std::string ad = wrap_context(file_id, owner);
    unsigned long long klen = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(key.data(), &klen, nullptr, wrapped.data() + kWrapNonce,
                                                   wrapped.size() - kWrapNonce,
                                                   reinterpret_cast<const unsigned char*>(ad.data()), ad.size(),
                                                   wrapped.data(), wrap_key_.data()) != 0)
        return crypto_error("crypto.decrypt", "file key does not unwrap");
    return key;
}

Result<std::vector<std::uint8_t>> FileStore::decrypt_file(std::string_view file_id, const SecureBytes& key) {
    UniqueFd fd(::open(path_of(file_id).c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd) return errno == ENOENT ? file_not_found() : crypto_error("crypto.file_read", std::strerror(errno));
    std::vector<std::uint8_t> data;
    std::array<std::uint8_t, 64 * 1024> buf{};
    for (;;) {
        ssize_t n = ::read(fd.get(), buf.data(), buf.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return crypto_error("crypto.file_read", std::strerror(errno));
        if (n == 0) break;
        data.insert(data.end(), buf.data(), buf.data() + n);
    }
    if (data.size() < kMagic.size() + kHeader || std::memcmp(data.data(), kMagic.data(), kMagic.size()) != 0)
        return crypto_error("crypto.file_format", "not a madoguchi file");
    crypto_secretstream_xchacha20poly1305_state state;
    if (crypto_secretstream_xchacha20poly1305_init_pull(&state, data.data() + kMagic.size(), key.data()) != 0)
        return crypto_error("crypto.decrypt", "bad stream header");
    std::vector<std::uint8_t> plain;
    std::size_t off = kMagic.size() + kHeader;
    bool final_seen = false;
    while (off < data.size()) {
        if (final_seen) return crypto_error("crypto.decrypt", "data after the final chunk");
        const std::size_t clen = std::min(kChunk + kABytes, data.size() - off);
        if (clen < kABytes) return crypto_error("crypto.decrypt", "truncated chunk");
        const std::size_t at = plain.size();
        plain.resize(at + clen - kABytes);
        unsigned long long mlen = 0;
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(&state, plain.data() + at, &mlen, &tag, data.data() + off,
                                                       clen, nullptr, 0) != 0)
            return crypto_error("crypto.decrypt", "chunk authentication failed");
        plain.resize(at + mlen);
        off += clen;
        final_seen = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
    }
    if (!final_seen) return crypto_error("crypto.decrypt", "file is truncated");
    return plain;
}

Result<std::vector<std::uint8_t>> FileStore::read(std::string_view file_id, std::string_view owner) {
    auto key = unwrap_key(file_id, owner, true);
    if (!key) return key.error();
    return decrypt_file(file_id, *key);
}

Result<std::vector<std::uint8_t>> FileStore::read_any_owner(std::string_view file_id) {
    auto key = unwrap_key(file_id, {}, false);
    if (!key) return key.error();
    return decrypt_file(file_id, *key);
}

Status FileStore::forget_key(std::string_view file_id) {
    auto st = db_.prepare("DELETE FROM file_keys WHERE file_id = ?");
    if (!st) return st.error();
    st->bind(1, file_id);
    return st->run();
}

void FileStore::unlink_file(std::string_view file_id) {
    if (!is_uuid(file_id)) return;
    ::unlink(path_of(file_id).c_str());
}

Status FileStore::erase(std::string_view file_id) {
    if (!is_uuid(file_id)) return bad_id(file_id);
    auto tx = Transaction::begin(db_);
    if (!tx) return tx.error();
    if (auto s = forget_key(file_id); !s) return s;
    if (auto s = tx->commit(); !s) return s;
    unlink_file(file_id);
    return ok_status();
}

bool FileStore::has_key(std::string_view file_id) {
    auto st = db_.prepare("SELECT 1 FROM file_keys WHERE file_id = ?");
    if (!st) return false;
    st->bind(1, file_id);
    auto row = st->step();
    return row.ok() && *row;
}

Result<FileSweepReport> FileStore::sweep(const std::function<bool(std::string_view)>& is_referenced) {
    FileSweepReport report;
    // 1. Key rows: staged and unwanted keys go; keys of vanished files go.
    std::set<std::string> keyed;
    {
        auto tx = Transaction::begin(db_);
        if (!tx) return tx.error();
        auto st = db_.prepare("SELECT file_id, record_client_id IS NULL FROM file_keys");
        if (!st) return st.error();
        std::vector<std::pair<std::string, bool>> rows;
        for (;;) {
            auto row = st->step();
            if (!row) return row.error();
            if (!*row) break;
            rows.emplace_back(st->column_text(0), st->column_int(1) != 0);
        }
        for (const auto& [id, staged] : rows) {
            if (!file_exists(id)) {
                ++report.missing_files;
                if (auto s = forget_key(id); !s) return s.error();
            } else if (staged && !is_referenced(id)) {
                ++report.staged_keys_erased;
                if (auto s = forget_key(id); !s) return s.error();
            } else {
                keyed.insert(id);
            }
        }
        if (auto s = tx->commit(); !s) return s.error();
    }
    // 2. Files on disk: temp files and files without a key are removed.
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir_, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.find(".tmp-") != std::string::npos) {
            std::filesystem::remove(entry.path(), ec);
            ++report.temp_files_removed;
            continue;
        }
        if (name.size() == 36 + kSuffix.size() && name.ends_with(kSuffix)) {
            const std::string id = name.substr(0, 36);
            if (!keyed.count(id)) {
                std::filesystem::remove(entry.path(), ec);
                ++report.unkeyed_files_removed;
            }
        }
    }
    if (ec) return storage_error("storage.file_sweep", ec.message());
    (void)fsync_parent_directory((dir_ / "x").string());
    return report;
}

}  // namespace madoguchi
