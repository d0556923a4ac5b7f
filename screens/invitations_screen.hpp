// 承認待ち一覧 (guide 【4】): the team invitations waiting for me, each with
// team, inviter and comment, 承認 / 却下 after a confirmation; an answer
// shows 送信待ち until the sync engine has sent it, then the row goes. Also
// the My page banner 「承認待ちの招待が N 件あります」 that leads here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "data/model/social.hpp"
#include "data/result.hpp"
#include "kiosk/screen.hpp"

namespace madoguchi {

class InvitationsScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::invitations; }
    std::string title_key() const override { return "invitations.title"; }
    void on_enter(ScreenContext& ctx) override;
    void on_exit(ScreenContext& ctx) override;
    void draw(Ui& ui, ScreenContext& ctx) override;

private:
    enum class LoadState { loading, loaded, offline, failed };

    void load(ScreenContext& ctx);
    void read_local(ScreenContext& ctx);
    void answer(Ui& ui, ScreenContext& ctx, const InvitationView& inv, bool accept);

    std::shared_ptr<int> alive_;
    LoadState state_ = LoadState::loading;
    std::string message_;
    std::vector<InvitationView> items_;
    std::map<std::string, TeamAnswer> unsent_;  // invitation id -> answer queued here, not yet sent
    std::set<std::string> sent_;                // answered here and sent: no longer shown
    std::int64_t next_local_check_ms_ = 0;
    std::optional<Error> answer_error_;         // from a confirmation, shown in the next frame
};

// My page's 承認待ち banner: read off the UI thread when My page comes on
// top; nothing while offline or when there is none.
class PendingInvitationsBanner {
public:
    void refresh(ScreenContext& ctx);
    void draw(Ui& ui, ScreenContext& ctx);

private:
    std::shared_ptr<int> alive_ = std::make_shared<int>(0);
    std::string owner_;      // whose count this is (a new session starts at zero)
    std::size_t count_ = 0;
};

// Invitations still to answer: those listed by the platform minus the ones
// answered on this kiosk (sent or waiting to be sent).
std::size_t invitations_to_answer(const std::vector<InvitationView>& listed,
                                  const std::vector<TeamAnswerChange>& answered_here);

}  // namespace madoguchi
