// Who is calling: devices (X-Device-Token), staff (X-Staff-Token) and the
// rule deciding whether a device may act for an account (see openapi.yaml).
#pragma once

#include <optional>
#include <variant>
#include <string>

#include "server/api_response.hpp"

namespace madoguchi::server {

struct RequestContext;
struct ServerContext;

// device_id for a valid X-Device-Token, or the 401 reply.
std::variant<std::string, ApiResponse> authenticate_device(ServerContext& server, const std::string& token);

bool staff_token_valid(const ServerContext& server, const std::string& token);

// A device may act for an account when the account was created through it,
// or when it presents (Authorization: Bearer) a live session of that account
// that was issued to it. nullopt = allowed; otherwise the 401/403/404 reply.
std::optional<ApiResponse> deny_account_access(RequestContext& ctx, const std::string& account_id);

// Session token from "Authorization: Bearer <token>" (empty when absent).
std::string bearer_token(const RequestContext& ctx);

}  // namespace madoguchi::server
