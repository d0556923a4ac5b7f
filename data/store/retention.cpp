// Purge rules: what leaves the device, and when (docs/storage.md).
#include "data/store/retention.hpp"

#include "data/crypto/file_store.hpp"
#include "data/store/sqlite.hpp"

namespace madoguchi {

namespace {

Status run(Database& db, std::string_view sql, std::string_view owner) {
    auto st = db.prepare(sql);
    if (!st) return st.error();
    st->bind(1, owner);
    return st->run();
}

// Unfinished = still needs the platform or staff.
constexpr std::string_view kUnfinished = "('pending','sending','dead_letter')";

}  // namespace

Status begin_session(Database& db, std::string_view owner, std::int64_t now_ms) {
    auto st = db.prepare("INSERT INTO owners(client_id, in_session, created_at_ms) VALUES(?,1,?)"
                         " ON CONFLICT(client_id) DO UPDATE SET in_session = 1");
    if (!st) return st.error();
    st->bind(1, owner).bind(2, now_ms);
    return st->run();
}

Result<PurgeReport> end_session(Database& db, FileStore& files, std::string_view owner) {
    std::vector<std::string> unlink;
    PurgeReport report;
    {
        auto tx = Transaction::begin(db);
        if (!tx) return tx.error();
        if (auto s = run(db, "UPDATE owners SET in_session = 0 WHERE client_id = ?", owner); !s) return s.error();
        auto p = purge_owner_if_settled(db, owner, unlink);
        if (!p) return p.error();
        report = *p;
        if (auto s = tx->commit(); !s) return s.error();
    }
    for (const auto& f : unlink) files.unlink_file(f);
    if (report.owners_purged > 0) (void)db.checkpoint_passive();
    return report;
}

Status end_all_sessions(Database& db) { return db.exec("UPDATE owners SET in_session = 0 WHERE in_session <> 0"); }

Result<bool> owner_settled(Database& db, std::string_view owner) {
    auto st = db.prepare("SELECT EXISTS(SELECT 1 FROM outbox WHERE owner_client_id = ? AND state IN " +
                         std::string(kUnfinished) + ")");
    if (!st) return st.error();
    st->bind(1, owner);
    auto row = st->step();
    if (!row) return row.error();
    return st->column_int(0) == 0;
}

Result<PurgeReport> purge_owner_if_settled(Database& db, std::string_view owner,
                                           std::vector<std::string>& unlink_after_commit) {
    PurgeReport report;
    auto st = db.prepare("SELECT in_session FROM owners WHERE client_id = ?");
    if (!st) return st.error();
    st->bind(1, owner);
    auto row = st->step();
    if (!row) return row.error();
    if (!*row || st->column_int(0) != 0) return report;  // unknown, or in session
    auto settled = owner_settled(db, owner);
    if (!settled) return settled.error();
    if (!*settled) return report;

    auto files = db.prepare("SELECT file_id FROM file_keys WHERE owner_client_id = ?");
    if (!files) return files.error();
    files->bind(1, owner);
    for (;;) {
        auto f = files->step();
        if (!f) return f.error();
        if (!*f) break;
        unlink_after_commit.push_back(files->column_text(0));
        ++report.files_erased;
    }
    if (auto s = run(db, "DELETE FROM file_keys WHERE owner_client_id = ?", owner); !s) return s.error();
    if (auto s = run(db, "DELETE FROM records WHERE owner_client_id = ?", owner); !s) return s.error();
    report.records_deleted = db.changes();
    if (auto s = run(db, "DELETE FROM outbox WHERE owner_client_id = ?", owner); !s) return s.error();
    report.outbox_rows_deleted = db.changes();
    if (auto s = run(db, "DELETE FROM owners WHERE client_id = ?", owner); !s) return s.error();
    report.owners_purged = 1;
    return report;
}

Result<PurgeReport> purge_all_settled(Database& db, FileStore& files) {
    std::vector<std::string> unlink;
    PurgeReport total;
    {
        auto tx = Transaction::begin(db);
        if (!tx) return tx.error();
        auto st = db.prepare("SELECT client_id FROM owners WHERE in_session = 0");
        if (!st) return st.error();
        std::vector<std::string> owners;
        for (;;) {
            auto row = st->step();
            if (!row) return row.error();
            if (!*row) break;
            owners.push_back(st->column_text(0));
        }
        for (const auto& o : owners) {
            auto p = purge_owner_if_settled(db, o, unlink);
            if (!p) return p.error();
            total.owners_purged += p->owners_purged;
            total.records_deleted += p->records_deleted;
            total.files_erased += p->files_erased;
            total.outbox_rows_deleted += p->outbox_rows_deleted;
        }
        if (auto s = tx->commit(); !s) return s.error();
    }
    for (const auto& f : unlink) files.unlink_file(f);
    // Old WAL frames may still hold the deleted pages: fold them into the
    // main file (where secure_delete zeroed them) and truncate the WAL.
    // Another connection's open read can make this a partial checkpoint;
    // that is not an error worth failing start-up for.
    if (total.owners_purged > 0) (void)db.checkpoint_truncate();
    return total;
}

Result<int> erase_acknowledged_files(Database& db, const OutboxRow& row,
                                     std::vector<std::string>& unlink_after_commit) {
    int erased = 0;
    const bool id_scan = row.entity_type == "identity_document";
    for (const auto& id : row.file_ids) {
        if (!id_scan) {
            auto wanted = file_still_wanted(db, id);
            if (!wanted) return wanted.error();
            if (*wanted) continue;
        }
        auto del = db.prepare("DELETE FROM file_keys WHERE file_id = ?");
        if (!del) return del.error();
        del->bind(1, id);
        if (auto s = del->run(); !s) return s.error();
        if (db.changes() > 0) {
            unlink_after_commit.push_back(id);
            ++erased;
        }
    }
    return erased;
}

Result<bool> file_still_wanted(Database& db, std::string_view file_id) {
    auto st = db.prepare(
        "SELECT EXISTS(SELECT 1 FROM file_keys WHERE file_id = ?1 AND record_client_id IS NOT NULL)"
        " OR EXISTS(SELECT 1 FROM outbox o, json_each(o.file_ids) j"
        "           WHERE o.state IN ('pending','sending','dead_letter') AND j.value = ?1)");
    if (!st) return st.error();
    st->bind(1, file_id);
    auto row = st->step();
    if (!row) return row.error();
    return st->column_int(0) != 0;
}

}  // namespace madoguchi
