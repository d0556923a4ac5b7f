// Workers and follows (guide 【2】, 【1】 コンタクト): search by nickname or
// skill, a worker's public card, follow/unfollow, followers, following and
// contacts (friends = mutual follows). All as the signed-in viewer.
#include "data/text/char_classes.hpp"
#include "server/api_routes.hpp"
#include "server/http_routes.hpp"
#include "server/request_auth.hpp"
#include "server/social_paging.hpp"
#include "data/model/social_rules.hpp"
#include "server/social_worker_card.hpp"

namespace madoguchi::server {
namespace {

using nlohmann::json;

ApiResponse worker_not_found() {
    return error_response(404, "worker.not_found", "", "No such worker.", "ワーカーが見つかりません。");
}

// LIKE pattern matching `text` anywhere, with % _ and \ taken literally.
std::string like_pattern(const std::string& text) {
    std::string out = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out + "%";
}

json cards(SqliteConnection& c, const std::string& viewer, SqliteStatement& ids) {
    json items = json::array();
    while (ids.step()) {
        if (auto card = worker_card(c, viewer, ids.column_text(0))) items.push_back(std::move(*card));
    }
    return items;
}

std::optional<ApiResponse> check_search_text(const char* field, const std::string& text) {
    if (auto s = social_rules::check_search_text(field, text); !s) return error_response(400, s.error());
    return std::nullopt;
}

// GET /v1/accounts/{aid}/workers?q=&skill=&offset=&limit=
ApiResponse search_workers(RequestContext& ctx) {
    const std::string viewer = ctx.param(1);
    if (auto denied = deny_account_access(ctx, viewer)) return *denied;
    Page page;
    if (auto bad = parse_page(ctx, page)) return *bad;
    const std::string q = std::string(trim_spaces(ctx.http.get_param_value("q")));
    const std::string skill = std::string(trim_spaces(ctx.http.get_param_value("skill")));
    if (auto bad = check_search_text("q", q)) return *bad;
    if (auto bad = check_search_text("skill", skill)) return *bad;
    json items = ctx.server.db.read([&](SqliteConnection& c) {
        auto st = c.prepare(
            "SELECT a.client_id FROM accounts a "
            "LEFT JOIN records p ON p.account_id=a.client_id AND p.collection='profile' AND p.client_id='_' "
            "WHERE a.client_id != ?1 "
            "AND (?2 = '' OR a.username LIKE ?3 ESCAPE '\\' "
            "     OR COALESCE(json_extract(p.body, '$.nickname'), '') LIKE ?3 ESCAPE '\\') "
            "AND (?4 = '' OR EXISTS(SELECT 1 FROM records s WHERE s.account_id=a.client_id AND "
            "     s.collection='skills' AND json_extract(s.body, '$.name') LIKE ?5 ESCAPE '\\')) "
            "ORDER BY a.seq LIMIT ?6 OFFSET ?7");
        st.bind(1, viewer).bind(2, q).bind(3, like_pattern(q)).bind(4, skill).bind(5, like_pattern(skill))
            .bind(6, page.limit + 1).bind(7, page.offset);
        return cards(c, viewer, st);
    });
    return json_response(200, paged(std::move(items), page));
}

// GET /v1/accounts/{aid}/workers/{wid}
ApiResponse get_worker(RequestContext& ctx) {
    const std::string viewer = ctx.param(1), wid = ctx.param(2);
    if (auto denied = deny_account_access(ctx, viewer)) return *denied;
    auto card = ctx.server.db.read([&](SqliteConnection& c) { return worker_card(c, viewer, wid); });
    if (!card) return worker_not_found();
    return json_response(200, *card);
}

// PUT /v1/accounts/{aid}/following/{wid}: 201 new, 200 when already followed.
ApiResponse follow(RequestContext& ctx) {
    const std::string viewer = ctx.param(1), wid = ctx.param(2);
    if (auto denied = deny_account_access(ctx, viewer)) return *denied;
    if (wid == viewer)
        return error_response(422, "follow.self", "worker_id", "You cannot follow yourself.", "自分自身はフォローできません。");
    return ctx.server.db.write([&](SqliteConnection& c) -> ApiResponse {
        if (!account_exists(c, wid)) return worker_not_found();
        auto exists = c.prepare("SELECT 1 FROM follows WHERE follower_id=?1 AND followee_id=?2");
        exists.bind(1, viewer).bind(2, wid);
        const bool already = exists.step();
        if (!already)
            c.prepare("INSERT INTO follows(follower_id, followee_id, created_at_ms) VALUES(?1,?2,?3)")
                .bind(1, viewer)
                .bind(2, wid)
                .bind(3, now_ms())
                .run();
        return json_response(already ? 200 : 201, *worker_card(c, viewer, wid));
    });
}

// DELETE /v1/accounts/{aid}/following/{wid}: 204, also when not followed.
ApiResponse unfollow(RequestContext& ctx) {
    const std::string viewer = ctx.param(1), wid = ctx.param(2);
    if (auto denied = deny_account_access(ctx, viewer)) return *denied;
    ctx.server.db.write([&](SqliteConnection& c) {
        c.prepare("DELETE FROM follows WHERE follower_id=?1 AND followee_id=?2").bind(1, viewer).bind(2, wid).run();
    });
    return empty_response(204);
}

// GET following / followers / contacts: one query shape, paged, newest first.
ApiResponse list_related(RequestContext& ctx, const char* sql) {
    const std::string viewer = ctx.param(1);
    if (auto denied = deny_account_access(ctx, viewer)) return *denied;
    Page page;
    if (auto bad = parse_page(ctx, page)) return *bad;
    json items = ctx.server.db.read([&](SqliteConnection& c) {
        auto st = c.prepare(sql);
        st.bind(1, viewer).bind(2, page.limit + 1).bind(3, page.offset);
        return cards(c, viewer, st);
    });
    return json_response(200, paged(std::move(items), page));
}

ApiResponse list_following(RequestContext& ctx) {
    return list_related(ctx, "SELECT followee_id FROM follows WHERE follower_id=?1 "
                             "ORDER BY created_at_ms DESC, followee_id LIMIT ?2 OFFSET ?3");
}

ApiResponse list_followers(RequestContext& ctx) {
    return list_related(ctx, "SELECT follower_id FROM follows WHERE followee_id=?1 "
                             "ORDER BY created_at_ms DESC, follower_id LIMIT ?2 OFFSET ?3");
}

// Friends are mutual follows; clients come from completed jobs, which the
// platform does not have yet, so that list is empty (docs/social.md).
ApiResponse list_contacts(RequestContext& ctx) {
    auto friends = list_related(
        ctx,
        "SELECT f.followee_id FROM follows f JOIN follows b ON b.follower_id=f.followee_id AND b.followee_id=f.follower_id "
        "WHERE f.follower_id=?1 ORDER BY MAX(f.created_at_ms, b.created_at_ms) DESC, f.followee_id LIMIT ?2 OFFSET ?3");
    if (friends.status != 200) return friends;
    json body = json::parse(friends.body);
    return json_response(200, {{"friends", body.at("items")}, {"clients", json::array()}, {"next_offset", body.at("next_offset")}});
}

}  // namespace

void add_social_worker_routes(Router& r) {
    const std::string account = R"(/v1/accounts/([A-Za-z0-9_-]{1,64}))";
    const std::string id = R"(([A-Za-z0-9_-]{1,64}))";
    r.add("GET", account + "/workers", Access::device, search_workers);
    r.add("GET", account + "/workers/" + id, Access::device, get_worker);
    r.add("PUT", account + "/following/" + id, Access::device, follow);
    r.add("DELETE", account + "/following/" + id, Access::device, unfollow);
    r.add("GET", account + "/following", Access::device, list_following);
    r.add("GET", account + "/followers", Access::device, list_followers);
    r.add("GET", account + "/contacts", Access::device, list_contacts);
}

}  // namespace madoguchi::server
