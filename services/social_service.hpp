// SocialService (guide 【1】–【4】, docs/social.md): what the social screens
// call. Reads (worker search and cards, contacts, threads, history, teams,
// invitations) run on one worker thread and post their outcome back through
// the UI run queue; they need the network and say so when it is missing.
// Writes (message, follow, team, invitation, answer) are checked with the
// same rules the server applies, then stored with their outbox row in one
// transaction: they work offline and reach the platform exactly once.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "data/model/social.hpp"
#include "data/result.hpp"
#include "net/social_client.hpp"

namespace madoguchi {

class Store;

// The outcome of one read, delivered on the UI thread.
template <typename T>
struct SocialRead {
    bool ok = false;
    bool offline = false;  // no reply from the server: show 「通信できないため表示できません」
    T value{};
    Error error;           // what to show when !ok
};

// The outcome of one write: errors carry the field (text, url_slug, name…).
template <typename T>
struct SocialWrite {
    Errors errors;  // empty = stored and queued
    T record;
    bool ok() const { return errors.empty(); }
};

class SocialService {
public:
    using PostToUi = std::function<void(std::function<void()>)>;
    template <typename T>
    using Done = std::function<void(SocialRead<T>)>;

    // `server_url` may be empty (then every read reports offline at once).
    // `device_token` is asked per request (the token may arrive or change
    // after start-up; the kiosk passes its DeviceTokenSource's token()).
    using TokenSource = std::function<std::string()>;
    SocialService(Store& store, std::string server_url, TokenSource device_token, PostToUi post_to_ui);
    ~SocialService();  // stops the worker; reads still queued are dropped
    SocialService(const SocialService&) = delete;
    SocialService& operator=(const SocialService&) = delete;

    // A signed-in person's session token (reads act for that account).
    void set_session_token(const std::string& account_id, std::string token);
    // Called after a row was queued (the sync engine sends it now).
    void set_outbox_hook(std::function<void()> hook) { outbox_changed_ = std::move(hook); }

    // --- reads: queued for the worker thread; `done` runs through post_to_ui ---
    void search_workers(const std::string& viewer, WorkerQuery query, Done<WorkerCardPage> done);
    void worker(const std::string& viewer, const std::string& worker_id, Done<WorkerCard> done);
    void following(const std::string& viewer, std::int64_t offset, Done<WorkerCardPage> done);
    void followers(const std::string& viewer, std::int64_t offset, Done<WorkerCardPage> done);
    void contacts(const std::string& viewer, Done<Contacts> done);
    void threads(const std::string& viewer, std::int64_t offset, Done<MessageThreadPage> done);
    void history(const std::string& viewer, const std::string& thread_id, std::optional<std::int64_t> before,
                 Done<MessagePage> done);
    void my_teams(const std::string& viewer, Done<std::vector<TeamPage>> done);
    void team(const std::string& viewer, const std::string& team_id, Done<TeamPage> done);
    void invitations(const std::string& viewer, Done<std::vector<InvitationView>> done);
    bool busy() const { return pending_reads_.load() > 0; }

    // --- writes: checked, stored and queued on the calling (UI) thread ---
    SocialWrite<SocialMessage> send_message(const std::string& owner, const std::string& to_account_id,
                                            const std::string& text, const std::string& job_id = {});
    SocialWrite<FollowChange> set_following(const std::string& owner, const std::string& worker_id, bool follow);
    // A new team (client_id empty) or an edit of one; the slug is normalized.
    SocialWrite<Team> save_team(const std::string& owner, Team team);
    SocialWrite<TeamInvitation> invite(const std::string& owner, const std::string& team_id,
                                       const std::string& invitee_account_id, const std::string& comment);
    SocialWrite<TeamAnswerChange> answer_invitation(const std::string& owner, const std::string& invitation_id,
                                                    bool accept);
    SocialWrite<TeamAnswerChange> leave_team(const std::string& owner, const std::string& team_id);

    // --- this kiosk's own copies (small owner-scoped reads of the store) ---
    // Teams saved here and still held (sync_state: 送信待ち until sent), so a
    // team appears at once, before the platform has it.
    Result<std::vector<Team>> local_teams(const std::string& owner);
    // Answers (承認 / 却下 / 脱退) queued here, with their sync state.
    Result<std::vector<TeamAnswerChange>> local_answers(const std::string& owner);
    // Messages queued here that the platform has not stored yet (送信待ち /
    // 送信中 / 要確認), oldest first: the thread and the list show them, so a
    // message sent offline never vanishes from the person's view.
    Result<std::vector<SocialMessage>> unsent_messages(const std::string& owner);

private:
    using Task = std::function<void(SocialClient&)>;
    template <typename T, typename Call>
    void enqueue_read(const std::string& viewer, Call call, Done<T> done);
    void loop();
    template <typename T>
    SocialWrite<T> stored(Result<T> r);

    Store& store_;
    std::string server_url_;
    TokenSource device_token_;
    PostToUi post_;
    std::function<void()> outbox_changed_;

    std::mutex mutex_;  // guards queue_ and sessions_
    std::condition_variable wake_;
    std::deque<std::pair<std::string, Task>> queue_;  // (viewer, call)
    std::map<std::string, std::string> sessions_;
    std::atomic<int> pending_reads_{0};
    std::atomic<bool> stop_{false};
    std::thread worker_;
};

}  // namespace madoguchi
