// Messages (guide 【1】): one thread per pair of accounts, or per pair and job
// question; each sender's client_id is stored once, so the kiosk's outbox
// delivers a message exactly once however often it retries.
#include <string>

#include "server/api_routes.hpp"
#include "server/http_routes.hpp"
#include "server/record_validation.hpp"
#include "server/request_auth.hpp"
#include "server/secrets.hpp"
#include "server/social_paging.hpp"
#include "data/model/social_rules.hpp"
#include "server/social_worker_card.hpp"

namespace madoguchi::server {
namespace {

using nlohmann::json;

// Both participants and every retry derive the same id: sorted pair + job.
std::string thread_id_for(const std::string& x, const std::string& y, const std::string& job_id) {
    const auto& lo = x < y ? x : y;
    const auto& hi = x < y ? y : x;
    return "t" + sha256_hex(lo + "\n" + hi + "\n" + job_id).substr(0, 40);
}

bool valid_optional_id(const std::string& id) { return id.empty() || valid_client_id(id); }

std::string string_field(const json& body, const char* name) {
    if (!body.contains(name) || body.at(name).is_null()) return {};
    if (!body.at(name).is_string()) throw std::invalid_argument(name);
    return body.at(name).get<std::string>();
}

json message_json(SqliteStatement& st) {
    // seq, body
    json m = json::parse(st.column_text(1));
    m["seq"] = st.column_int64(0);
    return m;
}

// POST /v1/accounts/{aid}/messages {client_id, to_account_id, text, job_id?}
ApiResponse send_message(RequestContext& ctx) {
    const std::string sender = ctx.param(1);
    if (auto denied = deny_account_access(ctx, sender)) return *denied;
    auto body = ctx.json_body();
    if (!body) return error_response(400, body.error());
    std::string client_id, to, text, job_id;
    try {
        client_id = string_field(*body, "client_id");
        to = string_field(*body, "to_account_id");
        text = string_field(*body, "text");
        job_id = string_field(*body, "job_id");
    } catch (const std::exception& e) {
        return error_response(400, "request.invalid_field", e.what(), std::string("This field must be a string: ") + e.what(),
                              "送信内容の形式が正しくありません。");
    }
    if (!valid_client_id(client_id))
        return error_response(400, "request.invalid_field", "client_id", "client_id is missing or invalid.",
                              "レコードIDが正しくありません。");
    if (!valid_optional_id(job_id))
        return error_response(400, "request.invalid_field", "job_id", "job_id is invalid.", "仕事IDが正しくありません。");
    if (to.empty() || !valid_client_id(to))
        return error_response(422, "message.recipient_required", "to_account_id", "Choose who receives the message.",
                              "送信先を選んでください。");
    if (to == sender)
        return error_response(422, "message.self", "to_account_id", "You cannot send a message to yourself.",
                              "自分自身にはメッセージを送れません。");
    if (auto errors = social_rules::check_message_text(text); !errors.empty()) return validation_response(errors);

    const std::string tid = thread_id_for(sender, to, job_id);
    return ctx.server.db.write([&](SqliteConnection& c) -> ApiResponse {
        if (!account_exists(c, to))
            return error_response(404, "worker.not_found", "to_account_id", "No such recipient.", "送信先が見つかりません。");
        auto existing = c.prepare("SELECT seq, body FROM messages WHERE sender_id=?1 AND client_id=?2");
        existing.bind(1, sender).bind(2, client_id);
        if (existing.step()) {
            json stored = message_json(existing);
            if (stored.value("text", "") != text || stored.value("thread_id", "") != tid)
                return error_response(409, "message.client_id_reused", "client_id",
                                      "This client_id was already used for another message.",
                                      "このメッセージIDは別のメッセージで使われています。");
            return json_response(200, stored);  // the same message again: stored once
        }
        const std::int64_t now = now_ms();
        c.prepare("INSERT OR IGNORE INTO message_threads(thread_id, account_a, account_b, job_id, created_at_ms) "
                  "VALUES(?1,?2,?3,?4,?5)")
            .bind(1, tid)
            .bind(2, sender < to ? sender : to)
            .bind(3, sender < to ? to : sender)
            .bind(4, job_id)
            .bind(5, now)
            .run();
        json m = {{"client_id", client_id}, {"thread_id", tid},   {"sender_id", sender}, {"to_account_id", to},
                  {"job_id", job_id},       {"text", text},       {"sent_at_ms", now}};
        c.prepare("INSERT INTO messages(thread_id, sender_id, client_id, body, sent_at_ms) VALUES(?1,?2,?3,?4,?5)")
            .bind(1, tid)
            .bind(2, sender)
            .bind(3, client_id)
            .bind(4, m.dump())
            .bind(5, now)
            .run();
        m["seq"] = c.last_insert_rowid();
        c.prepare("UPDATE message_threads SET last_seq=?1 WHERE thread_id=?2").bind(1, m["seq"].get<std::int64_t>()).bind(2, tid).run();
        return json_response(201, m);
    });
}

// GET /v1/accounts/{aid}/threads: the viewer's threads, latest activity first.
ApiResponse list_threads(RequestContext& ctx) {
    const std::string viewer = ctx.param(1);
    if (auto denied = deny_account_access(ctx, viewer)) return *denied;
    Page page;
    if (auto bad = parse_page(ctx, page)) return *bad;
    json items = ctx.server.db.read([&](SqliteConnection& c) {
        auto st = c.prepare(
            "SELECT t.thread_id, t.account_a, t.account_b, t.job_id, m.seq, m.body FROM message_threads t "
            "JOIN messages m ON m.seq=t.last_seq WHERE t.account_a=?1 OR t.account_b=?1 "
            "ORDER BY t.last_seq DESC LIMIT ?2 OFFSET ?3");
        st.bind(1, viewer).bind(2, page.limit + 1).bind(3, page.offset);
        json out = json::array();
        while (st.step()) {
            const std::string other = st.column_text(1) == viewer ? st.column_text(2) : st.column_text(1);
            json last = json::parse(st.column_text(5));
            last["seq"] = st.column_int64(4);
            out.push_back({{"thread_id", st.column_text(0)},
                           {"job_id", st.column_text(3)},
                           {"other", worker_summary(c, other)},
                           {"last_message", std::move(last)}});
        }
        return out;
    });
    return json_response(200, paged(std::move(items), page));
}

// GET /v1/accounts/{aid}/threads/{tid}/messages?before=&limit=: newest first.
ApiResponse thread_history(RequestContext& ctx) {
    const std::string viewer = ctx.param(1), tid = ctx.param(2);
    if (auto denied = deny_account_access(ctx, viewer)) return *denied;
    Page page;
    if (auto bad = parse_page(ctx, page)) return *bad;
    const std::int64_t before = query_int(ctx, "before", INT64_MAX);
    if (before < 0)
        return error_response(400, "request.invalid_field", "before", "before must be a message seq.",
                              "表示位置の指定が正しくありません。");
    std::optional<json> reply = ctx.server.db.read([&](SqliteConnection& c) -> std::optional<json> {
        auto t = c.prepare("SELECT 1 FROM message_threads WHERE thread_id=?1 AND (account_a=?2 OR account_b=?2)");
        t.bind(1, tid).bind(2, viewer);
        if (!t.step()) return std::nullopt;  // not a participant: as if absent
        auto st = c.prepare("SELECT seq, body FROM messages WHERE thread_id=?1 AND seq<?2 ORDER BY seq DESC LIMIT ?3");
        st.bind(1, tid).bind(2, before).bind(3, page.limit + 1);
        json items = json::array();
        while (st.step()) items.push_back(message_json(st));
        json next = nullptr;
        if (static_cast<std::int64_t>(items.size()) > page.limit) {
            items.erase(items.begin() + page.limit, items.end());
            next = items.back().at("seq");
        }
        return json{{"items", std::move(items)}, {"next_before", next}};
    });
    if (!reply)
        return error_response(404, "thread.not_found", "", "No such message thread.", "メッセージのやりとりが見つかりません。");
    return json_response(200, *reply);
}

}  // namespace

void add_social_message_routes(Router& r) {
    const std::string account = R"(/v1/accounts/([A-Za-z0-9_-]{1,64}))";
    r.add("POST", account + "/messages", Access::device, send_message);
    r.add("GET", account + "/threads", Access::device, list_threads);
    r.add("GET", account + R"(/threads/([A-Za-z0-9_-]{1,64})/messages)", Access::device, thread_history);
}

}  // namespace madoguchi::server
