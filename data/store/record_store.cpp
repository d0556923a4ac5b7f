// Record rows + outbox row in one transaction; bodies encrypted.
#include "data/store/record_store.hpp"

#include <nlohmann/json.hpp>

#include "data/crypto/column_cipher.hpp"
#include "data/model/enum_codes.hpp"
#include "data/store/repositories.hpp"
#include "data/store/sqlite.hpp"

namespace madoguchi {

Error invalid_record_error(std::string_view detail) {
    Error e;
    e.code = "store.invalid_record";
    e.message_ja = "保存されたデータを読み込めませんでした。係員にお知らせください。";
    e.message_en = "A stored record could not be read. Please ask a staff member. (" + std::string(detail) + ")";
    return e;
}

namespace store_detail {

Result<std::string> dump_json(const nlohmann::json& j) {
    try {
        return j.dump();
    } catch (const nlohmann::json::exception&) {
        Error e;
        e.code = "store.invalid_text";
        e.message_ja = "使用できない文字が含まれています。入力し直してください。";
        e.message_en = "The text contains bytes that are not valid characters. Please enter it again.";
        return e;
    }
}

}  // namespace store_detail

namespace {

Error not_found_error() {
    Error e;
    e.code = "store.not_found";
    e.message_ja = "対象のデータが見つかりません。";
    e.message_en = "The record was not found.";
    return e;
}

Error duplicate_error() {
    Error e;
    e.code = "store.duplicate";
    e.message_ja = "同じデータがすでに保存されています。";
    e.message_en = "This record is already stored.";
    return e;
}

Error foreign_file_error() {
    Error e;
    e.code = "store.file_not_found";
    e.message_ja = "添付ファイルが見つかりません。もう一度撮影または選択してください。";
    e.message_en = "The attached file was not found. Please capture or choose it again.";
    return e;
}

Status ensure_owner(Database& db, std::string_view owner, std::int64_t now) {
    if (owner.empty()) return invalid_record_error("empty owner");
    auto st = db.prepare("INSERT OR IGNORE INTO owners(client_id, in_session, created_at_ms) VALUES(?,0,?)");
    if (!st) return st.error();
    st->bind(1, owner).bind(2, now);
    return st->run();
}

}  // namespace

RecordStore::RecordStore(Database& db, const ColumnCipher& cipher, OutboxStore& outbox, WallClock now)
    : db_(db), cipher_(cipher), outbox_(outbox), now_(std::move(now)) {}

std::string RecordStore::body_context(std::string_view entity_type, std::string_view client_id,
                                      std::string_view owner) {
    std::string c = "records.body|";
    c += entity_type;
    c += '|';
    c += client_id;
    c += '|';
    c += owner;
    return c;
}

Status RecordStore::bind_files(std::string_view owner, std::string_view client_id,
                               const std::vector<std::string>& file_ids) {
    // Files no longer referenced by this record become staged again; they are
    // erased once no unfinished outbox row needs them (retention.hpp).
    auto unbind = db_.prepare("UPDATE file_keys SET record_client_id = NULL WHERE record_client_id = ?");
    if (!unbind) return unbind.error();
    unbind->bind(1, client_id);
    if (auto s = unbind->run(); !s) return s.error();
    auto bind = db_.prepare(
        "UPDATE file_keys SET record_client_id = ?1 WHERE file_id = ?2 AND owner_client_id = ?3"
        " AND (record_client_id IS NULL OR record_client_id = ?1)");
    if (!bind) return bind.error();
    for (const auto& id : file_ids) {
        bind->reset();
        bind->bind(1, client_id).bind(2, id).bind(3, owner);
        if (auto s = bind->run(); !s) return s.error();
        // A file of another owner, or attached to another record, is refused.
        if (db_.changes() != 1) return foreign_file_error();
    }
    return ok_status();
}

Result<RecordMeta> RecordStore::write(const RecordWrite& w, Mode mode) {
    if (w.meta.client_id.empty() || w.entity_type.empty()) return invalid_record_error("missing ids");
    const std::int64_t now = now_();
    auto tx = Transaction::begin(db_);
    if (!tx) return tx.error();
    if (auto s = ensure_owner(db_, w.owner_client_id, now); !s) return s.error();

    auto find = db_.prepare("SELECT local_id, owner_client_id, created_at_ms FROM records"
                            " WHERE entity_type = ? AND client_id = ?");
    if (!find) return find.error();
    find->bind(1, w.entity_type).bind(2, w.meta.client_id);
    auto row = find->step();
    if (!row) return row.error();
    const bool exists = *row;
    if (exists && find->column_text(1) != w.owner_client_id) {
        // Another owner's record with this id: behave as if absent for
        // update, as a duplicate for insert; never touch it.
        return mode == Mode::update ? not_found_error() : duplicate_error();
    }
    if (exists && mode == Mode::insert) return duplicate_error();
    if (!exists && mode == Mode::update) return not_found_error();

    RecordMeta meta = w.meta;
    meta.sync_state = SyncState::pending;
    meta.updated_at_ms = now;
    const auto body = cipher_.seal(w.body_json, body_context(w.entity_type, meta.client_id, w.owner_client_id));
    if (exists) {
        meta.local_id = find->column_int64(0);
        meta.created_at_ms = find->column_int64(2);
        auto up = db_.prepare("UPDATE records SET body = ?, sync_state = 'pending', updated_at_ms = ?"
                              " WHERE local_id = ?");
        if (!up) return up.error();
        up->bind_blob(1, body).bind(2, now).bind(3, meta.local_id);
        if (auto s = up->run(); !s) return s.error();
    } else {
        meta.created_at_ms = now;
        auto ins = db_.prepare(
            "INSERT INTO records(entity_type, client_id, owner_client_id, sync_state, body, created_at_ms,"
            " updated_at_ms) VALUES(?,?,?,'pending',?,?,?)");
        if (!ins) return ins.error();
        ins->bind(1, w.entity_type).bind(2, meta.client_id).bind(3, w.owner_client_id).bind_blob(4, body);
        ins->bind(5, now).bind(6, now);
        if (auto s = ins->run(); !s) return s.error();
        meta.local_id = db_.last_insert_rowid();
    }
    if (auto s = bind_files(w.owner_client_id, meta.client_id, w.file_ids); !s) return s.error();

    OutboxEntry e;
    e.owner_client_id = w.owner_client_id;
    e.entity_type = w.entity_type;
    e.entity_client_id = meta.client_id;
    e.operation = w.operation;
    e.payload = w.payload_json;
    e.file_ids = w.file_ids;
    if (auto id = outbox_.enqueue(e); !id) return id.error();
    if (auto s = tx->commit(); !s) return s.error();
    return meta;
}

Result<RecordMeta> RecordStore::insert(const RecordWrite& w) { return write(w, Mode::insert); }
Result<RecordMeta> RecordStore::update(const RecordWrite& w) { return write(w, Mode::update); }
Result<RecordMeta> RecordStore::upsert(const RecordWrite& w) { return write(w, Mode::upsert); }

Status RecordStore::remove(std::string_view entity_type, std::string_view owner, std::string_view client_id,
                           std::string_view operation) {
    auto tx = Transaction::begin(db_);
    if (!tx) return tx.error();
    auto del = db_.prepare("DELETE FROM records WHERE entity_type = ? AND client_id = ? AND owner_client_id = ?");
    if (!del) return del.error();
    del->bind(1, entity_type).bind(2, client_id).bind(3, owner);
    if (auto s = del->run(); !s) return s.error();
    if (db_.changes() != 1) return not_found_error();
    if (auto s = bind_files(owner, client_id, {}); !s) return s.error();
    OutboxEntry e;
    e.owner_client_id = std::string(owner);
    e.entity_type = std::string(entity_type);
    e.entity_client_id = std::string(client_id);
    e.operation = std::string(operation);
    e.payload = nlohmann::json{{"client_id", std::string(client_id)}}.dump();
    if (auto id = outbox_.enqueue(e); !id) return id.error();
    return tx->commit();
}

Result<std::vector<StoredRecord>> RecordStore::query(std::string_view sql, std::string_view a, std::string_view b,
                                                     std::string_view c) {
    auto st = db_.prepare(sql);
    if (!st) return st.error();
    st->bind(1, a).bind(2, b);
    if (!c.empty()) st->bind(3, c);
    std::vector<StoredRecord> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) break;
        StoredRecord r;
        r.meta.local_id = st->column_int64(0);
        r.meta.client_id = st->column_text(1);
        r.owner_client_id = st->column_text(2);
        auto state = from_code<SyncState>(st->column_text(3));
        r.meta.sync_state = state.value_or(SyncState::needs_attention);
        const auto body = st->column_blob(4);
        r.meta.created_at_ms = st->column_int64(5);
        r.meta.updated_at_ms = st->column_int64(6);
        const std::string type = st->column_text(7);
        auto plain = cipher_.open(body, body_context(type, r.meta.client_id, r.owner_client_id));
        if (!plain) return plain.error();
        r.body_json = std::move(*plain);
        out.push_back(std::move(r));
    }
    return out;
}

