// The kiosk's social writes (docs/social.md): each is a local record plus
// its outbox row in one transaction, owner-scoped like every repository.
// Operations: message.send, follow.create/.delete, team.create/.update,
// team_invitation.create, team_answer.accept/.decline/.leave
// (net/outbox_routes.cpp maps them to the API).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "data/model/social_json.hpp"
#include "data/store/repositories.hpp"

namespace madoguchi {

template <> struct RecordTraits<SocialMessage> {
    static constexpr std::string_view entity_type = "message";
    static std::vector<std::string> file_ids(const SocialMessage&) { return {}; }
};
template <> struct RecordTraits<FollowChange> {
    static constexpr std::string_view entity_type = "follow";
    static std::vector<std::string> file_ids(const FollowChange&) { return {}; }
};
template <> struct RecordTraits<Team> {
    static constexpr std::string_view entity_type = "team";
    static std::vector<std::string> file_ids(const Team& v) {
        return v.logo_file_id.empty() ? std::vector<std::string>{} : std::vector<std::string>{v.logo_file_id};
    }
};
template <> struct RecordTraits<TeamInvitation> {
    static constexpr std::string_view entity_type = "team_invitation";
    static std::vector<std::string> file_ids(const TeamInvitation&) { return {}; }
};
template <> struct RecordTraits<TeamAnswerChange> {
    static constexpr std::string_view entity_type = "team_answer";
    static std::vector<std::string> file_ids(const TeamAnswerChange&) { return {}; }
};

// Queues social writes; the record is the kiosk's copy until it is settled.
class SocialRepository {
public:
    explicit SocialRepository(RecordStore& records) : records_(records) {}

    Result<SocialMessage> send_message(std::string_view owner, SocialMessage v) {
        return insert(owner, std::move(v), "message.send");
    }
    // One record per (owner, worker), so follow and unfollow of the same
    // worker are one entity and leave in order (client_ids are unique per
    // entity type across owners, hence the owner in it).
    Result<FollowChange> change_follow(std::string_view owner, FollowChange v) {
        const char* op = v.follow ? "follow.create" : "follow.delete";
        v.meta.client_id = std::string(owner) + "." + v.worker_id;
        auto existing = records_.get(RecordTraits<FollowChange>::entity_type, owner, v.meta.client_id);
        if (!existing) return existing.error();
        if (!existing->has_value()) return insert(owner, std::move(v), op);
        auto w = store_detail::make_write(owner, v, op);
        if (!w) return w.error();
        auto meta = records_.update(*w);
        if (!meta) return meta.error();
        v.meta = *meta;
        return v;
    }
    // A new team (client_id empty) or an edit. An edit of a team this kiosk
    // no longer holds (made on another kiosk, or purged at sign-out once
    // sent) is stored afresh under the platform's id. `logo_is_local` false:
    // logo_file_id is already the platform's upload id (kept, not uploaded).
    Result<Team> save_team(std::string_view owner, Team v, bool logo_is_local = true) {
        const bool create = v.meta.client_id.empty();
        auto w = store_detail::make_write(owner, v, create ? "team.create" : "team.update");
        if (!w) return w.error();
        if (!logo_is_local) w->file_ids.clear();
        auto meta = create ? records_.insert(*w) : records_.upsert(*w);
        if (!meta) return meta.error();
        v.meta = *meta;
        return v;
    }
    // The teams this owner saved on this kiosk and the kiosk still holds
    // (meta.sync_state says whether they reached the platform), oldest first.
    Result<std::vector<Team>> teams(std::string_view owner) {
        return store_detail::decode_all<Team>(records_.list(RecordTraits<Team>::entity_type, owner));
    }
    // The answers (承認 / 却下 / 脱退) this owner queued on this kiosk.
    Result<std::vector<TeamAnswerChange>> answers(std::string_view owner) {
        return store_detail::decode_all<TeamAnswerChange>(
            records_.list(RecordTraits<TeamAnswerChange>::entity_type, owner));
    }
    Result<TeamInvitation> invite(std::string_view owner, TeamInvitation v) {
        return insert(owner, std::move(v), "team_invitation.create");
    }
    Result<TeamAnswerChange> answer(std::string_view owner, TeamAnswerChange v) {
        const std::string op = std::string("team_answer.") + nlohmann::json(v.answer).get<std::string>();
        return insert(owner, std::move(v), op);
    }
    // The messages this owner queued on this kiosk, oldest first.
    Result<std::vector<SocialMessage>> queued_messages(std::string_view owner) {
        return store_detail::decode_all<SocialMessage>(records_.list(RecordTraits<SocialMessage>::entity_type, owner));
    }

private:
    template <typename T>
    Result<T> insert(std::string_view owner, T v, std::string operation) {
        auto w = store_detail::make_write(owner, v, std::move(operation));
        if (!w) return w.error();
        auto meta = records_.insert(*w);
        if (!meta) return meta.error();
        v.meta = *meta;
        return v;
    }

    RecordStore& records_;
};

}  // namespace madoguchi
