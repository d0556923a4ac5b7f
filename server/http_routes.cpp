// Router: authentication, idempotency and error mapping around every handler.
#include "server/http_routes.hpp"

#include <chrono>
#include <thread>

#include "server/request_auth.hpp"

namespace madoguchi::server {
namespace {

bool is_write(const std::string& method) { return method == "POST" || method == "PUT" || method == "DELETE"; }

// Releases an in-flight key however the handler leaves.
class InFlightGuard {
public:
    InFlightGuard(InFlightKeys& keys, std::string scope, std::string key)
        : keys_(keys), scope_(std::move(scope)), key_(std::move(key)) {}
    ~InFlightGuard() { keys_.release(scope_, key_); }
    InFlightGuard(const InFlightGuard&) = delete;
    InFlightGuard& operator=(const InFlightGuard&) = delete;

private:
    InFlightKeys& keys_;
    std::string scope_, key_;
};

void maybe_inject_delay(const ServerContext& server, const httplib::Request& req) {
    if (!server.config.fault_injection || !req.has_header("X-Debug-Delay-Ms")) return;
    long ms = 0;
    try {
        ms = std::stol(req.get_header_value("X-Debug-Delay-Ms"));
    } catch (const std::exception&) {
        return;
    }
    if (ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(std::min(ms, 30000L)));
}

}  // namespace

Result<nlohmann::json> RequestContext::json_body() const {
    auto j = nlohmann::json::parse(http.body, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return Error{"request.invalid_json", "", "送信内容を読み取れませんでした。", "The request body must be a JSON object."};
    return j;
}

void write_response(const ApiResponse& in, httplib::Response& out) {
    out.status = in.status;
    for (const auto& [name, value] : in.headers) out.set_header(name, value);
    if (!in.content_type.empty()) out.set_content(in.body, in.content_type.c_str());
}

void Router::add(const std::string& method, const std::string& pattern, Access access, RouteHandler handler,
                 KeyPolicy keys) {
    routes_.push_back(Route{method, pattern, access, keys, std::move(handler)});
}

ApiResponse Router::dispatch(const httplib::Request& req, Access access, KeyPolicy keys,
                             const RouteHandler& handler) {
    RequestContext ctx{req, server_, {}};
    std::string scope = "anyone";
    if (access == Access::device) {
        auto who = authenticate_device(server_, req.get_header_value("X-Device-Token"));
        if (auto* denied = std::get_if<ApiResponse>(&who)) return *denied;
        ctx.device_id = std::get<std::string>(who);
        scope = "device:" + ctx.device_id;
    } else if (access == Access::staff) {
        if (!staff_token_valid(server_, req.get_header_value("X-Staff-Token")))
            return error_response(401, "staff.token_invalid", "", "Staff calls need a valid X-Staff-Token.",
                                  "職員の認証に失敗しました。");
        scope = "staff";
    }

    const std::string key = req.get_header_value("Idempotency-Key");
    if (keys != KeyPolicy::idempotency_key || !is_write(req.method) || key.empty()) {
        maybe_inject_delay(server_, req);
        return handler(ctx);
    }
    if (key.size() > 200)
        return error_response(400, "idempotency.key_invalid", "", "Idempotency-Key is too long.",
                              "操作キーが長すぎます。");

    // Upload creation carries its request in headers, so they are part of what the key promises.
    const std::string fingerprint = request_fingerprint(
        req.method, req.path,
        req.body + "\n" + req.get_header_value("Upload-Length") + "\n" + req.get_header_value("Upload-Metadata"));
    if (!server_.in_flight.try_acquire(scope, key)) return in_progress_response();
    InFlightGuard guard(server_.in_flight, scope, key);
    // Checked while holding the key, so a finished first request is always seen.
    auto stored = find_stored_response(server_.db, scope, key, fingerprint);
    if (stored.outcome == StoredOutcome::replay) return stored.response;
    if (stored.outcome == StoredOutcome::key_reused) return key_reused_response();

    maybe_inject_delay(server_, req);
    ServerDatabase::DeferredSync deferred(server_.db);
    ApiResponse response = handler(ctx);
    if (response_is_final(response.status)) {
        // Its fsync also covers what the handler committed (DeferredSync).
        store_response(server_.db, scope, key, fingerprint, response, now_ms());
    } else {
        deferred.sync_now();
    }
    return response;
}

void Router::install(httplib::Server& http) {
    for (const auto& route : routes_) {
        auto fn = [this, &route](const httplib::Request& req, httplib::Response& res) {
            ApiResponse r;
            try {
                r = dispatch(req, route.access, route.keys, route.handler);
            } catch (const SqliteError& e) {
                r = error_response(503, "server.storage", "", "The server's storage failed; retry later.",
                                   "サーバーで保存できませんでした。しばらくしてから再試行してください。");
                r.with_header("Retry-After", "5");
            }
            write_response(r, res);
        };
        if (route.method == "GET") http.Get(route.pattern, fn);  // httplib routes HEAD here too
        else if (route.method == "POST") http.Post(route.pattern, fn);
        else if (route.method == "PUT") http.Put(route.pattern, fn);
        else if (route.method == "PATCH") http.Patch(route.pattern, fn);
        else if (route.method == "DELETE") http.Delete(route.pattern, fn);
        else if (route.method == "OPTIONS") http.Options(route.pattern, fn);
    }
    http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        ApiResponse r;
        if (res.status == 404)
            r = error_response(404, "route.not_found", "", "No such endpoint.", "そのAPIはありません。");
        else if (res.status == 413)
            r = error_response(413, "request.too_large", "", "The request body is too large.", "送信データが大きすぎます。");
        else
            r = error_response(res.status, "http.error", "", "The request could not be processed.",
                               "リクエストを処理できませんでした。");
        write_response(r, res);
        return httplib::Server::HandlerResponse::Handled;
    }));
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        write_response(error_response(500, "server.internal", "", "Internal server error.", "サーバー内部でエラーが発生しました。"),
                       res);
    });
}

}  // namespace madoguchi::server
