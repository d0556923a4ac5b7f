// Upload files and rows: durable appends (pwrite + fdatasync before the
// offset is recorded), whole-file SHA-256 check, expiry of abandoned uploads.
#include "server/upload_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "server/secrets.hpp"
#include "server/server_database.hpp"

namespace madoguchi::server {
namespace {

Error err(const char* code, const char* en, const char* ja) { return Error{code, "", ja, en}; }

Error io_error() { return err("upload.io", "The server could not store the upload.", "サーバーでファイルを保存できませんでした。"); }

UploadInfo row_to_info(const SqliteStatement& st) {
    UploadInfo u;
    u.id = st.column_text(0);
    u.device_id = st.column_text(1);
    u.length = st.column_int64(2);
    u.offset = st.column_int64(3);
    u.filename = st.column_text(4);
    u.kind = st.column_text(5);
    u.sha256 = st.column_text(6);
    u.state = st.column_text(7);
    u.created_at_ms = st.column_int64(8);
    u.updated_at_ms = st.column_int64(9);
    return u;
}

constexpr const char* kSelect =
    "SELECT upload_id, device_id, length, upload_offset, filename, kind, sha256, state, created_at_ms, "
    "updated_at_ms FROM uploads ";

bool is_hex64(const std::string& s) {
    if (s.size() != 64) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

std::optional<std::string> file_sha256(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    Sha256Stream h;
    std::vector<char> buf(1 << 16);
    while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        if (in.gcount() > 0) h.update(std::string_view(buf.data(), static_cast<std::size_t>(in.gcount())));
    }
    return h.final_hex();
}

// Writes at `offset` after cutting anything beyond it (left by a write that
// crashed before its offset was recorded), then makes the bytes durable.
bool write_at(const std::string& path, std::int64_t offset, const std::string& data) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return false;
    bool ok = ::ftruncate(fd, offset) == 0;
    std::size_t done = 0;
    while (ok && done < data.size()) {
        const ssize_t n = ::pwrite(fd, data.data() + done, data.size() - done,
                                   static_cast<off_t>(offset + static_cast<std::int64_t>(done)));
        if (n <= 0) ok = false;
        else done += static_cast<std::size_t>(n);
    }
    if (ok && ::fdatasync(fd) != 0) ok = false;
    ::close(fd);
    return ok;
}

}  // namespace

UploadStore::UploadStore(std::string dir, ServerDatabase& db, std::int64_t expiry_s)
    : dir_(std::move(dir)), db_(db), expiry_s_(expiry_s) {
    std::filesystem::create_directories(dir_);
}

bool UploadStore::lock(const std::string& id) {
    std::lock_guard l(busy_mutex_);
    return busy_.insert(id).second;
}

void UploadStore::unlock(const std::string& id) {
    std::lock_guard l(busy_mutex_);
    busy_.erase(id);
}

Result<UploadInfo> UploadStore::create(const std::string& device_id, std::int64_t length, std::int64_t max_length,
                                       const std::string& filename, const std::string& kind,
                                       const std::string& promised_sha256, std::int64_t now_ms,
                                       const std::string& id) {
    if (length < 0)
        return err("upload.invalid_metadata", "Upload-Length is missing or invalid.", "ファイルサイズが不正です。");
    if (length > max_length)
        return err("upload.too_large", "The file is larger than the server accepts.", "ファイルが大きすぎます。");
    if (!is_hex64(promised_sha256))
        return err("upload.invalid_metadata", "Upload-Metadata needs sha256 (64 lowercase hex digits, Base64-encoded).",
                   "ファイルのチェックサムが指定されていません。");
    if (!id.empty()) {
        auto existing = db_.read([&](SqliteConnection& c) -> std::optional<UploadInfo> {
            auto st = c.prepare(std::string(kSelect) + "WHERE upload_id=?1");
            st.bind(1, id);
            if (!st.step()) return std::nullopt;
            return row_to_info(st);
        });
        if (existing) {
            if (existing->device_id != device_id || existing->length != length ||
                existing->sha256 != promised_sha256 || existing->kind != kind)
                return err("upload.key_reused", "This Idempotency-Key already created a different upload.",
                           "この操作キーは別のアップロードですでに使われています。");
            return find(id, now_ms);  // expired or deleted ones report so
        }
    }
    UploadInfo u;
    u.id = id.empty() ? random_uuid() : id;
    u.device_id = device_id;
    u.length = length;
    u.filename = filename;
    u.kind = kind;
    u.sha256 = promised_sha256;
    u.state = "receiving";
    u.created_at_ms = u.updated_at_ms = now_ms;
    if (length == 0) {
        if (promised_sha256 != sha256_hex(""))
            return err("upload.checksum_mismatch", "The file does not match its SHA-256.", "ファイルのチェックサムが一致しません。");
        if (!write_at(done_path(u.id), 0, {})) return io_error();
        u.state = "complete";
    }
    db_.write([&](SqliteConnection& c) {
        c.prepare(
             "INSERT INTO uploads(upload_id, device_id, length, upload_offset, filename, kind, sha256, state, "
             "created_at_ms, updated_at_ms, completed_at_ms) VALUES(?1,?2,?3,0,?4,?5,?6,?7,?8,?8,?9)")
            .bind(1, u.id)
            .bind(2, device_id)
            .bind(3, length)
            .bind(4, filename)
            .bind(5, kind)
            .bind(6, promised_sha256)
            .bind(7, u.state)
            .bind(8, now_ms)
            .bind(9, u.state == "complete" ? now_ms : 0)
            .run();
    });
    return u;
}

