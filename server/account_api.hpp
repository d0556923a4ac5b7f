// Account helpers shared by the account and record APIs.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "server/sqlite_connection.hpp"

namespace madoguchi::server {

// {client_id, username, email, registration_number, email_verified} or nullopt.
std::optional<nlohmann::json> load_account_json(SqliteConnection& c, const std::string& client_id);

}  // namespace madoguchi::server
