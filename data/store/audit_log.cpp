// AuditLog: append and read the staff_audit_log table.
#include "data/store/audit_log.hpp"

#include <nlohmann/json.hpp>

#include "data/crypto/uuid.hpp"
#include "data/store/sqlite.hpp"
#include "data/store/store.hpp"

namespace madoguchi {

AuditLog::AuditLog(Store& store, WallClock now) : store_(store), now_(std::move(now)) {}

Status AuditLog::append(std::string_view staff_id, std::string_view action, std::string_view registrant,
                        std::string_view detail) {
    if (staff_id.empty() || action.empty()) return storage_error("audit.incomplete", "audit row without staff or action");
    Database& db = store_.db();
    auto tx = Transaction::begin(db);
    if (!tx) return tx.error();
    const std::int64_t at = now_();
    auto st = db.prepare(
        "INSERT INTO staff_audit_log(at_ms, staff_id, action, registrant, detail) VALUES(?1, ?2, ?3, ?4, ?5)");
    if (!st) return st.error();
    st->bind(1, at).bind(2, staff_id).bind(3, action).bind(4, registrant).bind(5, detail);
    if (auto s = st->run(); !s) return s;
    const std::string event_id = make_uuid_v4();
    const nlohmann::json event = {{"event_id", event_id},
                                  {"at_ms", at},
                                  {"staff_id", std::string(staff_id)},
                                  {"action", std::string(action)},
                                  {"registrant", std::string(registrant)},
                                  {"detail", std::string(detail)}};
    auto queued = store_.outbox().enqueue(
        OutboxEntry{"", std::string(kAuditEventEntity), event_id, std::string(kAuditEventOperation), event.dump(), {}});
    if (!queued) return queued.error();
    return tx->commit();
}

Result<std::vector<AuditEntry>> AuditLog::entries() { return entries_after(0); }

Result<std::vector<AuditEntry>> AuditLog::entries_after(std::int64_t after_id) {
    auto st = store_.db().prepare(
        "SELECT id, at_ms, staff_id, action, registrant, detail FROM staff_audit_log WHERE id > ?1 ORDER BY id");
    if (!st) return st.error();
    st->bind(1, after_id);
    std::vector<AuditEntry> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) break;
        out.push_back({st->column_int64(0), st->column_int64(1), st->column_text(2), st->column_text(3),
                       st->column_text(4), st->column_text(5)});
    }
    return out;
}

}  // namespace madoguchi
