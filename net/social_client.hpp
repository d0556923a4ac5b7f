// Read calls of the social API (docs/social.md) on top of ApiClient: worker
// search and cards, follows, contacts, threads, history, teams, invitations.
// Reads need the network; writes go through the outbox (social_repositories).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/model/social_json.hpp"
#include "net/api_client.hpp"

namespace madoguchi {

struct WorkerQuery {
    std::string text;   // nickname / username part
    std::string skill;  // skill name part
    std::int64_t offset = 0;
    int limit = 20;     // 1..50
};

class SocialClient {
public:
    explicit SocialClient(ApiClient& api) : api_(api) {}

    NetResult<WorkerCardPage> search_workers(const std::string& viewer, const WorkerQuery& query);
    NetResult<WorkerCard> worker(const std::string& viewer, const std::string& worker_id);
    NetResult<WorkerCardPage> following(const std::string& viewer, std::int64_t offset = 0, int limit = 20);
    NetResult<WorkerCardPage> followers(const std::string& viewer, std::int64_t offset = 0, int limit = 20);
    NetResult<Contacts> contacts(const std::string& viewer, std::int64_t offset = 0, int limit = 20);
    NetResult<MessageThreadPage> threads(const std::string& viewer, std::int64_t offset = 0, int limit = 20);
    // Newest first; `before` = next_before of the previous page.
    NetResult<MessagePage> history(const std::string& viewer, const std::string& thread_id,
                                   std::optional<std::int64_t> before = std::nullopt, int limit = 20);
    NetResult<std::vector<TeamPage>> my_teams(const std::string& viewer);
    NetResult<TeamPage> team(const std::string& viewer, const std::string& team_id);
    NetResult<std::vector<InvitationView>> pending_invitations(const std::string& viewer);

private:
    template <typename T>
    NetResult<T> get(const std::string& viewer, const std::string& path_and_query);

    ApiClient& api_;
};

// Decodes a reply body into T; a body that does not fit is malformed_reply.
template <typename T>
NetResult<T> decode_social_reply(std::string_view body);

}  // namespace madoguchi
