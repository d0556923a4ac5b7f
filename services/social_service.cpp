// SocialService: one read worker (HTTP on its own thread, outcome posted to
// the UI), and writes through SocialRepository with their outbox rows.
#include "services/social_service.hpp"

#include <chrono>

#include "data/model/social_rules.hpp"
#include "data/store/social_repositories.hpp"
#include "data/store/store.hpp"
#include "data/text/char_classes.hpp"
#include "net/http_client.hpp"

namespace madoguchi {
namespace {

Error offline_error() {
    return Error{"net.offline", "", "通信できないため表示できません。接続が戻ってからもう一度お試しください。",
                 "The server cannot be reached, so this cannot be shown. Please try again when the connection is back."};
}

Error read_failed() {
    return Error{"social.read_failed", "", "表示できませんでした。時間をおいてお試しください。",
                 "This could not be loaded. Please try again later."};
}

Error field_error(const char* code, const char* field, const char* ja, const char* en) {
    return Error{code, field, ja, en};
}

}  // namespace

SocialService::SocialService(Store& store, std::string server_url, TokenSource device_token, PostToUi post_to_ui)
    : store_(store),
      server_url_(std::move(server_url)),
      device_token_(device_token ? std::move(device_token) : TokenSource([] { return std::string(); })),
      post_(std::move(post_to_ui)),
      worker_([this] { loop(); }) {}

SocialService::~SocialService() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    if (worker_.joinable()) worker_.join();
}

void SocialService::set_session_token(const std::string& account_id, std::string token) {
    std::lock_guard lock(mutex_);
    if (token.empty()) sessions_.erase(account_id);
    else sessions_[account_id] = std::move(token);
}

void SocialService::loop() {
    for (;;) {
        std::pair<std::string, Task> next;
        std::string session;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stop_ || !queue_.empty(); });
            if (stop_) return;
            next = std::move(queue_.front());
            queue_.pop_front();
            if (auto it = sessions_.find(next.first); it != sessions_.end()) session = it->second;
        }
        HttpClientConfig hc;
        hc.connect_timeout = std::chrono::milliseconds(5000);
        HttpClient http(hc, &stop_);
        ApiClient api(http, ApiClientConfig{server_url_, device_token_(), {}});
        if (!session.empty()) api.set_session_token(next.first, session);
        SocialClient client(api);
        next.second(client);
    }
}

template <typename T, typename Call>
void SocialService::enqueue_read(const std::string& viewer, Call call, Done<T> done) {
    ++pending_reads_;
    if (server_url_.empty()) {
        SocialRead<T> out;
        out.offline = true;
        out.error = offline_error();
        --pending_reads_;
        if (post_) post_([done = std::move(done), out = std::move(out)] { done(out); });
        return;
    }
    Task task = [this, call = std::move(call), done = std::move(done), viewer](SocialClient& client) mutable {
        NetResult<T> r = call(client, viewer);
        auto out = std::make_shared<SocialRead<T>>();
        if (r) {
            out->ok = true;
            out->value = std::move(*r);
        } else if (r.failure().http_status == 0) {
            out->offline = true;
            out->error = offline_error();
        } else {
            out->error = r.error().message_ja.empty() ? read_failed() : r.error();
        }
        --pending_reads_;
        if (!stop_ && post_) post_([done = std::move(done), out] { done(*out); });
    };
    {
        std::lock_guard lock(mutex_);
        queue_.emplace_back(viewer, std::move(task));
    }
    wake_.notify_one();
}

void SocialService::search_workers(const std::string& viewer, WorkerQuery query, Done<WorkerCardPage> done) {
    query.text = std::string(trim_spaces(query.text));
    query.skill = std::string(trim_spaces(query.skill));
    enqueue_read<WorkerCardPage>(
        viewer, [query](SocialClient& c, const std::string& v) { return c.search_workers(v, query); }, std::move(done));
}

void SocialService::worker(const std::string& viewer, const std::string& worker_id, Done<WorkerCard> done) {
    enqueue_read<WorkerCard>(
        viewer, [worker_id](SocialClient& c, const std::string& v) { return c.worker(v, worker_id); }, std::move(done));
}

void SocialService::following(const std::string& viewer, std::int64_t offset, Done<WorkerCardPage> done) {
    enqueue_read<WorkerCardPage>(
        viewer, [offset](SocialClient& c, const std::string& v) { return c.following(v, offset); }, std::move(done));
}

void SocialService::followers(const std::string& viewer, std::int64_t offset, Done<WorkerCardPage> done) {
    enqueue_read<WorkerCardPage>(
        viewer, [offset](SocialClient& c, const std::string& v) { return c.followers(v, offset); }, std::move(done));
}

void SocialService::contacts(const std::string& viewer, Done<Contacts> done) {
    enqueue_read<Contacts>(
        viewer, [](SocialClient& c, const std::string& v) { return c.contacts(v); }, std::move(done));
}

void SocialService::threads(const std::string& viewer, std::int64_t offset, Done<MessageThreadPage> done) {
    enqueue_read<MessageThreadPage>(
        viewer, [offset](SocialClient& c, const std::string& v) { return c.threads(v, offset); }, std::move(done));
}

void SocialService::history(const std::string& viewer, const std::string& thread_id,
                            std::optional<std::int64_t> before, Done<MessagePage> done) {
    enqueue_read<MessagePage>(
        viewer, [thread_id, before](SocialClient& c, const std::string& v) { return c.history(v, thread_id, before); },
        std::move(done));
}

void SocialService::my_teams(const std::string& viewer, Done<std::vector<TeamPage>> done) {
    enqueue_read<std::vector<TeamPage>>(
        viewer, [](SocialClient& c, const std::string& v) { return c.my_teams(v); }, std::move(done));
}

