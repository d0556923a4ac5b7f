// Test helper: read-only queries on the live reference server's own database
// (DATA/server.sqlite3), for exact counts after a sync.
#pragma once

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "data/store/sqlite.hpp"

namespace madoguchi::test {

inline Database open_server_database(const std::string& data_dir) {
    DatabaseOptions o;
    o.create = false;
    o.read_only = true;
    auto db = Database::open(data_dir + "/server.sqlite3", o);
    REQUIRE(db.ok());
    return std::move(*db);
}

// The first column of the first row of `sql` (a COUNT, usually).
inline std::int64_t server_db_count(const std::string& data_dir, const std::string& sql) {
    Database db = open_server_database(data_dir);
    auto st = db.prepare(sql);
    REQUIRE_MESSAGE(st.ok(), sql);
    auto row = st->step();
    REQUIRE(row.ok());
    REQUIRE(*row);
    return st->column_int64(0);
}

// The first column of every row of `sql`, as text.
inline std::vector<std::string> server_db_strings(const std::string& data_dir, const std::string& sql) {
    Database db = open_server_database(data_dir);
    auto st = db.prepare(sql);
    REQUIRE_MESSAGE(st.ok(), sql);
    std::vector<std::string> out;
    for (;;) {
        auto row = st->step();
        REQUIRE(row.ok());
        if (!*row) break;
        out.push_back(st->column_text(0));
    }
    return out;
}

}  // namespace madoguchi::test
