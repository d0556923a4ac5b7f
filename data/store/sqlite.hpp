// RAII wrapper over the SQLite C API: Database (one connection, durable
// settings), Statement (prepared statements only) and Transaction.
// Shared by the kiosk store and the reference server; no kiosk logic here.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "data/result.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace madoguchi {

// Builds the Error every storage failure travels as. `code` is e.g.
// "storage.sqlite" / "storage.busy"; `detail` (English, technical) is
// appended to message_en for logs; the Japanese message stays plain.
Error storage_error(std::string code, std::string_view detail);

struct DatabaseOptions {
    int busy_timeout_ms = 5000;  // how long a writer waits for another connection's lock
    bool create = true;          // create the file (mode 0600) when missing
    bool read_only = false;
    // PRAGMA journal_size_limit: 0 truncates the WAL file whenever it
    // restarts after a checkpoint, so pages of deleted rows (personal data,
    // wrapped file keys) do not linger in old WAL frames; -1 = never truncate.
    std::int64_t journal_size_limit = 0;
};

class Statement;

// One SQLite connection. A connection belongs to one thread at a time: each
// thread (UI, sync worker, server worker) opens its own Database on the same
// file. Opening applies WAL, synchronous=FULL (a commit that returned is on
// disk), foreign_keys=ON, secure_delete=ON (freed pages are zeroed, so deleted
// personal data does not linger in free pages) and the busy timeout.
class Database {
public:
    static Result<Database> open(const std::string& path, const DatabaseOptions& options = {});

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    // Runs SQL without parameters (DDL, PRAGMA). Never pass user data here:
    // everything carrying values goes through prepare() + bind.
    Status exec(std::string_view sql);
    Result<Statement> prepare(std::string_view sql);

    std::int64_t last_insert_rowid() const;
    int changes() const;            // rows touched by the last INSERT/UPDATE/DELETE
    bool in_transaction() const;

    Result<int> user_version();
    Status set_user_version(int version);
    // "ok" when PRAGMA integrity_check finds nothing; otherwise its report.
    Result<std::string> integrity_check();
    // Moves WAL content into the main file and truncates the WAL (used after
    // purges so deleted rows do not survive in old WAL frames).
    Status checkpoint_truncate();
    // Copies WAL frames into the main file without waiting for readers; with
    // journal_size_limit=0 the next write then starts a truncated WAL. Used
    // after erases, where blocking the caller is worse than a late cleanup.
    Status checkpoint_passive();

    const std::string& path() const { return path_; }
    sqlite3* handle() const { return db_; }  // escape hatch for rare C calls

private:
    Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
    sqlite3* db_ = nullptr;
    std::string path_;
};

// A prepared statement. bind() calls chain; the first bind error is kept and
// returned by the next step()/run(), so call sites stay readable:
//   auto st = db.prepare("INSERT INTO t(a,b) VALUES(?,?)");
//   st->bind(1, a).bind(2, b);  if (auto s = st->run(); !s) return s.error();
// Indices are 1-based like SQLite's; columns are 0-based like SQLite's.
// Text is bound with its byte length, so embedded NULs and invalid UTF-8
// are stored and returned verbatim.
class Statement {
public:
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind_blob(int index, std::span<const std::uint8_t> bytes);
    Statement& bind_null(int index);
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind_null(index);
    }

    // true = a row is available; false = done.
    Result<bool> step();
    // Steps to completion, for statements that return no rows.
    Status run();
    // Clears the result and the bindings so the statement can run again.
    void reset();

    int column_count() const;
    bool column_is_null(int column) const;
    std::int64_t column_int64(int column) const;
    int column_int(int column) const { return static_cast<int>(column_int64(column)); }
    double column_double(int column) const;
    std::string column_text(int column) const;
    std::vector<std::uint8_t> column_blob(int column) const;

private:
    friend class Database;
    Statement(sqlite3_stmt* stmt, sqlite3* db) : stmt_(stmt), db_(db) {}
    void note_bind(int rc, int index);
    sqlite3_stmt* stmt_ = nullptr;
    sqlite3* db_ = nullptr;
    std::optional<Error> bind_error_;
};

// RAII transaction: rolls back unless commit() succeeded. Outermost
// transactions use BEGIN IMMEDIATE (take the write lock up front, so a
// busy conflict surfaces at begin, not half-way); a Transaction begun while
// another is open becomes a SAVEPOINT, so functions that need atomicity can
// be composed inside a caller's transaction.
class Transaction {
public:
    static Result<Transaction> begin(Database& db);

    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    Status commit();
    void rollback();

private:
    Transaction(Database* db, std::string savepoint) : db_(db), savepoint_(std::move(savepoint)) {}
    Database* db_ = nullptr;
    std::string savepoint_;  // empty = outermost BEGIN IMMEDIATE
    bool open_ = true;
};

}  // namespace madoguchi
