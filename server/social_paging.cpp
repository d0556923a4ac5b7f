// Paging parameters shared by worker search, follows, threads and history.
#include "server/social_paging.hpp"

#include <charconv>

#include "server/http_routes.hpp"

namespace madoguchi::server {

std::int64_t query_int(const RequestContext& ctx, const char* name, std::int64_t fallback) {
    if (!ctx.http.has_param(name)) return fallback;
    const std::string text = ctx.http.get_param_value(name);
    std::int64_t v = -1;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || text.size() > 12 || v < 0) return -1;
    return v;
}

std::optional<ApiResponse> parse_page(const RequestContext& ctx, Page& page) {
    page.offset = query_int(ctx, "offset", 0);
    if (page.offset < 0)
        return error_response(400, "request.invalid_field", "offset", "offset must be a non-negative integer.",
                              "表示位置の指定が正しくありません。");
    page.limit = query_int(ctx, "limit", 20);
    if (page.limit < 1 || page.limit > kMaxPageSize)
        return error_response(400, "request.invalid_field", "limit", "limit must be between 1 and 50.",
                              "表示件数は1〜50件で指定してください。");
    return std::nullopt;
}

nlohmann::json paged(nlohmann::json items, const Page& page) {
    nlohmann::json next = nullptr;
    if (static_cast<std::int64_t>(items.size()) > page.limit) {
        items.erase(items.begin() + page.limit, items.end());
        next = page.offset + page.limit;
    }
    return {{"items", std::move(items)}, {"next_offset", next}};
}

}  // namespace madoguchi::server
