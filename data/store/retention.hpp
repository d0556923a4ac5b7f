// Retention and purge: personal data leaves the device once the platform has
// acknowledged it (policy in docs/storage.md). Sessions mark whose data is in
// use right now; owners out of session whose outbox is fully acknowledged
// (or discarded by staff) are purged: records, file keys, files, outbox rows.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "data/result.hpp"
#include "data/store/outbox_store.hpp"

namespace madoguchi {

class Database;
class FileStore;

struct PurgeReport {
    int owners_purged = 0;
    int records_deleted = 0;
    int files_erased = 0;
    int outbox_rows_deleted = 0;
};

// Registers the owner (if new) and marks it in session: nothing of it is
// purged until end_session().
Status begin_session(Database& db, std::string_view owner, std::int64_t now_ms);
// Marks it out of session and purges it now if settled.
Result<PurgeReport> end_session(Database& db, FileStore& files, std::string_view owner);
// At start no session survives a restart: every owner is out of session.
Status end_all_sessions(Database& db);

// True when nothing of the owner is waiting: no outbox row pending,
// sending or dead_letter.
Result<bool> owner_settled(Database& db, std::string_view owner);

// Inside the caller's transaction: if the owner is out of session and
// settled, deletes its records, outbox rows, file keys and owner row, and
// appends its file ids to `unlink_after_commit` (crypto-erase happens at
// commit; the bytes are unlinked after it).
Result<PurgeReport> purge_owner_if_settled(Database& db, std::string_view owner,
                                           std::vector<std::string>& unlink_after_commit);
// Own transaction over every owner; then unlinks and checkpoints the WAL so
// deleted pages do not linger there.
Result<PurgeReport> purge_all_settled(Database& db, FileStore& files);

// Inside the caller's transaction, for an acknowledged outbox row: erases
// (forgets the key of) each listed file that is an identity-document scan,
// or that no record references and no other unfinished row lists.
Result<int> erase_acknowledged_files(Database& db, const OutboxRow& row,
                                     std::vector<std::string>& unlink_after_commit);

// Whether a file is still wanted: attached to a record, or listed by an
// unfinished outbox row. Used by the start-up sweep.
Result<bool> file_still_wanted(Database& db, std::string_view file_id);

}  // namespace madoguchi
