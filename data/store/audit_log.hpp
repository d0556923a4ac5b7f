// Staff audit log on the kiosk: an append-only table of every staff action
// (who, what, when, for which registrant). The schema refuses UPDATE and
// DELETE, so the only write path is append(), which queues the row for the
// platform (outbox operation "audit_event.create") in the same transaction.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "data/result.hpp"
#include "data/store/outbox_store.hpp"

namespace madoguchi {

class Store;

// The actions staff mode records (stable codes; also what the log shows).
namespace audit_action {
inline constexpr std::string_view staff_sign_in = "staff.sign_in";
inline constexpr std::string_view pin_failed = "staff.pin_failed";
inline constexpr std::string_view staff_sign_out = "staff.sign_out";
inline constexpr std::string_view registrant_opened = "registrant.opened";
inline constexpr std::string_view document_type_chosen = "document.type_chosen";
inline constexpr std::string_view page_captured = "page.captured";
inline constexpr std::string_view capture_refused = "page.refused";
inline constexpr std::string_view mask_applied = "mask.applied";
inline constexpr std::string_view document_submitted = "document.submitted";
}  // namespace audit_action

struct AuditEntry {
    std::int64_t id = 0;
    std::int64_t at_ms = 0;
    std::string staff_id;    // staff id, or the PIN slot ("staff") when staff share one PIN
    std::string action;      // audit_action code
    std::string registrant;  // registrant's account client_id (a random UUID), or empty
    std::string detail;      // non-personal detail: document type code, side, mask count
};

// What is uploaded for one row (and the outbox payload): the row's fields
// plus `event_id`, a UUID made at append so the server stores it once.
inline constexpr std::string_view kAuditEventOperation = "audit_event.create";
inline constexpr std::string_view kAuditEventEntity = "audit_event";

class AuditLog {
public:
    // `store` holds the schema (migration 3: staff_audit_log) and the outbox.
    explicit AuditLog(Store& store, WallClock now = system_wall_clock_ms);

    // Appends one row and its outbox row, atomically; no personal data goes
    // in (ids and codes only). The outbox row belongs to no account (owner
    // ""): it is the device's record and is never purged with a registrant.
    Status append(std::string_view staff_id, std::string_view action, std::string_view registrant = {},
                  std::string_view detail = {});
    // Every row, oldest first.
    Result<std::vector<AuditEntry>> entries();
    // Rows with id > `after_id`, oldest first (what an uploader would send next).
    Result<std::vector<AuditEntry>> entries_after(std::int64_t after_id);

private:
    Store& store_;
    WallClock now_;
};

}  // namespace madoguchi
