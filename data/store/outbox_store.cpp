// Outbox: queueing, ordered hand-out, state transitions, crash recovery.
#include "data/store/outbox_store.hpp"

#include <chrono>

#include <nlohmann/json.hpp>

#include "data/crypto/column_cipher.hpp"
#include "data/crypto/file_store.hpp"
#include "data/crypto/uuid.hpp"
#include "data/store/retention.hpp"
#include "data/store/sqlite.hpp"

namespace madoguchi {

std::string_view to_code(OutboxState s) {
    switch (s) {
        case OutboxState::pending: return "pending";
        case OutboxState::sending: return "sending";
        case OutboxState::done: return "done";
        case OutboxState::dead_letter: return "dead_letter";
    }
    return "pending";
}

std::optional<OutboxState> outbox_state_from_code(std::string_view c) {
    if (c == "pending") return OutboxState::pending;
    if (c == "sending") return OutboxState::sending;
    if (c == "done") return OutboxState::done;
    if (c == "dead_letter") return OutboxState::dead_letter;
    return std::nullopt;
}

std::int64_t system_wall_clock_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

namespace {

Error state_error(std::int64_t id, std::string_view detail) {
    Error e;
    e.code = "outbox.state";
    e.message_ja = "送信キューの状態が変わっていました。画面を更新してください。";
    e.message_en = "The upload queue entry changed state (#" + std::to_string(id) + ": " + std::string(detail) +
                   "). Please refresh.";
    return e;
}

Error not_found(std::int64_t id) {
    Error e;
    e.code = "outbox.not_found";
    e.message_ja = "送信キューの項目が見つかりません。";
    e.message_en = "Upload queue entry #" + std::to_string(id) + " was not found.";
    return e;
}

std::string payload_context(std::string_view idempotency_key) {
    return "outbox.payload|" + std::string(idempotency_key);
}
std::string response_context(std::string_view idempotency_key) {
    return "outbox.server_response|" + std::string(idempotency_key);
}

constexpr std::string_view kRowColumns =
    "SELECT id, idempotency_key, owner_client_id, entity_type, entity_client_id, operation, payload, file_ids,"
    " attempts, next_attempt_at_ms, last_error, state, created_at_ms, updated_at_ms FROM outbox o ";

Result<OutboxRow> read_row(const Statement& st, const ColumnCipher& cipher, bool with_payload) {
    OutboxRow r;
    r.id = st.column_int64(0);
    r.idempotency_key = st.column_text(1);
    r.owner_client_id = st.column_text(2);
    r.entity_type = st.column_text(3);
    r.entity_client_id = st.column_text(4);
    r.operation = st.column_text(5);
    if (with_payload && !st.column_is_null(6)) {
        auto plain = cipher.open(st.column_blob(6), payload_context(r.idempotency_key));
        if (!plain) return plain.error();
        r.payload = std::move(*plain);
    }
    try {
        r.file_ids = nlohmann::json::parse(st.column_text(7)).get<std::vector<std::string>>();
    } catch (const std::exception& e) {
        return storage_error("storage.corrupt", std::string("outbox file_ids: ") + e.what());
    }
    r.attempts = st.column_int(8);
    r.next_attempt_at_ms = st.column_int64(9);
    r.last_error = st.column_text(10);
    r.state = outbox_state_from_code(st.column_text(11)).value_or(OutboxState::dead_letter);
    r.created_at_ms = st.column_int64(12);
    r.updated_at_ms = st.column_int64(13);
    return r;
}

}  // namespace

OutboxStore::OutboxStore(Database& db, const ColumnCipher& cipher, FileStore& files, WallClock now)
    : db_(db), cipher_(cipher), files_(files), now_(std::move(now)) {}

Result<std::int64_t> OutboxStore::enqueue(const OutboxEntry& e) {
    const std::int64_t now = now_();
    const std::string key = make_uuid_v4();
    const auto sealed = cipher_.seal(e.payload, payload_context(key));
    auto st = db_.prepare(
        "INSERT INTO outbox(idempotency_key, owner_client_id, entity_type, entity_client_id, operation, payload,"
        " file_ids, state, next_attempt_at_ms, created_at_ms, updated_at_ms)"
        " VALUES(?,?,?,?,?,?,?,'pending',0,?,?)");
    if (!st) return st.error();
    st->bind(1, key).bind(2, e.owner_client_id).bind(3, e.entity_type).bind(4, e.entity_client_id);
    st->bind(5, e.operation).bind_blob(6, sealed).bind(7, nlohmann::json(e.file_ids).dump());
    st->bind(8, now).bind(9, now);
    if (auto s = st->run(); !s) return s.error();
    return db_.last_insert_rowid();
}

Result<int> OutboxStore::recover_interrupted() {
    auto st = db_.prepare("UPDATE outbox SET state = 'pending', updated_at_ms = ? WHERE state = 'sending'");
    if (!st) return st.error();
    st->bind(1, now_());
    if (auto s = st->run(); !s) return s.error();
    return db_.changes();
}

namespace {
// Social writes name other people's accounts and invitations, so they wait
// for every earlier unfinished sign-up and social write of any owner. A
// rejected one does not hold them: it is dead-lettered, and the row that
// depended on it gets the server's own answer. kOrderedAcrossOwners must be
// the text of the outbox_ordered_across_owners index (store_schema.cpp);
// INDEXED BY makes a mismatch fail at prepare instead of scanning.
constexpr std::string_view kSocialOperations =
    "('message.send','follow.create','follow.delete','team.create','team.update','team_invitation.create',"
    "'team_answer.accept','team_answer.decline','team_answer.leave')";
constexpr std::string_view kOrderedAcrossOwners =
    "('account.create','message.send','follow.create','follow.delete','team.create','team.update',"
    "'team_invitation.create','team_answer.accept','team_answer.decline','team_answer.leave')";
}  // namespace

Result<std::vector<OutboxRow>> OutboxStore::next_ready(std::int64_t now_ms, int limit) {
    // A row is ready when it is the oldest unfinished row of its entity, no
    // unfinished account.create of its owner precedes it and, for a social
    // write, no unfinished sign-up or social write of anyone. The checks are
    // index lookups (outbox_by_entity, outbox_account_create,
    // outbox_ordered_across_owners); an OR of the
    // two in one subquery defeated the indexes and made this quadratic, and
    // without INDEXED BY the planner may pick outbox_by_owner and scan every
    // earlier row of the owner.
    auto st = db_.prepare(std::string(kRowColumns) +
                          "WHERE o.state = 'pending' AND o.next_attempt_at_ms <= ?1"
                          " AND o.id = (SELECT MIN(e.id) FROM outbox e"
                          "   WHERE e.entity_type = o.entity_type AND e.entity_client_id = o.entity_client_id"
                          "   AND e.state IN ('pending','sending','dead_letter'))"
                          " AND NOT EXISTS (SELECT 1 FROM outbox a INDEXED BY outbox_account_create"
                          "   WHERE a.operation = 'account.create'"
                          "   AND a.owner_client_id = o.owner_client_id AND a.id < o.id"
                          "   AND a.state IN ('pending','sending','dead_letter'))"
                          " AND (o.operation NOT IN " + std::string(kSocialOperations) +
                          "   OR NOT EXISTS (SELECT 1 FROM outbox x INDEXED BY outbox_ordered_across_owners"
                          "   WHERE x.operation IN " + std::string(kOrderedAcrossOwners) +
                          "   AND x.state IN ('pending','sending') AND x.id < o.id))"
                          " ORDER BY o.id LIMIT ?2");
    if (!st) return st.error();
    st->bind(1, now_ms).bind(2, limit);
    std::vector<OutboxRow> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) break;
        auto r = read_row(*st, cipher_, true);
        if (!r) return r.error();
        out.push_back(std::move(*r));
    }
    return out;
}

