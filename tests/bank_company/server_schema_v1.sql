-- The reference server's schema as shipped at version 1 (server/server_database.cpp
-- before commit d63e481 added step 2, the companies' search_key). Frozen here:
-- test_company_search_migration.cpp builds an old database from it.
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
PRAGMA user_version=1;
