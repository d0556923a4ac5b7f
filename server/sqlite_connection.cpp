// Adapter from data/store/sqlite.hpp's Result-returning API to exceptions.
#include "server/sqlite_connection.hpp"

namespace madoguchi::server {
namespace {

[[noreturn]] void fail(const Error& e) { throw SqliteError(e.code + ": " + e.message_en); }

template <typename T>
T take(Result<T> r) {
    if (!r) fail(r.error());
    return std::move(r).value();
}

}  // namespace

bool SqliteStatement::step() { return take(st_.step()); }

void SqliteStatement::run() {
    if (auto s = st_.run(); !s) fail(s.error());
}

SqliteConnection::SqliteConnection(const std::string& path) : db_(take(Database::open(path))) {}

void SqliteConnection::exec(std::string_view sql) {
    if (auto s = db_.exec(sql); !s) fail(s.error());
}

SqliteStatement SqliteConnection::prepare(std::string_view sql) { return SqliteStatement(take(db_.prepare(sql))); }

SqliteTransaction::SqliteTransaction(SqliteConnection& db) : tx_(take(Transaction::begin(db.database()))) {}

void SqliteTransaction::commit() {
    if (auto s = tx_.commit(); !s) fail(s.error());
}

}  // namespace madoguchi::server
