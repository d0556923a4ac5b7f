// Upload references from records: a record may only point at a completed upload.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "server/api_response.hpp"

namespace madoguchi::server {

struct ServerContext;

// (field name, upload id) pairs; empty ids are skipped. nullopt = all complete.
std::optional<ApiResponse> deny_file_references(ServerContext& server,
                                                const std::vector<std::pair<std::string, std::string>>& refs);

}  // namespace madoguchi::server