Result<OutboxRow> OutboxStore::load(std::int64_t id, bool with_payload) {
    auto st = db_.prepare(std::string(kRowColumns) + "WHERE o.id = ?");
    if (!st) return st.error();
    st->bind(1, id);
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return not_found(id);
    return read_row(*st, cipher_, with_payload);
}

Result<OutboxRow> OutboxStore::get(std::int64_t id) { return load(id, true); }

Status OutboxStore::set_entity_state(const OutboxRow& row, std::string_view code) {
    // `sent` only when no later row of the entity is still unfinished: the
    // record shows 送信済み only when the server has its latest version.
    std::string sql = "UPDATE records SET sync_state = ?1 WHERE entity_type = ?2 AND client_id = ?3";
    if (code == "sent")
        sql += " AND NOT EXISTS (SELECT 1 FROM outbox WHERE entity_type = ?2 AND entity_client_id = ?3"
               " AND id <> ?4 AND state IN ('pending','sending','dead_letter'))";
    auto st = db_.prepare(sql);
    if (!st) return st.error();
    st->bind(1, code).bind(2, row.entity_type).bind(3, row.entity_client_id);
    if (code == "sent") st->bind(4, row.id);
    return st->run();
}

Status OutboxStore::mark_sending(std::int64_t id) {
    // The claim need not survive a power cut: a lost `sending` is a `pending`
    // row, which is exactly what start-up recovery makes of a kept one. So
    // this commit skips its fsync (WAL, synchronous=NORMAL: still atomic, and
    // the next FULL commit -- mark_done -- syncs its frames too). One fsync
    // less per row sent.
    // (SQLite refuses to change it inside a caller's transaction: then the
    // caller's commit decides.)
    const bool relaxed = !db_.in_transaction();
    if (relaxed)
        if (auto s = db_.exec("PRAGMA synchronous=NORMAL"); !s) return s;
    auto claimed = [&]() -> Status {
        auto st = db_.prepare("UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at_ms = ?"
                              " WHERE id = ? AND state = 'pending'");
        if (!st) return st.error();
        st->bind(1, now_()).bind(2, id);
        if (auto s = st->run(); !s) return s;
        if (db_.changes() != 1) return state_error(id, "not pending");
        return ok_status();
    }();
    if (relaxed)
        if (auto s = db_.exec("PRAGMA synchronous=FULL"); !s) return s;
    return claimed;
}

