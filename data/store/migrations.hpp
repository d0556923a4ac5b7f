// Schema migrations keyed by PRAGMA user_version: an ordered list of
// numbered steps, each applied once, each in its own transaction together
// with the version bump. Reusable by any SQLite database (store, server).
#pragma once

#include <span>
#include <string_view>

#include "data/result.hpp"

namespace madoguchi {

class Database;

struct Migration {
    int version;           // 1, 2, 3…: the user_version after this step
    std::string_view sql;  // one or more statements
};

// Applies every step whose version is above the current user_version, in
// order. Refuses ("storage.schema_newer") a database written by a newer
// build, and a list that is not strictly increasing from 1.
Status apply_migrations(Database& db, std::span<const Migration> steps);

}  // namespace madoguchi
