// Social read calls: GET with the viewer's auth, decode with social_json.hpp.
#include "net/social_client.hpp"

namespace madoguchi {
namespace {

using nlohmann::json;

Failure malformed(const std::string& why) {
    Failure f;
    f.kind = FailureKind::malformed_reply;
    f.error = Error{"net.malformed_reply", "", "サーバーからの応答を読み取れませんでした。",
                    "The server's reply could not be read: " + why};
    return f;
}

std::string base(const std::string& viewer) { return "/v1/accounts/" + url_encode_component(viewer); }

std::string page_query(std::int64_t offset, int limit) {
    return "offset=" + std::to_string(offset) + "&limit=" + std::to_string(limit);
}

// {"items": [...]} -> vector<T>
template <typename T>
struct ItemList {
    std::vector<T> items;
};
template <typename T>
void from_json(const json& j, ItemList<T>& v) {
    j.at("items").get_to(v.items);
}

}  // namespace

template <typename T>
NetResult<T> decode_social_reply(std::string_view body) {
    const json j = json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return malformed("not a JSON object");
    try {
        return j.get<T>();
    } catch (const std::exception& e) {
        return malformed(e.what());
    }
}

template NetResult<WorkerCard> decode_social_reply<WorkerCard>(std::string_view);
template NetResult<WorkerCardPage> decode_social_reply<WorkerCardPage>(std::string_view);
template NetResult<Contacts> decode_social_reply<Contacts>(std::string_view);
template NetResult<MessageThreadPage> decode_social_reply<MessageThreadPage>(std::string_view);
template NetResult<MessagePage> decode_social_reply<MessagePage>(std::string_view);
template NetResult<TeamPage> decode_social_reply<TeamPage>(std::string_view);

template <typename T>
NetResult<T> SocialClient::get(const std::string& viewer, const std::string& path_and_query) {
    auto r = api_.call("GET", base(viewer) + path_and_query, "", viewer, "");
    if (!r) return r.failure();
    return decode_social_reply<T>(r->body);
}

NetResult<WorkerCardPage> SocialClient::search_workers(const std::string& viewer, const WorkerQuery& q) {
    return get<WorkerCardPage>(viewer, "/workers?q=" + url_encode_component(q.text) + "&skill=" +
                                           url_encode_component(q.skill) + "&" + page_query(q.offset, q.limit));
}

NetResult<WorkerCard> SocialClient::worker(const std::string& viewer, const std::string& worker_id) {
    return get<WorkerCard>(viewer, "/workers/" + url_encode_component(worker_id));
}

NetResult<WorkerCardPage> SocialClient::following(const std::string& viewer, std::int64_t offset, int limit) {
    return get<WorkerCardPage>(viewer, "/following?" + page_query(offset, limit));
}

NetResult<WorkerCardPage> SocialClient::followers(const std::string& viewer, std::int64_t offset, int limit) {
    return get<WorkerCardPage>(viewer, "/followers?" + page_query(offset, limit));
}

NetResult<Contacts> SocialClient::contacts(const std::string& viewer, std::int64_t offset, int limit) {
    return get<Contacts>(viewer, "/contacts?" + page_query(offset, limit));
}

NetResult<MessageThreadPage> SocialClient::threads(const std::string& viewer, std::int64_t offset, int limit) {
    return get<MessageThreadPage>(viewer, "/threads?" + page_query(offset, limit));
}

NetResult<MessagePage> SocialClient::history(const std::string& viewer, const std::string& thread_id,
                                             std::optional<std::int64_t> before, int limit) {
    std::string q = "/threads/" + url_encode_component(thread_id) + "/messages?limit=" + std::to_string(limit);
    if (before) q += "&before=" + std::to_string(*before);
    return get<MessagePage>(viewer, q);
}

NetResult<std::vector<TeamPage>> SocialClient::my_teams(const std::string& viewer) {
    auto r = get<ItemList<TeamPage>>(viewer, "/teams");
    if (!r) return r.failure();
    return std::move(r->items);
}

NetResult<TeamPage> SocialClient::team(const std::string& viewer, const std::string& team_id) {
    return get<TeamPage>(viewer, "/teams/" + url_encode_component(team_id));
}

NetResult<std::vector<InvitationView>> SocialClient::pending_invitations(const std::string& viewer) {
    auto r = get<ItemList<InvitationView>>(viewer, "/invitations");
    if (!r) return r.failure();
    return std::move(r->items);
}

}  // namespace madoguchi