Status OutboxStore::mark_done(std::int64_t id, std::string_view server_response) {
    std::vector<std::string> unlink;
    {
        auto tx = Transaction::begin(db_);
        if (!tx) return tx.error();
        auto row = load(id, false);
        if (!row) return row.error();
        if (row->state != OutboxState::sending && row->state != OutboxState::pending)
            return state_error(id, "not in flight");
        auto st = db_.prepare("UPDATE outbox SET state = 'done', payload = NULL, server_response = ?,"
                              " last_error = '', updated_at_ms = ? WHERE id = ?");
        if (!st) return st.error();
        st->bind_blob(1, cipher_.seal(server_response, response_context(row->idempotency_key)));
        st->bind(2, now_()).bind(3, id);
        if (auto s = st->run(); !s) return s;
        if (auto s = set_entity_state(*row, "sent"); !s) return s;
        if (auto n = erase_acknowledged_files(db_, *row, unlink); !n) return n.error();
        if (auto p = purge_owner_if_settled(db_, row->owner_client_id, unlink); !p) return p.error();
        if (auto s = tx->commit(); !s) return s;
    }
    // Keys are gone (committed); the bytes follow. A crash here leaves
    // unreadable files that the start-up sweep removes.
    for (const auto& f : unlink) files_.unlink_file(f);
    // Erased keys and purged rows: move them out of the WAL (best effort).
    if (!unlink.empty()) (void)db_.checkpoint_passive();
    return ok_status();
}

Status OutboxStore::mark_retry(std::int64_t id, std::int64_t next_attempt_at_ms, std::string_view error) {
    auto st = db_.prepare("UPDATE outbox SET state = 'pending', next_attempt_at_ms = ?, last_error = ?,"
                          " updated_at_ms = ? WHERE id = ? AND state IN ('pending','sending')");
    if (!st) return st.error();
    st->bind(1, next_attempt_at_ms).bind(2, error).bind(3, now_()).bind(4, id);
    if (auto s = st->run(); !s) return s;
    if (db_.changes() != 1) return state_error(id, "not in flight");
    return ok_status();
}

Status OutboxStore::mark_dead_letter(std::int64_t id, std::string_view error) {
    auto tx = Transaction::begin(db_);
    if (!tx) return tx.error();
    auto row = load(id, false);
    if (!row) return row.error();
    if (row->state != OutboxState::sending && row->state != OutboxState::pending)
        return state_error(id, "not in flight");
    auto st = db_.prepare("UPDATE outbox SET state = 'dead_letter', last_error = ?, updated_at_ms = ? WHERE id = ?");
    if (!st) return st.error();
    st->bind(1, error).bind(2, now_()).bind(3, id);
    if (auto s = st->run(); !s) return s;
    if (auto s = set_entity_state(*row, "needs_attention"); !s) return s;
    return tx->commit();
}