Result<UploadInfo> UploadStore::find(const std::string& id, std::int64_t now_ms) {
    auto row = db_.read([&](SqliteConnection& c) -> std::optional<UploadInfo> {
        auto st = c.prepare(std::string(kSelect) + "WHERE upload_id=?1");
        st.bind(1, id);
        if (!st.step()) return std::nullopt;
        return row_to_info(st);
    });
    if (!row) return err("upload.not_found", "No such upload.", "アップロードが見つかりません。");
    if (row->state == "deleted")
        return err("upload.deleted", "The file was deleted after checking.", "このファイルは確認後に削除されました。");
    if (row->state == "expired" ||
        (row->state == "receiving" && row->updated_at_ms < now_ms - expiry_s_ * 1000)) {
        if (row->state == "receiving") expire_abandoned(now_ms);
        return err("upload.expired", "The upload was abandoned and has expired; start a new one.",
                   "アップロードの有効期限が切れました。最初からやり直してください。");
    }
    return *row;
}

Result<UploadInfo> UploadStore::append(const std::string& id, const std::string& device_id, std::int64_t offset,
                                       const std::string& data, const std::optional<std::string>& chunk_sha256_b64,
                                       std::int64_t now_ms) {
    if (!lock(id))
        return err("upload.locked", "Another request is writing to this upload.", "同じファイルを送信中です。");
    struct Unlock {
        UploadStore& s;
        const std::string& id;
        ~Unlock() { s.unlock(id); }
    } unlock_on_exit{*this, id};

    auto found = find(id, now_ms);
    if (!found) return found.error();
    UploadInfo u = *found;
    if (u.device_id != device_id)
        return err("upload.forbidden", "This upload belongs to another device.", "このアップロードは別の端末のものです。");
    if (u.state == "complete" || offset != u.offset)
        return err("upload.offset_mismatch", "Upload-Offset does not match the server's offset.",
                   "送信位置がサーバーと一致しません。");
    if (offset + static_cast<std::int64_t>(data.size()) > u.length)
        return err("upload.exceeds_length", "The chunk goes beyond Upload-Length.", "ファイルサイズを超えています。");
    if (chunk_sha256_b64 && !secrets_equal(sha256_base64(data), *chunk_sha256_b64))
        return err("upload.chunk_checksum_mismatch", "The chunk does not match its Upload-Checksum.",
                   "送信データが壊れています。もう一度送信してください。");
    if (!write_at(part_path(id), offset, data)) return io_error();
    u.offset = offset + static_cast<std::int64_t>(data.size());
    u.updated_at_ms = now_ms;

    bool mismatch = false;
    if (u.offset == u.length) {
        const auto digest = file_sha256(part_path(id));
        if (!digest) return io_error();
        if (*digest != u.sha256) {
            mismatch = true;
            u.offset = 0;
            if (!write_at(part_path(id), 0, {})) return io_error();
        } else {
            if (::rename(part_path(id).c_str(), done_path(id).c_str()) != 0) return io_error();
            u.state = "complete";
        }
    }
    db_.write([&](SqliteConnection& c) {
        c.prepare(
             "UPDATE uploads SET upload_offset=?2, state=?3, updated_at_ms=?4, "
             "completed_at_ms=CASE WHEN ?3='complete' THEN ?4 ELSE completed_at_ms END WHERE upload_id=?1")
            .bind(1, id)
            .bind(2, u.offset)
            .bind(3, u.state)
            .bind(4, now_ms)
            .run();
    });
    if (mismatch)
        return err("upload.checksum_mismatch", "The whole file does not match its SHA-256; the upload restarts at 0.",
                   "ファイル全体のチェックサムが一致しません。最初から送信し直してください。");
    return u;
}

Result<std::string> UploadStore::read_complete(const std::string& id) {
    std::ifstream in(done_path(id), std::ios::binary);
    if (!in) return err("upload.not_found", "The file is not available.", "ファイルがありません。");
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void UploadStore::destroy(const std::string& id, std::int64_t now_ms) {
    std::error_code ec;
    std::filesystem::remove(done_path(id), ec);
    std::filesystem::remove(part_path(id), ec);
    db_.write([&](SqliteConnection& c) {
        c.prepare("UPDATE uploads SET state='deleted', deleted_at_ms=?2 WHERE upload_id=?1")
            .bind(1, id)
            .bind(2, now_ms)
            .run();
    });
}

int UploadStore::expire_abandoned(std::int64_t now_ms) {
    const std::int64_t cutoff = now_ms - expiry_s_ * 1000;
    auto ids = db_.read([&](SqliteConnection& c) {
        std::vector<std::string> out;
        auto st = c.prepare("SELECT upload_id FROM uploads WHERE state='receiving' AND updated_at_ms < ?1");
        st.bind(1, cutoff);
        while (st.step()) out.push_back(st.column_text(0));
        return out;
    });
    int removed = 0;
    for (const auto& id : ids) {
        if (!lock(id)) continue;  // being written right now: not abandoned
        std::error_code ec;
        std::filesystem::remove(part_path(id), ec);
        db_.write([&](SqliteConnection& c) {
            c.prepare("UPDATE uploads SET state='expired', deleted_at_ms=?2 WHERE upload_id=?1 AND state='receiving'")
                .bind(1, id)
                .bind(2, now_ms)
                .run();
        });
        unlock(id);
        ++removed;
    }
    return removed;
}

}  // namespace madoguchi::server
