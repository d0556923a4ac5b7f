// What every handler returns, and the API's one error shape:
// {"error": {"code", "field", "message", "message_ja"}} for every non-2xx.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "data/result.hpp"

namespace madoguchi::server {

struct ApiResponse {
    int status = 200;
    std::string body;
    std::string content_type = "application/json";
    std::vector<std::pair<std::string, std::string>> headers;

    ApiResponse& with_header(std::string name, std::string value) {
        headers.emplace_back(std::move(name), std::move(value));
        return *this;
    }
};

ApiResponse json_response(int status, const nlohmann::json& body);
ApiResponse empty_response(int status);

// One error. Extra errors (a record failing several rules) go into "errors".
ApiResponse error_response(int status, const Error& error, const Errors& all = {});
ApiResponse error_response(int status, std::string code, std::string field, std::string message_en,
                           std::string message_ja);
// 422 listing every rule a record broke (first one in "error").
ApiResponse validation_response(const Errors& errors);

nlohmann::json error_json(const Error& e);

}  // namespace madoguchi::server