void SocialService::team(const std::string& viewer, const std::string& team_id, Done<TeamPage> done) {
    enqueue_read<TeamPage>(
        viewer, [team_id](SocialClient& c, const std::string& v) { return c.team(v, team_id); }, std::move(done));
}

void SocialService::invitations(const std::string& viewer, Done<std::vector<InvitationView>> done) {
    enqueue_read<std::vector<InvitationView>>(
        viewer, [](SocialClient& c, const std::string& v) { return c.pending_invitations(v); }, std::move(done));
}

template <typename T>
SocialWrite<T> SocialService::stored(Result<T> r) {
    SocialWrite<T> out;
    if (!r) {
        out.errors.push_back(r.error());
        return out;
    }
    out.record = std::move(*r);
    if (outbox_changed_) outbox_changed_();
    return out;
}

SocialWrite<SocialMessage> SocialService::send_message(const std::string& owner, const std::string& to_account_id,
                                                       const std::string& text, const std::string& job_id) {
    SocialWrite<SocialMessage> out;
    out.record.to_account_id = to_account_id;
    out.record.job_id = job_id;
    out.record.text = text;  // kept as typed, so nothing is lost when it is refused
    if (to_account_id.empty() || to_account_id == owner)
        out.errors.push_back(field_error("message.recipient_required", "to_account_id", "送信先を選んでください。",
                                         "Choose who receives the message."));
    for (auto& e : social_rules::check_message_text(text)) out.errors.push_back(std::move(e));
    if (!out.ok()) return out;
    SocialRepository repo(store_.records());
    return stored(repo.send_message(owner, out.record));
}

SocialWrite<FollowChange> SocialService::set_following(const std::string& owner, const std::string& worker_id,
                                                       bool follow) {
    SocialWrite<FollowChange> out;
    out.record.worker_id = worker_id;
    out.record.follow = follow;
    if (worker_id.empty() || worker_id == owner) {
        out.errors.push_back(field_error("follow.self", "worker_id", "自分自身はフォローできません。",
                                         "You cannot follow yourself."));
        return out;
    }
    SocialRepository repo(store_.records());
    return stored(repo.change_follow(owner, out.record));
}

SocialWrite<Team> SocialService::save_team(const std::string& owner, Team team) {
    SocialWrite<Team> out;
    out.errors = social_rules::check_team(team.url_slug, team.name, team.description);
    out.record = team;
    if (!out.ok()) return out;
    // A logo this kiosk photographed is uploaded with the row; any other id
    // is the platform's upload of a team made elsewhere, sent back as it is.
    const bool logo_is_local = team.logo_file_id.empty() || store_.files().has_key(team.logo_file_id);
    SocialRepository repo(store_.records());
    return stored(repo.save_team(owner, std::move(team), logo_is_local));
}

SocialWrite<TeamInvitation> SocialService::invite(const std::string& owner, const std::string& team_id,
                                                  const std::string& invitee_account_id, const std::string& comment) {
    SocialWrite<TeamInvitation> out;
    out.record.team_id = team_id;
    out.record.invitee_account_id = invitee_account_id;
    out.record.comment = comment;
    if (team_id.empty())
        out.errors.push_back(field_error("invitation.team_required", "team_id", "招待するチームを選んでください。",
                                         "Choose the team to invite to."));
    if (invitee_account_id.empty() || invitee_account_id == owner)
        out.errors.push_back(field_error("invitation.invitee_required", "invitee_account_id",
                                         "招待するワーカーを選んでください。", "Choose the worker to invite."));
    for (auto& e : social_rules::check_invitation_comment(comment)) out.errors.push_back(std::move(e));
    if (!out.ok()) return out;
    SocialRepository repo(store_.records());
    return stored(repo.invite(owner, out.record));
}

SocialWrite<TeamAnswerChange> SocialService::answer_invitation(const std::string& owner,
                                                               const std::string& invitation_id, bool accept) {
    SocialWrite<TeamAnswerChange> out;
    out.record.answer = accept ? TeamAnswer::accept : TeamAnswer::decline;
    out.record.invitation_id = invitation_id;
    if (invitation_id.empty()) {
        out.errors.push_back(field_error("invitation.not_found", "invitation_id", "招待が見つかりません。",
                                         "No such invitation."));
        return out;
    }
    SocialRepository repo(store_.records());
    return stored(repo.answer(owner, out.record));
}

SocialWrite<TeamAnswerChange> SocialService::leave_team(const std::string& owner, const std::string& team_id) {
    SocialWrite<TeamAnswerChange> out;
    out.record.answer = TeamAnswer::leave;
    out.record.team_id = team_id;
    if (team_id.empty()) {
        out.errors.push_back(field_error("team.not_found", "team_id", "チームが見つかりません。", "No such team."));
        return out;
    }
    SocialRepository repo(store_.records());
    return stored(repo.answer(owner, out.record));
}

Result<std::vector<Team>> SocialService::local_teams(const std::string& owner) {
    SocialRepository repo(store_.records());
    return repo.teams(owner);
}

Result<std::vector<TeamAnswerChange>> SocialService::local_answers(const std::string& owner) {
    SocialRepository repo(store_.records());
    return repo.answers(owner);
}

Result<std::vector<SocialMessage>> SocialService::unsent_messages(const std::string& owner) {
    SocialRepository repo(store_.records());
    auto all = repo.queued_messages(owner);
    if (!all) return all.error();
    std::vector<SocialMessage> unsent;
    for (auto& m : *all)
        if (m.meta.sync_state != SyncState::sent) unsent.push_back(std::move(m));
    return unsent;
}

}  // namespace madoguchi
