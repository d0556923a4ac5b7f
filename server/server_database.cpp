// Schema of the server database and its migrations (one step per version).
#include "server/server_database.hpp"

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "data/text/company_search_key.hpp"

namespace madoguchi::server {
namespace {

// Append new steps; never edit a step that has shipped.
constexpr std::array<std::string_view, 4> kMigrations{R"sql(
CREATE TABLE devices(
  device_id TEXT PRIMARY KEY,
  kiosk_id TEXT NOT NULL,
  token_sha256 TEXT NOT NULL UNIQUE,
  created_at_ms INTEGER NOT NULL);
CREATE TABLE accounts(
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  client_id TEXT NOT NULL UNIQUE,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  email_verified INTEGER NOT NULL DEFAULT 0,
  registration_number TEXT NOT NULL DEFAULT '',
  created_by_device TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL);
CREATE TABLE sessions(
  token_sha256 TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  device_id TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  expires_at_ms INTEGER NOT NULL,
  revoked_at_ms INTEGER);
CREATE TABLE email_tokens(
  token_sha256 TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  purpose TEXT NOT NULL,            -- 'verify' | 'change'
  email TEXT NOT NULL,
  expires_at_ms INTEGER NOT NULL,
  used_at_ms INTEGER);
CREATE TABLE email_changes(
  client_id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  new_email TEXT NOT NULL,
  requested_at_ms INTEGER NOT NULL,
  confirmed_at_ms INTEGER);
CREATE TABLE records(
  account_id TEXT NOT NULL,
  collection TEXT NOT NULL,
  client_id TEXT NOT NULL,
  body TEXT NOT NULL,
  updated_at_ms INTEGER NOT NULL,
  PRIMARY KEY(account_id, collection, client_id));
CREATE TABLE companies(
  client_id TEXT PRIMARY KEY,
  url_slug TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  body TEXT NOT NULL,
  created_by_device TEXT NOT NULL,
  updated_at_ms INTEGER NOT NULL);
CREATE TABLE uploads(
  upload_id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL,
  length INTEGER NOT NULL,
  upload_offset INTEGER NOT NULL DEFAULT 0,
  filename TEXT NOT NULL,
  kind TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  state TEXT NOT NULL,              -- 'receiving' | 'complete' | 'deleted' | 'expired'
  created_at_ms INTEGER NOT NULL,
  updated_at_ms INTEGER NOT NULL,
  completed_at_ms INTEGER,
  deleted_at_ms INTEGER);
CREATE TABLE identity_documents(
  client_id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL,
  submitted_at_ms INTEGER NOT NULL,
  decided_by TEXT NOT NULL DEFAULT '',
  decided_at_ms INTEGER,
  rejection_reason TEXT NOT NULL DEFAULT '',
  images_deleted_at_ms INTEGER);
CREATE INDEX identity_documents_status ON identity_documents(status);
CREATE TABLE idempotency(
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  request_sha256 TEXT NOT NULL,
  status INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  headers TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  PRIMARY KEY(scope, key));
CREATE TABLE access_log(
  id INTEGER PRIMARY KEY,
  at_ms INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL);
)sql",
// 2: the company search key (company_api.cpp); rows from before are filled
// in by migrate() with company_search_key(name).
R"sql(
ALTER TABLE companies ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
)sql",
// 3: the kiosks' staff audit events (audit_api.cpp), append-only: each
// (device, event_id) once, never changed or removed.
R"sql(
CREATE TABLE audit_events(
  device_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  at_ms INTEGER NOT NULL,
  staff_id TEXT NOT NULL,
  action TEXT NOT NULL,
  registrant TEXT NOT NULL,
  detail TEXT NOT NULL,
  received_at_ms INTEGER NOT NULL,
  PRIMARY KEY(device_id, event_id));
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
)sql",
// 4: social (docs/social.md, server/social_*.cpp): follows, message threads
// and messages (each sender's client_id once), teams, members, invitations.
R"sql(
CREATE TABLE follows(
  follower_id TEXT NOT NULL,
  followee_id TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  PRIMARY KEY(follower_id, followee_id));
CREATE INDEX follows_followee ON follows(followee_id);
CREATE TABLE message_threads(
  thread_id TEXT PRIMARY KEY,
  account_a TEXT NOT NULL,
  account_b TEXT NOT NULL,
  job_id TEXT NOT NULL DEFAULT '',
  created_at_ms INTEGER NOT NULL,
  last_seq INTEGER NOT NULL DEFAULT 0);
CREATE INDEX message_threads_a ON message_threads(account_a);
CREATE INDEX message_threads_b ON message_threads(account_b);
CREATE TABLE messages(
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  thread_id TEXT NOT NULL,
  sender_id TEXT NOT NULL,
  client_id TEXT NOT NULL,
  body TEXT NOT NULL,
  sent_at_ms INTEGER NOT NULL,
  UNIQUE(sender_id, client_id));
CREATE INDEX messages_thread ON messages(thread_id, seq);
CREATE TABLE teams(
  team_id TEXT PRIMARY KEY,
  url_slug TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  logo_file_id TEXT NOT NULL DEFAULT '',
  owner_id TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  updated_at_ms INTEGER NOT NULL);
CREATE TABLE team_members(
  team_id TEXT NOT NULL,
  account_id TEXT NOT NULL,
  role TEXT NOT NULL,               -- 'owner' | 'member'
  joined_at_ms INTEGER NOT NULL,
  PRIMARY KEY(team_id, account_id));
CREATE INDEX team_members_account ON team_members(account_id);
CREATE TABLE team_invitations(
  invitation_id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL,
  inviter_id TEXT NOT NULL,
  invitee_id TEXT NOT NULL,
  comment TEXT NOT NULL,
  status TEXT NOT NULL,             -- 'pending' | 'accepted' | 'declined'
  created_at_ms INTEGER NOT NULL,
  decided_at_ms INTEGER);
CREATE INDEX team_invitations_invitee ON team_invitations(invitee_id, status);
)sql"};
constexpr std::size_t kCompanySearchKeyVersion = 1;  // index of step 2

// SQL cannot call the normaliser, so the search keys of companies stored
// before step 2 are computed here, in the migration's transaction.
void fill_company_search_keys(SqliteConnection& conn) {
    std::vector<std::pair<std::string, std::string>> rows;
    {
        auto st = conn.prepare("SELECT client_id, name FROM companies");
        while (st.step()) rows.emplace_back(st.column_text(0), st.column_text(1));
    }
    for (const auto& [id, name] : rows) {
        conn.prepare("UPDATE companies SET search_key=?1 WHERE client_id=?2")
            .bind(1, company_search_key(name))
            .bind(2, id)
            .run();
    }
}

}  // namespace

// WAL, synchronous=FULL and secure_delete come from Database::open.
ServerDatabase::ServerDatabase(const std::string& path) : conn_(path) { migrate(); }

void ServerDatabase::migrate() {
    std::lock_guard lock(mutex_);
    SqliteTransaction tx(conn_);
    std::size_t version = 0;
    {
        auto stmt = conn_.prepare("PRAGMA user_version");
        if (stmt.step()) version = static_cast<std::size_t>(stmt.column_int64(0));
    }
    for (; version < kMigrations.size(); ++version) {
        conn_.exec(kMigrations[version]);
        if (version == kCompanySearchKeyVersion) fill_company_search_keys(conn_);
    }
    conn_.exec("PRAGMA user_version=" + std::to_string(kMigrations.size()));
    tx.commit();
}

}  // namespace madoguchi::server
