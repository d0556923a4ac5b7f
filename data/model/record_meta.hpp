// Identity and sync state every locally captured record carries.
#pragma once

#include <cstdint>
#include <string>

namespace madoguchi {

// Where a record stands on its way to the platform (shown on My Page as
// 送信待ち / 送信中 / 送信済み / 要確認).
enum class SyncState { pending, sending, sent, needs_attention };

struct RecordMeta {
    std::int64_t local_id = 0;   // SQLite rowid on this kiosk; 0 = not stored yet
    std::string client_id;       // UUID made at capture; permanent id on the server too
    SyncState sync_state = SyncState::pending;
    std::int64_t created_at_ms = 0;  // Unix ms, UTC
    std::int64_t updated_at_ms = 0;
};

}  // namespace madoguchi
