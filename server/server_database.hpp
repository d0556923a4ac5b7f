// The server's SQLite database: schema, durability settings (WAL,
// synchronous=FULL) and serialized access from the HTTP worker threads.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <thread>
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
    // Inside a DeferredSync scope on this thread the commit skips its fsync.
    template <typename F>
    auto write(F&& f) {
        std::lock_guard lock(mutex_);
        const auto deferred = deferred_.find(std::this_thread::get_id());
        const bool defer = deferred != deferred_.end();
        if (defer) {
            conn_.exec("PRAGMA synchronous=NORMAL");
            deferred->second = true;  // wrote without fsync
        }
        struct Restore {
            SqliteConnection& c;
            bool on;
            ~Restore() {
                if (!on) return;
                try {
                    c.exec("PRAGMA synchronous=FULL");
                } catch (const SqliteError&) {
                    // Cannot fail outside a transaction; never throw from here.
                }
            }
        } restore{conn_, defer};
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

    // While alive, this thread's write() commits are atomic but not yet
    // fsynced. For a keyed request whose reply is then stored: that FULL
    // commit appends to the same WAL and its fsync makes every earlier frame
    // durable before the reply leaves. One fsync per request instead of two.
    // Without such a commit following, call sync_now().
    class DeferredSync {
    public:
        explicit DeferredSync(ServerDatabase& db) : db_(db) {
            std::lock_guard lock(db_.mutex_);
            db_.deferred_[std::this_thread::get_id()] = false;
        }
        ~DeferredSync() {
            std::lock_guard lock(db_.mutex_);
            db_.deferred_.erase(std::this_thread::get_id());
        }
        DeferredSync(const DeferredSync&) = delete;
        DeferredSync& operator=(const DeferredSync&) = delete;
        // Makes what this thread committed durable now (a checkpoint syncs the WAL).
        void sync_now() {
            std::lock_guard lock(db_.mutex_);
            auto it = db_.deferred_.find(std::this_thread::get_id());
            if (it == db_.deferred_.end() || !it->second) return;
            db_.conn_.exec("PRAGMA wal_checkpoint(FULL)");
            it->second = false;
        }

    private:
        ServerDatabase& db_;
    };

private:
    void migrate();

    // Threads inside a DeferredSync -> whether they committed since.
    std::map<std::thread::id, bool> deferred_;
    std::mutex mutex_;
    SqliteConnection conn_;
};

}  // namespace madoguchi::server
