// A worker's public card (guide 【1】【2】【4】 ワーカー詳細): built from an
// allow-list of public profile fields, so private data (e-mail, real name,
// birth date, address, bank, documents) can never leak through it.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "server/sqlite_connection.hpp"

namespace madoguchi::server {

bool account_exists(SqliteConnection& c, const std::string& account_id);

// The card of `worker_id` as `viewer_id` sees it (with followed_by_me /
// follows_me), or nullopt when no such account exists.
std::optional<nlohmann::json> worker_card(SqliteConnection& c, const std::string& viewer_id,
                                          const std::string& worker_id);

// The short form inside threads, team members and invitations.
nlohmann::json worker_summary(SqliteConnection& c, const std::string& worker_id);

}  // namespace madoguchi::server
