// The server's view of data/store/sqlite.hpp (the project's one SQLite RAII
// wrapper): the same Database/Statement/Transaction, with storage failures
// raised as SqliteError so handlers stay linear; http_routes.cpp turns them
// into 503 replies at the request boundary.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "data/store/sqlite.hpp"

namespace madoguchi::server {

class SqliteError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class SqliteStatement {
public:
    explicit SqliteStatement(Statement st) : st_(std::move(st)) {}

    template <typename T>
    SqliteStatement& bind(int index, const T& value) {
        st_.bind(index, value);
        return *this;
    }
    SqliteStatement& bind_null(int index) {
        st_.bind_null(index);
        return *this;
    }

    // true while a row is available.
    bool step();
    // Runs a statement that returns no rows.
    void run();

    std::int64_t column_int64(int index) const { return st_.column_int64(index); }
    std::string column_text(int index) const { return st_.column_text(index); }
    bool column_is_null(int index) const { return st_.column_is_null(index); }

private:
    Statement st_;
};

class SqliteConnection {
public:
    // Opens with the store's durable settings (WAL, synchronous=FULL, secure_delete).
    explicit SqliteConnection(const std::string& path);

    void exec(std::string_view sql);
    SqliteStatement prepare(std::string_view sql);
    std::int64_t last_insert_rowid() const { return db_.last_insert_rowid(); }
    Database& database() { return db_; }

private:
    Database db_;
};

// BEGIN IMMEDIATE .. COMMIT; rolls back when destroyed without commit().
class SqliteTransaction {
public:
    explicit SqliteTransaction(SqliteConnection& db);
    void commit();

private:
    Transaction tx_;
};

}  // namespace madoguchi::server