namespace {
Status record_staff_action(Database& db, std::int64_t id, std::string_view action, std::string_view staff,
                           std::int64_t now) {
    auto st = db.prepare("INSERT INTO staff_actions(outbox_id, action, staff_id, at_ms) VALUES(?,?,?,?)");
    if (!st) return st.error();
    st->bind(1, id).bind(2, action).bind(3, staff).bind(4, now);
    return st->run();
}
}  // namespace

Status OutboxStore::requeue(std::int64_t id, std::string_view staff_id) {
    if (staff_id.empty()) return state_error(id, "staff id required");
    auto tx = Transaction::begin(db_);
    if (!tx) return tx.error();
    auto row = load(id, false);
    if (!row) return row.error();
    if (row->state != OutboxState::dead_letter) return state_error(id, "not dead-lettered");
    const auto now = now_();
    auto st = db_.prepare("UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at_ms = 0,"
                          " updated_at_ms = ? WHERE id = ?");
    if (!st) return st.error();
    st->bind(1, now).bind(2, id);
    if (auto s = st->run(); !s) return s;
    if (auto s = set_entity_state(*row, "pending"); !s) return s;
    if (auto s = record_staff_action(db_, id, "requeue", staff_id, now); !s) return s;
    return tx->commit();
}

Status OutboxStore::discard(std::int64_t id, std::string_view staff_id) {
    if (staff_id.empty()) return state_error(id, "staff id required");
    std::vector<std::string> unlink;
    {
        auto tx = Transaction::begin(db_);
        if (!tx) return tx.error();
        auto row = load(id, false);
        if (!row) return row.error();
        if (row->state != OutboxState::dead_letter && row->state != OutboxState::pending)
            return state_error(id, "not discardable");
        const auto now = now_();
        auto st = db_.prepare("UPDATE outbox SET state = 'done', payload = NULL, last_error = 'discarded by staff',"
                              " updated_at_ms = ? WHERE id = ?");
        if (!st) return st.error();
        st->bind(1, now).bind(2, id);
        if (auto s = st->run(); !s) return s;
        if (auto s = set_entity_state(*row, "needs_attention"); !s) return s;
        if (auto s = record_staff_action(db_, id, "discard", staff_id, now); !s) return s;
        if (auto n = erase_acknowledged_files(db_, *row, unlink); !n) return n.error();
        if (auto p = purge_owner_if_settled(db_, row->owner_client_id, unlink); !p) return p.error();
        if (auto s = tx->commit(); !s) return s;
    }
    for (const auto& f : unlink) files_.unlink_file(f);
    // Erased keys and purged rows: move them out of the WAL (best effort).
    if (!unlink.empty()) (void)db_.checkpoint_passive();
    return ok_status();
}

Result<OutboxCounts> OutboxStore::counts() {
    auto st = db_.prepare("SELECT state, COUNT(*) FROM outbox GROUP BY state");
    if (!st) return st.error();
    OutboxCounts c;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) break;
        const auto state = outbox_state_from_code(st->column_text(0));
        const auto n = st->column_int64(1);
        if (!state) continue;
        switch (*state) {
            case OutboxState::pending: c.pending = n; break;
            case OutboxState::sending: c.sending = n; break;
            case OutboxState::done: c.done = n; break;
            case OutboxState::dead_letter: c.dead_letter = n; break;
        }
    }
    return c;
}

Result<std::vector<OutboxRow>> OutboxStore::list(OutboxState state, int limit) {
    auto st = db_.prepare(std::string(kRowColumns) + "WHERE o.state = ? ORDER BY o.id LIMIT ?");
    if (!st) return st.error();
    st->bind(1, to_code(state)).bind(2, limit);
    std::vector<OutboxRow> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) break;
        auto r = read_row(*st, cipher_, true);
        if (!r) return r.error();
        out.push_back(std::move(*r));
    }
    return out;
}

}  // namespace madoguchi
