// SQLite RAII wrapper: connection settings, statement binding, transactions.
#include "data/store/sqlite.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <utility>

namespace madoguchi {

Error storage_error(std::string code, std::string_view detail) {
    Error e;
    e.code = std::move(code);
    if (e.code == "storage.busy") {
        e.message_ja = "データ保存が混み合っています。しばらくしてからもう一度お試しください。";
        e.message_en = "The data store is busy. Please try again in a moment.";
    } else {
        e.message_ja = "データの保存または読み込みに失敗しました。係員にお知らせください。";
        e.message_en = "Saving or reading data failed. Please ask a staff member.";
    }
    if (!detail.empty()) {
        e.message_en += " (";
        e.message_en += detail;
        e.message_en += ")";
    }
    return e;
}

namespace {

Error sqlite_error(sqlite3* db, int rc, std::string_view what) {
    std::string detail(what);
    detail += ": ";
    detail += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    const int primary = rc & 0xff;
    return storage_error(primary == SQLITE_BUSY || primary == SQLITE_LOCKED ? "storage.busy" : "storage.sqlite",
                         detail);
}

}  // namespace

// ---------------------------------------------------------------- Database

Result<Database> Database::open(const std::string& path, const DatabaseOptions& options) {
    if (options.create && !options.read_only && path != ":memory:" && !path.empty()) {
        // SQLite would create the file with the umask's mode (often 0644);
        // personal data must not be world readable, so create it 0600 first.
        // The -wal and -shm files copy the main file's mode.
        int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0) return storage_error("storage.open", "cannot create " + path);
        ::close(fd);
    }
    int flags = options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (options.create && !options.read_only) flags |= SQLITE_OPEN_CREATE;
    flags |= SQLITE_OPEN_NOMUTEX;  // one connection per thread; no shared use
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Database db(raw, path);  // owns raw even on failure (sqlite3_close_v2 accepts it)
    if (rc != SQLITE_OK) return sqlite_error(raw, rc, "open " + path);
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, options.busy_timeout_ms);
    // trusted_schema=OFF: the schema may not call application functions.
    const char* pragmas = options.read_only
                              ? "PRAGMA foreign_keys=ON; PRAGMA trusted_schema=OFF;"
                              : "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
                                " PRAGMA secure_delete=ON; PRAGMA trusted_schema=OFF;";
    if (auto s = db.exec(pragmas); !s) return s.error();
    if (!options.read_only)
        if (auto s = db.exec("PRAGMA journal_size_limit=" + std::to_string(options.journal_size_limit)); !s)
            return s.error();
    return db;
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        if (db_) sqlite3_close_v2(db_);
        db_ = std::exchange(other.db_, nullptr);
        path_ = std::move(other.path_);
    }
    return *this;
}

Database::~Database() {
    if (db_) sqlite3_close_v2(db_);
}

Status Database::exec(std::string_view sql) {
    std::string text(sql);
    char* msg = nullptr;
    int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &msg);
    if (rc != SQLITE_OK) {
        std::string detail = msg ? msg : sqlite3_errstr(rc);
        sqlite3_free(msg);
        const int primary = rc & 0xff;
        return storage_error(primary == SQLITE_BUSY || primary == SQLITE_LOCKED ? "storage.busy" : "storage.sqlite",
                             "exec: " + detail);
    }
    return ok_status();
}

Result<Statement> Database::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, &tail);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return sqlite_error(db_, rc, "prepare");
    }
    if (!stmt) return storage_error("storage.sqlite", "prepare: empty statement");
    return Statement(stmt, db_);
}

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
int Database::changes() const { return sqlite3_changes(db_); }
bool Database::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

Result<int> Database::user_version() {
    auto st = prepare("PRAGMA user_version");
    if (!st) return st.error();
    auto row = st->step();
    if (!row) return row.error();
    return *row ? st->column_int(0) : 0;
}

Status Database::set_user_version(int version) {
    // PRAGMA takes no parameters; the value is an int we format ourselves.
    return exec("PRAGMA user_version=" + std::to_string(version));
}

Result<std::string> Database::integrity_check() {
    auto st = prepare("PRAGMA integrity_check");
    if (!st) return st.error();
    std::string report;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) break;
        if (!report.empty()) report += "\n";
        report += st->column_text(0);
    }
    return report;
}

Status Database::checkpoint_truncate() {
    int rc = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    if (rc != SQLITE_OK) return sqlite_error(db_, rc, "checkpoint");
    return ok_status();
}

Status Database::checkpoint_passive() {
    int rc = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    if (rc != SQLITE_OK) return sqlite_error(db_, rc, "checkpoint");
    return ok_status();
}

