// Which API request sends an outbox row: the table from the store's
// operations ("skill.update", "identity_document.upload", …) to method,
// path and body (docs/sync.md lists it). Pure: no I/O.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "data/result.hpp"

namespace madoguchi {

struct PlannedRequest {
    std::string method;      // empty = nothing to send (local-only operation)
    std::string path;        // under the base URL, e.g. /v1/accounts/A/skills/S
    std::string body;        // JSON text (empty for DELETE)
    std::string account_id;  // whose session token applies (may be empty)
};

// `owner` is the row's owner_client_id (the account id in paths),
// `entity_id` its entity_client_id, `payload` the row's decoded JSON with
// file ids already replaced by upload ids. Unknown operations are an Error
// ("sync.unknown_operation"), which the engine dead-letters.
Result<PlannedRequest> plan_request(const std::string& operation, const std::string& owner,
                                    const std::string& entity_id, const nlohmann::json& payload);

// Replaces every string value equal to a key of `ids` (local FileStore ids)
// by the mapped value (server upload ids), anywhere in the document.
void replace_file_ids(nlohmann::json& doc, const std::map<std::string, std::string>& ids);

}  // namespace madoguchi
