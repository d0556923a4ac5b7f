// JSON codec of the social records, beside model_json.hpp (the one codec) in
// its own header so model_json.hpp's many users need not recompile for it:
// the writes as their API bodies, the reads from the replies of docs/api.
// Reads ignore unknown fields; a wrong type throws like every codec here.
#pragma once

#include <nlohmann/json.hpp>

#include "data/model/social.hpp"

namespace madoguchi {

namespace social_json_detail {
template <typename T>
void opt(const nlohmann::json& j, const char* key, T& out) {
    if (const auto it = j.find(key); it != j.end() && !it->is_null()) it->get_to(out);
}
template <typename T>
void opt(const nlohmann::json& j, const char* key, std::optional<T>& out) {
    if (const auto it = j.find(key); it != j.end() && !it->is_null()) out = it->get<T>();
    else out.reset();
}
inline void meta_id(const nlohmann::json& j, RecordMeta& m) { opt(j, "client_id", m.client_id); }
}  // namespace social_json_detail

inline void to_json(nlohmann::json& j, const SocialMessage& v) {
    j = {{"client_id", v.meta.client_id}, {"to_account_id", v.to_account_id}, {"text", v.text}};
    if (!v.job_id.empty()) j["job_id"] = v.job_id;
}
inline void from_json(const nlohmann::json& j, SocialMessage& v) {
    using social_json_detail::opt;
    social_json_detail::meta_id(j, v.meta);
    opt(j, "to_account_id", v.to_account_id);
    opt(j, "job_id", v.job_id);
    opt(j, "text", v.text);
}

inline void to_json(nlohmann::json& j, const FollowChange& v) {
    j = {{"client_id", v.meta.client_id}, {"worker_id", v.worker_id}, {"follow", v.follow}};
}
inline void from_json(const nlohmann::json& j, FollowChange& v) {
    using social_json_detail::opt;
    social_json_detail::meta_id(j, v.meta);
    opt(j, "worker_id", v.worker_id);
    opt(j, "follow", v.follow);
}

inline void to_json(nlohmann::json& j, const Team& v) {
    j = {{"url_slug", v.url_slug}, {"name", v.name}, {"description", v.description}, {"logo_file_id", v.logo_file_id}};
}
inline void from_json(const nlohmann::json& j, Team& v) {
    using social_json_detail::opt;
    opt(j, "team_id", v.meta.client_id);
    opt(j, "url_slug", v.url_slug);
    opt(j, "name", v.name);
    opt(j, "description", v.description);
    opt(j, "logo_file_id", v.logo_file_id);
}

inline void to_json(nlohmann::json& j, const TeamInvitation& v) {
    j = {{"team_id", v.team_id}, {"invitee_account_id", v.invitee_account_id}, {"comment", v.comment}};
}
inline void from_json(const nlohmann::json& j, TeamInvitation& v) {
    using social_json_detail::opt;
    opt(j, "invitation_id", v.meta.client_id);
    opt(j, "team_id", v.team_id);
    opt(j, "invitee_account_id", v.invitee_account_id);
    opt(j, "comment", v.comment);
}

NLOHMANN_JSON_SERIALIZE_ENUM(TeamAnswer, {{TeamAnswer::accept, "accept"},
                                          {TeamAnswer::decline, "decline"},
                                          {TeamAnswer::leave, "leave"}})

inline void to_json(nlohmann::json& j, const TeamAnswerChange& v) {
    j = {{"answer", v.answer}, {"invitation_id", v.invitation_id}, {"team_id", v.team_id}};
}
inline void from_json(const nlohmann::json& j, TeamAnswerChange& v) {
    using social_json_detail::opt;
    opt(j, "answer", v.answer);
    opt(j, "invitation_id", v.invitation_id);
    opt(j, "team_id", v.team_id);
}

inline void from_json(const nlohmann::json& j, WorkerSummary& v) {
    using social_json_detail::opt;
    opt(j, "account_id", v.account_id);
    opt(j, "username", v.username);
    opt(j, "nickname", v.nickname);
}
inline void from_json(const nlohmann::json& j, WorkerSkill& v) {
    using social_json_detail::opt;
    opt(j, "name", v.name);
    opt(j, "level", v.level);
    opt(j, "years_experience", v.years_experience);
}
inline void from_json(const nlohmann::json& j, WorkerCard& v) {
    using social_json_detail::opt;
    from_json(j, v.who);
    opt(j, "self_introduction", v.self_introduction);
    opt(j, "work_status", v.work_status);
    opt(j, "age_bracket", v.age_bracket);
    opt(j, "skills", v.skills);
    opt(j, "followed_by_me", v.followed_by_me);
    opt(j, "follows_me", v.follows_me);
}
inline void from_json(const nlohmann::json& j, WorkerCardPage& v) {
    social_json_detail::opt(j, "items", v.items);
    social_json_detail::opt(j, "next_offset", v.next_offset);
}
inline void from_json(const nlohmann::json& j, Contacts& v) {
    social_json_detail::opt(j, "friends", v.friends);
    social_json_detail::opt(j, "clients", v.clients);
    social_json_detail::opt(j, "next_offset", v.next_offset);
}
inline void from_json(const nlohmann::json& j, ThreadMessage& v) {
    using social_json_detail::opt;
    opt(j, "seq", v.seq);
    opt(j, "client_id", v.client_id);
    opt(j, "thread_id", v.thread_id);
    opt(j, "sender_id", v.sender_id);
    opt(j, "to_account_id", v.to_account_id);
    opt(j, "job_id", v.job_id);
    opt(j, "text", v.text);
    opt(j, "sent_at_ms", v.sent_at_ms);
}
inline void from_json(const nlohmann::json& j, MessageThread& v) {
    using social_json_detail::opt;
    opt(j, "thread_id", v.thread_id);
    opt(j, "job_id", v.job_id);
    opt(j, "other", v.other);
    opt(j, "last_message", v.last_message);
}
inline void from_json(const nlohmann::json& j, MessageThreadPage& v) {
    social_json_detail::opt(j, "items", v.items);
    social_json_detail::opt(j, "next_offset", v.next_offset);
}
inline void from_json(const nlohmann::json& j, MessagePage& v) {
    social_json_detail::opt(j, "items", v.items);
    social_json_detail::opt(j, "next_before", v.next_before);
}
inline void from_json(const nlohmann::json& j, TeamMember& v) {
    from_json(j, v.who);
    social_json_detail::opt(j, "role", v.role);
}
inline void from_json(const nlohmann::json& j, TeamPage& v) {
    using social_json_detail::opt;
    opt(j, "team_id", v.team_id);
    opt(j, "url_slug", v.url_slug);
    opt(j, "name", v.name);
    opt(j, "description", v.description);
    opt(j, "logo_file_id", v.logo_file_id);
    opt(j, "owner_id", v.owner_id);
    opt(j, "my_role", v.my_role);
    opt(j, "members", v.members);
}
inline void from_json(const nlohmann::json& j, InvitationView& v) {
    using social_json_detail::opt;
    opt(j, "invitation_id", v.invitation_id);
    if (const auto t = j.find("team"); t != j.end() && t->is_object()) {
        opt(*t, "team_id", v.team_id);
        opt(*t, "name", v.team_name);
    }
    opt(j, "inviter", v.inviter);
    opt(j, "comment", v.comment);
    opt(j, "status", v.status);
}

}  // namespace madoguchi
