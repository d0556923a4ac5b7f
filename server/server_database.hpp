// The server's SQLite database: schema, durability settings (WAL,
// synchronous=FULL) and serialized access from the HTTP worker threads.
#pragma once

#include <mutex>
#include <string>
#include <type_traits>

#include "server/sqlite_connection.hpp"

namespace madoguchi::server {

// One connection behind a mutex: each request's SQL is a few short
// statements, and slow work (password hashing, file I/O, SHA-256) is done by
// handlers outside read()/write(), so a single writer is not the bottleneck.
class ServerDatabase {
public:
    explicit ServerDatabase(const std::string& path);

    template <typename F>
    auto read(F&& f) {
        std::lock_guard lock(mutex_);
        return f(conn_);
    }

    // Runs f inside BEGIN IMMEDIATE..COMMIT; an exception rolls back.
    template <typename F>
    auto write(F&& f) {
        std::lock_guard lock(mutex_);
        SqliteTransaction tx(conn_);
        if constexpr (std::is_void_v<decltype(f(conn_))>) {
            f(conn_);
            tx.commit();
        } else {
            auto result = f(conn_);
            tx.commit();
            return result;
        }
    }

private:
    void migrate();

    std::mutex mutex_;
    SqliteConnection conn_;
};

}  // namespace madoguchi::server
