// Reply parsing helpers shared by every typed API call.
#include "net/api_reply.hpp"

#include <string>

namespace madoguchi {

Failure malformed_reply(std::string_view what) {
    Failure f;
    f.kind = FailureKind::malformed_reply;
    f.error = {"net.malformed_reply", "", "サーバーの応答を読み取れませんでした。しばらくして再送します。",
               "Could not read the server's reply: " + std::string(what)};
    return f;
}

NetResult<nlohmann::json> parse_json_body(std::string_view body) {
    auto j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return malformed_reply("not JSON");
    return j;
}

const nlohmann::json* find_list(const nlohmann::json& j) {
    if (j.is_array()) return &j;
    if (!j.is_object()) return nullptr;
    if (const auto it = j.find("items"); it != j.end() && it->is_array()) return &*it;
    for (const auto& member : j)
        if (member.is_array()) return &member;
    return nullptr;
}

std::optional<std::string> string_member(const nlohmann::json& j, const char* key) {
    if (!j.is_object()) return std::nullopt;
    const auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
}

}  // namespace madoguchi
