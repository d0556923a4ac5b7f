// Kiosk store schema. Append new steps; never edit a released one.
#include "data/store/store_schema.hpp"

#include <array>

namespace madoguchi {
namespace {

// Personal data lives only in encrypted BLOBs (records.body, outbox.payload,
// outbox.server_response, secrets.value, file_keys.wrapped_key). Clear
// columns hold ids (random UUIDs), types, states and times.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE store_meta(
  name  TEXT PRIMARY KEY,
  value BLOB NOT NULL
) STRICT;

-- An owner is a local account (job seeker). in_session = 1 while that person
-- uses the kiosk; their data is purged only when out of session and settled.
CREATE TABLE owners(
  client_id     TEXT PRIMARY KEY,
  in_session    INTEGER NOT NULL DEFAULT 0 CHECK(in_session IN (0,1)),
  created_at_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE records(
  local_id        INTEGER PRIMARY KEY,
  entity_type     TEXT NOT NULL,
  client_id       TEXT NOT NULL,
  owner_client_id TEXT NOT NULL REFERENCES owners(client_id),
  sync_state      TEXT NOT NULL CHECK(sync_state IN ('pending','sending','sent','needs_attention')),
  body            BLOB NOT NULL,
  created_at_ms   INTEGER NOT NULL,
  updated_at_ms   INTEGER NOT NULL,
  UNIQUE(entity_type, client_id)
) STRICT;
CREATE INDEX records_by_owner ON records(owner_client_id, entity_type, local_id);

-- Per-file keys wrapped by the device key. record_client_id NULL = staged
-- (written but not attached to a record).
CREATE TABLE file_keys(
  file_id          TEXT PRIMARY KEY,
  owner_client_id  TEXT NOT NULL REFERENCES owners(client_id),
  record_client_id TEXT,
  wrapped_key      BLOB NOT NULL,
  plaintext_size   INTEGER NOT NULL,
  created_at_ms    INTEGER NOT NULL
) STRICT;
CREATE INDEX file_keys_by_owner ON file_keys(owner_client_id);
CREATE INDEX file_keys_by_record ON file_keys(record_client_id);

CREATE TABLE outbox(
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  idempotency_key    TEXT NOT NULL UNIQUE,
  owner_client_id    TEXT NOT NULL,
  entity_type        TEXT NOT NULL,
  entity_client_id   TEXT NOT NULL,
  operation          TEXT NOT NULL,
  payload            BLOB,
  file_ids           TEXT NOT NULL DEFAULT '[]',
  attempts           INTEGER NOT NULL DEFAULT 0,
  next_attempt_at_ms INTEGER NOT NULL DEFAULT 0,
  last_error         TEXT NOT NULL DEFAULT '',
  state              TEXT NOT NULL CHECK(state IN ('pending','sending','done','dead_letter')),
  server_response    BLOB,
  created_at_ms      INTEGER NOT NULL,
  updated_at_ms      INTEGER NOT NULL
) STRICT;
CREATE INDEX outbox_by_state ON outbox(state, next_attempt_at_ms, id);
CREATE INDEX outbox_by_entity ON outbox(entity_type, entity_client_id, id);
CREATE INDEX outbox_by_owner ON outbox(owner_client_id, state);

-- Who requeued or discarded what (APPI access log for staff actions).
CREATE TABLE staff_actions(
  id        INTEGER PRIMARY KEY,
  outbox_id INTEGER NOT NULL,
  action    TEXT NOT NULL CHECK(action IN ('requeue','discard')),
  staff_id  TEXT NOT NULL,
  at_ms     INTEGER NOT NULL
) STRICT;

-- Tokens and other device secrets, encrypted.
CREATE TABLE secrets(
  name          TEXT PRIMARY KEY,
  value         BLOB NOT NULL,
  updated_at_ms INTEGER NOT NULL
) STRICT;
)sql";

// next_ready() asks, for every candidate row, whether the owner's
// account.create is still unfinished: a partial index keeps that a lookup
// instead of a scan of the owner's rows (which made next_ready quadratic).
constexpr std::string_view kV2 = R"sql(
CREATE INDEX outbox_account_create ON outbox(owner_client_id, id) WHERE operation = 'account.create';
)sql";

// Staff audit log (guide 【13】): who did what, when, for which registrant.
// Append-only: triggers refuse UPDATE and DELETE. Rows hold ids and codes
// only (no names, no numbers), so keeping them is not keeping personal data.
constexpr std::string_view kV3 = R"sql(
CREATE TABLE staff_audit_log(
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  at_ms      INTEGER NOT NULL,
  staff_id   TEXT NOT NULL,
  action     TEXT NOT NULL,
  registrant TEXT NOT NULL DEFAULT '',
  detail     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TRIGGER staff_audit_log_no_update BEFORE UPDATE ON staff_audit_log
BEGIN SELECT RAISE(ABORT, 'staff_audit_log is append-only'); END;
CREATE TRIGGER staff_audit_log_no_delete BEFORE DELETE ON staff_audit_log
BEGIN SELECT RAISE(ABORT, 'staff_audit_log is append-only'); END;
)sql";

// Social writes name other people: a follow or a message needs its target's
// account on the platform, an answer needs the invitation another person
// sent. So they leave in the kiosk's order across owners, after every
// earlier sign-up (docs/sync.md). next_ready() asks for the earliest
// unfinished row of these operations; the partial index keeps that a
// lookup. The operation list must match outbox_store.cpp's text exactly
// (INDEXED BY there fails loudly when it does not).
constexpr std::string_view kV4 = R"sql(
CREATE INDEX outbox_ordered_across_owners ON outbox(state, id) WHERE operation IN ('account.create','message.send','follow.create','follow.delete','team.create','team.update','team_invitation.create','team_answer.accept','team_answer.decline','team_answer.leave');
)sql";

constexpr std::array<Migration, 4> kSteps{{{1, kV1}, {2, kV2}, {3, kV3}, {4, kV4}}};

}  // namespace

std::span<const Migration> store_migrations() { return kSteps; }

}  // namespace madoguchi