// ---------------------------------------------------------------- Statement

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)),
      db_(std::exchange(other.db_, nullptr)),
      bind_error_(std::move(other.bind_error_)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        if (stmt_) sqlite3_finalize(stmt_);
        stmt_ = std::exchange(other.stmt_, nullptr);
        db_ = std::exchange(other.db_, nullptr);
        bind_error_ = std::move(other.bind_error_);
    }
    return *this;
}

Statement::~Statement() {
    if (stmt_) sqlite3_finalize(stmt_);
}

void Statement::note_bind(int rc, int index) {
    if (rc != SQLITE_OK && !bind_error_) bind_error_ = sqlite_error(db_, rc, "bind #" + std::to_string(index));
}

Statement& Statement::bind(int index, std::int64_t value) {
    note_bind(sqlite3_bind_int64(stmt_, index, value), index);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    note_bind(sqlite3_bind_double(stmt_, index, value), index);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    // SQLITE_TRANSIENT: SQLite copies, so the caller's buffer may go away.
    // A zero-length view may have a null data(); bind "" rather than NULL.
    const char* data = text.data() ? text.data() : "";
    note_bind(sqlite3_bind_text64(stmt_, index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8), index);
    return *this;
}

Statement& Statement::bind_blob(int index, std::span<const std::uint8_t> bytes) {
    static const std::uint8_t empty = 0;
    const void* data = bytes.data() ? static_cast<const void*>(bytes.data()) : &empty;
    note_bind(sqlite3_bind_blob64(stmt_, index, data, bytes.size(), SQLITE_TRANSIENT), index);
    return *this;
}

Statement& Statement::bind_null(int index) {
    note_bind(sqlite3_bind_null(stmt_, index), index);
    return *this;
}

Result<bool> Statement::step() {
    if (bind_error_) return *bind_error_;
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    Error e = sqlite_error(db_, rc, "step");
    sqlite3_reset(stmt_);
    return e;
}

Status Statement::run() {
    for (;;) {
        auto row = step();
        if (!row) return row.error();
        if (!*row) break;
    }
    sqlite3_reset(stmt_);
    return ok_status();
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    bind_error_.reset();
}

int Statement::column_count() const { return sqlite3_column_count(stmt_); }
bool Statement::column_is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
std::int64_t Statement::column_int64(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::column_double(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::column_text(int column) const {
    const unsigned char* p = sqlite3_column_text(stmt_, column);
    const int n = sqlite3_column_bytes(stmt_, column);  // after _text, as SQLite documents
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string();
}

std::vector<std::uint8_t> Statement::column_blob(int column) const {
    const void* p = sqlite3_column_blob(stmt_, column);
    const int n = sqlite3_column_bytes(stmt_, column);
    if (!p || n <= 0) return {};
    const auto* b = static_cast<const std::uint8_t*>(p);
    return std::vector<std::uint8_t>(b, b + n);
}

// ---------------------------------------------------------------- Transaction

Result<Transaction> Transaction::begin(Database& db) {
    if (!db.in_transaction()) {
        if (auto s = db.exec("BEGIN IMMEDIATE"); !s) return s.error();
        return Transaction(&db, {});
    }
    // Savepoint names only need to be unique among the open ones.
    static std::atomic<std::uint64_t> counter{0};
    std::string name = "sp_" + std::to_string(counter.fetch_add(1));
    if (auto s = db.exec("SAVEPOINT " + name); !s) return s.error();
    return Transaction(&db, std::move(name));
}

Transaction::Transaction(Transaction&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), savepoint_(std::move(other.savepoint_)), open_(other.open_) {
    other.open_ = false;
}

Transaction::~Transaction() { rollback(); }

Status Transaction::commit() {
    if (!open_) return storage_error("storage.transaction", "commit of a closed transaction");
    Status s = savepoint_.empty() ? db_->exec("COMMIT") : db_->exec("RELEASE " + savepoint_);
    if (s) open_ = false;
    // On failure the transaction stays open; the destructor rolls it back.
    return s;
}

void Transaction::rollback() {
    if (!open_ || !db_) return;
    open_ = false;
    if (savepoint_.empty()) {
        // The transaction may already have been rolled back by SQLite
        // (e.g. after SQLITE_FULL); ROLLBACK then fails harmlessly.
        if (db_->in_transaction()) (void)db_->exec("ROLLBACK");
    } else {
        (void)db_->exec("ROLLBACK TO " + savepoint_);
        (void)db_->exec("RELEASE " + savepoint_);
    }
}

}  // namespace madoguchi
