// Parsing the server's replies: JSON bodies into model structs, never
// trusting the bytes (a proxy may truncate, a server may misbehave).
#pragma once

#include <exception>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "net/failure.hpp"
#include "net/http_client.hpp"

namespace madoguchi {

// A 2xx body that is not what the contract promised.
Failure malformed_reply(std::string_view what);

// Body -> JSON; any syntax error is a malformed_reply Failure, never a throw.
NetResult<nlohmann::json> parse_json_body(std::string_view body);

// JSON -> T (through model_json.hpp / nlohmann from_json); wrong types,
// unknown enum codes and bad dates become malformed_reply Failures.
template <typename T>
NetResult<T> decode_json(const nlohmann::json& j) {
    try {
        if (!j.is_object()) return malformed_reply("expected a JSON object");
        T value{};
        from_json(j, value);
        return value;
    } catch (const std::exception& e) {
        return malformed_reply(e.what());
    }
}

// The list inside a reply: the body itself when it is an array, else the
// first array-valued member of an object ({"items": [...]}, {"skills": [...]}).
const nlohmann::json* find_list(const nlohmann::json& j);

// JSON list reply -> vector<T>.
template <typename T>
NetResult<std::vector<T>> decode_json_list(const nlohmann::json& j) {
    const nlohmann::json* arr = find_list(j);
    if (!arr) return malformed_reply("expected a JSON array");
    if (!arr->is_array()) return malformed_reply("expected a JSON array");
    std::vector<T> out;
    out.reserve(arr->size());
    for (const auto& item : *arr) {
        auto one = decode_json<T>(item);
        if (!one) return one.failure();
        out.push_back(std::move(one).value());
    }
    return out;
}

// String member of a JSON object, or nullopt when absent / not a string.
std::optional<std::string> string_member(const nlohmann::json& j, const char* key);

}  // namespace madoguchi
