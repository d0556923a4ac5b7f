// Encrypted device secrets.
#include "data/store/secret_store.hpp"

#include "data/crypto/column_cipher.hpp"
#include "data/store/sqlite.hpp"

namespace madoguchi {
namespace {
std::string context(std::string_view name) { return "secrets|" + std::string(name); }
}  // namespace

SecretStore::SecretStore(Database& db, const ColumnCipher& cipher, WallClock now)
    : db_(db), cipher_(cipher), now_(std::move(now)) {}

Status SecretStore::put(std::string_view name, std::string_view value) {
    auto st = db_.prepare("INSERT INTO secrets(name, value, updated_at_ms) VALUES(?,?,?)"
                          " ON CONFLICT(name) DO UPDATE SET value = excluded.value, updated_at_ms = excluded.updated_at_ms");
    if (!st) return st.error();
    st->bind(1, name).bind_blob(2, cipher_.seal(value, context(name))).bind(3, now_());
    return st->run();
}

Result<std::optional<std::string>> SecretStore::get(std::string_view name) {
    auto st = db_.prepare("SELECT value FROM secrets WHERE name = ?");
    if (!st) return st.error();
    st->bind(1, name);
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return std::optional<std::string>{};
    auto plain = cipher_.open(st->column_blob(0), context(name));
    if (!plain) return plain.error();
    return std::optional<std::string>(std::move(*plain));
}

Status SecretStore::erase(std::string_view name) {
    auto st = db_.prepare("DELETE FROM secrets WHERE name = ?");
    if (!st) return st.error();
    st->bind(1, name);
    return st->run();
}

}  // namespace madoguchi