namespace {
constexpr std::string_view kColumns =
    "SELECT local_id, client_id, owner_client_id, sync_state, body, created_at_ms, updated_at_ms, entity_type"
    " FROM records ";
}

Result<std::optional<StoredRecord>> RecordStore::get(std::string_view entity_type, std::string_view owner,
                                                     std::string_view client_id) {
    if (client_id.empty()) return std::optional<StoredRecord>{};
    auto rows = query(std::string(kColumns) + "WHERE entity_type = ?1 AND owner_client_id = ?2 AND client_id = ?3",
                      entity_type, owner, client_id);
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<StoredRecord>{};
    return std::optional<StoredRecord>(std::move(rows->front()));
}

Result<std::optional<StoredRecord>> RecordStore::first(std::string_view entity_type, std::string_view owner) {
    auto rows = query(std::string(kColumns) +
                          "WHERE entity_type = ?1 AND owner_client_id = ?2 ORDER BY local_id LIMIT 1",
                      entity_type, owner, {});
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<StoredRecord>{};
    return std::optional<StoredRecord>(std::move(rows->front()));
}

Result<std::vector<StoredRecord>> RecordStore::list(std::string_view entity_type, std::string_view owner) {
    return query(std::string(kColumns) + "WHERE entity_type = ?1 AND owner_client_id = ?2 ORDER BY local_id",
                 entity_type, owner, {});
}

}  // namespace madoguchi
