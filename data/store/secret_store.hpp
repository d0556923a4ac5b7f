// SecretStore: device secrets (API tokens, session tokens) encrypted at rest
// in table `secrets`, bound to their name.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "data/result.hpp"
#include "data/store/outbox_store.hpp"

namespace madoguchi {

class ColumnCipher;
class Database;

class SecretStore {
public:
    SecretStore(Database& db, const ColumnCipher& cipher, WallClock now);
    Status put(std::string_view name, std::string_view value);
    Result<std::optional<std::string>> get(std::string_view name);
    Status erase(std::string_view name);

private:
    Database& db_;
    const ColumnCipher& cipher_;
    WallClock now_;
};

}  // namespace madoguchi
