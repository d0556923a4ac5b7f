// Migration runner.
#include "data/store/migrations.hpp"

#include "data/store/sqlite.hpp"

namespace madoguchi {

Status apply_migrations(Database& db, std::span<const Migration> steps) {
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (steps[i].version != static_cast<int>(i) + 1)
            return storage_error("storage.schema_list", "migration versions must be 1, 2, 3…");
    auto current = db.user_version();
    if (!current) return current.error();
    if (*current > static_cast<int>(steps.size()))
        return storage_error("storage.schema_newer",
                             "database version " + std::to_string(*current) + " is newer than this build");
    for (const auto& step : steps) {
        if (step.version <= *current) continue;
        auto tx = Transaction::begin(db);
        if (!tx) return tx.error();
        // Another connection (a second thread opening the same store) may
        // have applied it while we waited for the write lock.
        auto now = db.user_version();
        if (!now) return now.error();
        if (*now >= step.version) continue;
        if (auto s = db.exec(step.sql); !s) return s.error();
        if (auto s = db.set_user_version(step.version); !s) return s.error();
        if (auto s = tx->commit(); !s) return s.error();
    }
    return ok_status();
}

}  // namespace madoguchi
