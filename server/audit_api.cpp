// Staff audit events from the kiosks (guide 【13】, DESIGN.md retention): each
// kiosk's append-only staff audit log reaches the platform, which keeps every
// event once per device, append-only (triggers refuse UPDATE and DELETE).
// Head office reads them back per device for its own audit.
#include "server/api_routes.hpp"
#include "server/http_routes.hpp"
#include "server/record_validation.hpp"
#include "server/sqlite_connection.hpp"

namespace madoguchi::server {
namespace {

using nlohmann::json;

// Codes only: action "staff.sign_in", "page.captured"… — dot-separated
// words of [a-z_], at least two.
bool valid_action(const std::string& a) {
    if (a.empty() || a.size() > 64 || a.front() == '.' || a.back() == '.') return false;
    bool dot = false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const char c = a[i];
        if (c == '.') {
            if (a[i - 1] == '.') return false;
            dot = true;
        } else if (!((c >= 'a' && c <= 'z') || c == '_')) {
            return false;
        }
    }
    return dot;
}

// Printable ASCII without quotes or backslashes: staff ids, detail codes
// ("front:good", "300dpi card-area"). No names or numbers are ever sent.
bool plain_text(const std::string& s, std::size_t max) {
    if (s.size() > max) return false;
    for (unsigned char c : s)
        if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') return false;
    return true;
}

Error field_error(const char* field, const std::string& en, const std::string& ja) {
    return Error{"audit_event.invalid", field, ja, en};
}

struct AuditEvent {
    std::string event_id, staff_id, action, registrant, detail;
    std::int64_t at_ms = 0;
};

// Every field checked; all problems reported at once.
Errors parse_event(const json& body, AuditEvent& e) {
    Errors errors;
    auto text = [&](const char* key, std::string& out) {
        if (!body.contains(key)) return true;
        if (!body.at(key).is_string()) return false;
        out = body.at(key).get<std::string>();
        return true;
    };
    if (!text("event_id", e.event_id) || !valid_client_id(e.event_id))
        errors.push_back(field_error("event_id", "event_id must be the event's UUID.", "イベントIDが正しくありません。"));
    if (!body.contains("at_ms") || !body.at("at_ms").is_number_integer() || body.at("at_ms").get<std::int64_t>() <= 0)
        errors.push_back(field_error("at_ms", "at_ms must be a positive integer (Unix ms).", "日時が正しくありません。"));
    else
        e.at_ms = body.at("at_ms").get<std::int64_t>();
    if (!text("staff_id", e.staff_id) || e.staff_id.empty() || !plain_text(e.staff_id, 64))
        errors.push_back(field_error("staff_id", "staff_id is required (1-64 printable ASCII).", "職員IDが正しくありません。"));
    if (!text("action", e.action) || !valid_action(e.action))
        errors.push_back(field_error("action", "action must be a dotted lower-case code.", "操作コードが正しくありません。"));
    if (!text("registrant", e.registrant) || (!e.registrant.empty() && !valid_client_id(e.registrant)))
        errors.push_back(field_error("registrant", "registrant must be empty or an account id.", "登録者IDが正しくありません。"));
    if (!text("detail", e.detail) || !plain_text(e.detail, 200))
        errors.push_back(field_error("detail", "detail must be at most 200 printable ASCII characters.",
                                     "詳細が正しくありません（200文字以内の半角英数記号）。"));
    for (const auto& [key, value] : body.items()) {
        (void)value;
        if (key != "event_id" && key != "at_ms" && key != "staff_id" && key != "action" && key != "registrant" &&
            key != "detail")
            errors.push_back(field_error("", "Unknown field '" + key + "'.", "不明な項目が含まれています。"));
    }
    return errors;
}

json event_json(const AuditEvent& e, std::int64_t received_at_ms) {
    return {{"event_id", e.event_id}, {"at_ms", e.at_ms},   {"staff_id", e.staff_id},
            {"action", e.action},     {"registrant", e.registrant}, {"detail", e.detail},
            {"received_at_ms", received_at_ms}};
}

// POST /v1/device/audit-events: one event of the calling device's log.
// 201 when stored, 200 when this device already sent this event_id with the
// same content (a retry under a new key), 409 when the content differs.
ApiResponse post_event(RequestContext& ctx) {
    auto body = ctx.json_body();
    if (!body) return error_response(400, body.error());
    AuditEvent e;
    if (auto errors = parse_event(*body, e); !errors.empty()) return validation_response(errors);
    const std::int64_t now = now_ms();
    const std::string device = ctx.device_id;
    struct Outcome {
        int status = 201;
        AuditEvent held;
        std::int64_t received_at_ms = 0;
    };
    const Outcome out = ctx.server.db.write([&](SqliteConnection& c) {
        Outcome o;
        auto st = c.prepare(
            "SELECT at_ms, staff_id, action, registrant, detail, received_at_ms FROM audit_events "
            "WHERE device_id=?1 AND event_id=?2");
        st.bind(1, device).bind(2, e.event_id);
        if (st.step()) {
            o.held = AuditEvent{e.event_id, st.column_text(1), st.column_text(2), st.column_text(3), st.column_text(4),
                                st.column_int64(0)};
            o.received_at_ms = st.column_int64(5);
            const bool same = o.held.at_ms == e.at_ms && o.held.staff_id == e.staff_id && o.held.action == e.action &&
                              o.held.registrant == e.registrant && o.held.detail == e.detail;
            o.status = same ? 200 : 409;
            return o;
        }
        c.prepare(
             "INSERT INTO audit_events(device_id, event_id, at_ms, staff_id, action, registrant, detail, "
             "received_at_ms) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)")
            .bind(1, device)
            .bind(2, e.event_id)
            .bind(3, e.at_ms)
            .bind(4, e.staff_id)
            .bind(5, e.action)
            .bind(6, e.registrant)
            .bind(7, e.detail)
            .bind(8, now)
            .run();
        o.held = e;
        o.received_at_ms = now;
        return o;
    });
    if (out.status == 409)
        return error_response(409, "audit_event.conflict", "event_id",
                              "This device already sent a different event with this event_id.",
                              "同じイベントIDで内容の異なる記録がすでにあります。");
    return json_response(out.status, event_json(out.held, out.received_at_ms));
}

// GET /v1/staff/audit-events?device_id=…: a device's events in the order
// they happened (head office's audit; staff token).
ApiResponse list_events(RequestContext& ctx) {
    const std::string device = ctx.http.get_param_value("device_id");
    if (!valid_client_id(device))
        return error_response(400, "request.invalid_field", "device_id", "device_id is required.", "端末IDを指定してください。");
    json items = ctx.server.db.read([&](SqliteConnection& c) {
        json list = json::array();
        auto st = c.prepare(
            "SELECT event_id, at_ms, staff_id, action, registrant, detail, received_at_ms FROM audit_events "
            "WHERE device_id=?1 ORDER BY at_ms, rowid");
        st.bind(1, device);
        while (st.step())
            list.push_back(event_json(AuditEvent{st.column_text(0), st.column_text(2), st.column_text(3),
                                                 st.column_text(4), st.column_text(5), st.column_int64(1)},
                                      st.column_int64(6)));
        return list;
    });
    return json_response(200, {{"items", std::move(items)}});
}

}  // namespace

void add_audit_routes(Router& r) {
    r.add("POST", "/v1/device/audit-events", Access::device, post_event);
    r.add("GET", "/v1/staff/audit-events", Access::staff, list_events);
}

}  // namespace madoguchi::server
