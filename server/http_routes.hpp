// Routing on top of cpp-httplib: who may call a route (device, staff,
// anyone), Idempotency-Key handling for writes, and the error shape for
// every failure, including unknown routes and storage faults.
#pragma once

#include <httplib.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "data/result.hpp"
#include "server/api_response.hpp"
#include "server/server_context.hpp"

namespace madoguchi::server {

struct RequestContext {
    const httplib::Request& http;
    ServerContext& server;
    std::string device_id;  // authenticated device; empty on public and staff routes

    std::string param(std::size_t i) const { return http.matches[static_cast<int>(i)].str(); }
    std::string header(const char* name) const { return http.get_header_value(name); }
    // The body as a JSON object, or a 400 reply.
    Result<nlohmann::json> json_body() const;
};

using RouteHandler = std::function<ApiResponse(RequestContext&)>;

enum class Access { anyone, device, staff };
// Writes take an Idempotency-Key; tus PATCH is idempotent by offset instead.
enum class KeyPolicy { idempotency_key, by_offset };

class Router {
public:
    explicit Router(ServerContext& server) : server_(server) {}
    void add(const std::string& method, const std::string& pattern, Access access, RouteHandler handler,
             KeyPolicy keys = KeyPolicy::idempotency_key);
    // Registers every route plus the error/exception handlers with httplib.
    void install(httplib::Server& http);

private:
    ApiResponse dispatch(const httplib::Request& req, Access access, KeyPolicy keys, const RouteHandler& handler);

    struct Route {
        std::string method;
        std::string pattern;
        Access access;
        KeyPolicy keys;
        RouteHandler handler;
    };
    ServerContext& server_;
    std::vector<Route> routes_;
};

void write_response(const ApiResponse& in, httplib::Response& out);

}  // namespace madoguchi::server
