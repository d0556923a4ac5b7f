// Offset/limit paging of the social lists (?offset=&limit=), with the API's
// 400 reply for values that are not small non-negative numbers.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "server/api_response.hpp"

namespace madoguchi::server {

struct RequestContext;

struct Page {
    std::int64_t offset = 0;
    std::int64_t limit = 20;  // 1..50
};

inline constexpr std::int64_t kMaxPageSize = 50;

// The page the query asks for, or the 400 reply.
std::optional<ApiResponse> parse_page(const RequestContext& ctx, Page& page);

// {"items": items, "next_offset": offset+limit or null}. `items` was read
// with LIMIT limit+1, so one extra row means there is a next page.
nlohmann::json paged(nlohmann::json items, const Page& page);

// A non-negative integer query parameter; `fallback` when absent; -1 when invalid.
std::int64_t query_int(const RequestContext& ctx, const char* name, std::int64_t fallback);

}  // namespace madoguchi::server
