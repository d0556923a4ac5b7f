// Building JSON responses and the shared error shape.
#include "server/api_response.hpp"

namespace madoguchi::server {

ApiResponse json_response(int status, const nlohmann::json& body) {
    ApiResponse r;
    r.status = status;
    r.body = body.dump();
    return r;
}

ApiResponse empty_response(int status) {
    ApiResponse r;
    r.status = status;
    r.content_type.clear();
    return r;
}

nlohmann::json error_json(const Error& e) {
    return {{"code", e.code}, {"field", e.field}, {"message", e.message_en}, {"message_ja", e.message_ja}};
}

ApiResponse error_response(int status, const Error& error, const Errors& all) {
    nlohmann::json body = {{"error", error_json(error)}};
    if (!all.empty()) {
        auto list = nlohmann::json::array();
        for (const auto& e : all) list.push_back(error_json(e));
        body["errors"] = std::move(list);
    }
    return json_response(status, body);
}

ApiResponse error_response(int status, std::string code, std::string field, std::string message_en,
                           std::string message_ja) {
    return error_response(status, Error{std::move(code), std::move(field), std::move(message_ja), std::move(message_en)});
}

ApiResponse validation_response(const Errors& errors) {
    if (errors.empty())
        return error_response(422, "validation.failed", "", "The record is not valid.", "入力内容に誤りがあります。");
    return error_response(422, errors.front(), errors);
}

}  // namespace madoguchi::server
