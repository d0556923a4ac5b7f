// Social records (guide 【1】–【4】, docs/social.md). Writes the kiosk queues
// through the outbox (message, follow, team, invitation, answer) and the
// read models the platform sends back (worker cards, threads, teams).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "data/model/record_meta.hpp"

namespace madoguchi {

// --- writes (stored locally with their outbox row) ---

// 【1】 Step 3/5: a message to a worker (or a question about a job).
struct SocialMessage {
    RecordMeta meta;             // client_id: the server stores each sender's id once
    std::string to_account_id;
    std::string job_id;          // empty = a direct message
    std::string text;            // 1..2,000 characters
};

// 【2】 フォローする / フォローをやめる.
struct FollowChange {
    RecordMeta meta;
    std::string worker_id;
    bool follow = true;
};

// 【3】 a team; url_slug never changes once registered.
struct Team {
    RecordMeta meta;             // client_id = team_id on the platform
    std::string url_slug;
    std::string name;
    std::string description;
    std::string logo_file_id;    // FileStore id locally, upload id on the platform
};

// 【4】 Step 3-5: the owner invites a worker.
struct TeamInvitation {
    RecordMeta meta;             // client_id = invitation_id on the platform
    std::string team_id;
    std::string invitee_account_id;
    std::string comment;         // at most 500 characters
};

// 【4】 承認 / 却下 of an invitation, or 脱退 from a team.
enum class TeamAnswer { accept, decline, leave };
struct TeamAnswerChange {
    RecordMeta meta;
    TeamAnswer answer = TeamAnswer::accept;
    std::string invitation_id;   // accept/decline
    std::string team_id;         // leave
};

// --- reads (from the platform; never stored) ---

struct WorkerSummary {
    std::string account_id;
    std::string username;
    std::string nickname;
};

struct WorkerSkill {
    std::string name;
    int level = 1;
    int years_experience = 0;
};

// A worker's public card: what profile_preview shows, nothing private.
struct WorkerCard {
    WorkerSummary who;
    std::string self_introduction;
    std::string work_status;                 // WorkStatus code, "" = no profile yet
    std::optional<std::string> age_bracket;  // only when the worker chose to show it
    std::vector<WorkerSkill> skills;
    bool followed_by_me = false;
    bool follows_me = false;
};

struct WorkerCardPage {
    std::vector<WorkerCard> items;
    std::optional<std::int64_t> next_offset;
};

struct Contacts {
    std::vector<WorkerCard> friends;  // mutual follows
    std::vector<WorkerCard> clients;  // completed jobs (none until jobs exist)
    std::optional<std::int64_t> next_offset;
};

struct ThreadMessage {
    std::int64_t seq = 0;
    std::string client_id;
    std::string thread_id;
    std::string sender_id;
    std::string to_account_id;
    std::string job_id;
    std::string text;
    std::int64_t sent_at_ms = 0;
};

struct MessageThread {
    std::string thread_id;
    std::string job_id;
    WorkerSummary other;
    ThreadMessage last_message;
};

struct MessageThreadPage {
    std::vector<MessageThread> items;
    std::optional<std::int64_t> next_offset;
};

struct MessagePage {
    std::vector<ThreadMessage> items;  // newest first
    std::optional<std::int64_t> next_before;
};

struct TeamMember {
    WorkerSummary who;
    std::string role;  // "owner" | "member"
};

struct TeamPage {
    std::string team_id;
    std::string url_slug;
    std::string name;
    std::string description;
    std::string logo_file_id;
    std::string owner_id;
    std::string my_role;  // "" | "owner" | "member"
    std::vector<TeamMember> members;  // empty in lists
};

struct InvitationView {
    std::string invitation_id;
    std::string team_id;
    std::string team_name;
    WorkerSummary inviter;
    std::string comment;
    std::string status;  // "pending" | "accepted" | "declined"
};

}  // namespace madoguchi
