// Transactional outbox: every local mutation queues one row in the same
// SQLite transaction as its data; the sync engine (net/) drains it. Rows are
// handed out in order per entity, carry a stable idempotency key, and are
// never deleted without a platform ack or an explicit staff action.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/result.hpp"

namespace madoguchi {

class ColumnCipher;
class Database;
class FileStore;

enum class OutboxState { pending, sending, done, dead_letter };
std::string_view to_code(OutboxState state);
std::optional<OutboxState> outbox_state_from_code(std::string_view code);

// What a repository queues. `payload` is JSON text from model_json.hpp.
struct OutboxEntry {
    std::string owner_client_id;     // local account the data belongs to
    std::string entity_type;         // "profile", "skill", "identity_document", …
    std::string entity_client_id;    // RecordMeta::client_id of the record
    std::string operation;           // "profile.put", "skill.create", "skill.delete", …
    std::string payload;             // JSON; encrypted at rest
    std::vector<std::string> file_ids;  // files (FileStore ids) to upload with this row
};

struct OutboxRow {
    std::int64_t id = 0;
    std::string idempotency_key;     // UUID v4 made when the row was queued; resent unchanged on every retry
    std::string owner_client_id;
    std::string entity_type;
    std::string entity_client_id;
    std::string operation;
    std::string payload;             // decrypted JSON; empty once acknowledged (cleared on ack)
    std::vector<std::string> file_ids;
    int attempts = 0;                // times handed to the sender (mark_sending)
    std::int64_t next_attempt_at_ms = 0;
    std::string last_error;
    OutboxState state = OutboxState::pending;
    std::int64_t created_at_ms = 0;
    std::int64_t updated_at_ms = 0;
};

struct OutboxCounts {
    std::int64_t pending = 0;
    std::int64_t sending = 0;
    std::int64_t done = 0;
    std::int64_t dead_letter = 0;
};

// Unix time in milliseconds (UTC); injectable for tests.
using WallClock = std::function<std::int64_t()>;
std::int64_t system_wall_clock_ms();

// One per Database connection (per thread). Not thread-safe by itself.
class OutboxStore {
public:
    OutboxStore(Database& db, const ColumnCipher& cipher, FileStore& files, WallClock now = system_wall_clock_ms);

    // Queues a row inside the caller's transaction (or its own when none is
    // open). Returns the row id. Repositories call this; the UI never does.
    Result<std::int64_t> enqueue(const OutboxEntry& entry);

    // Start-up recovery: rows left in `sending` by a crash go back to
    // `pending` with the same idempotency key (the server deduplicates).
    // Returns how many rows were recovered.
    Result<int> recover_interrupted();

    // Rows ready to send now: state pending, next_attempt_at_ms <= now_ms,
    // and no earlier row of the same entity still pending, sending or dead
    // (dead rows block their entity until staff requeue or discard them), and
    // no earlier unfinished account.create of the same owner (the server
    // needs the account first). Oldest first, at most `limit`.
    Result<std::vector<OutboxRow>> next_ready(std::int64_t now_ms, int limit);

    // pending -> sending; counts an attempt. "outbox.state" if not pending.
    Status mark_sending(std::int64_t id);
    // sending|pending -> done in ONE transaction with: the payload cleared,
    // the entity's sync_state set to sent (unless a later row of the entity
    // is still unfinished), files listed by the row crypto-erased when the
    // policy says so (ID scans at once), and the owner purged when it is out
    // of session and nothing of it is left unfinished (docs/storage.md).
    // `server_response` is kept (encrypted) until the owner is purged.
    Status mark_done(std::int64_t id, std::string_view server_response);
    // sending|pending -> pending, to be retried at next_attempt_at_ms.
    Status mark_retry(std::int64_t id, std::int64_t next_attempt_at_ms, std::string_view error);
    // -> dead_letter (permanent failure, e.g. a 4xx the user must fix);
    // the entity's sync_state becomes needs_attention.
    Status mark_dead_letter(std::int64_t id, std::string_view error);

    // Staff actions (recorded with the staff id in staff_actions):
    // requeue: dead_letter -> pending, attempts reset, ready now.
    Status requeue(std::int64_t id, std::string_view staff_id);
    // discard: dead_letter|pending -> done without upload; the entity is
    // marked needs_attention and the owner may then be purged.
    Status discard(std::int64_t id, std::string_view staff_id);

    Result<OutboxCounts> counts();
    Result<std::vector<OutboxRow>> list(OutboxState state, int limit = 1000);
    Result<OutboxRow> get(std::int64_t id);

private:
    Status set_entity_state(const OutboxRow& row, std::string_view sync_state_code);
    Result<OutboxRow> load(std::int64_t id, bool with_payload);

    Database& db_;
    const ColumnCipher& cipher_;
    FileStore& files_;
    WallClock now_;
};

}  // namespace madoguchi
