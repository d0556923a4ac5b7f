// My teams (guide 【3】 チーム管理): the platform's list with my role and
// member count, plus teams saved on this kiosk that have not been sent yet
// (送信待ち); 新しくチームを作る, 編集する (owner), 脱退する (member, after a
// confirmation; the owner cannot leave). Offline: a message and 再読み込み.
#pragma once

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

class TeamsScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::teams; }
    std::string title_key() const override { return "teams.title"; }
    void on_enter(ScreenContext& ctx) override;
    void on_exit(ScreenContext& ctx) override;
    void draw(Ui& ui, ScreenContext& ctx) override;

private:
    enum class LoadState { loading, loaded, offline, failed };

    void load(ScreenContext& ctx);
    // Re-reads this kiosk's unsent teams and leaves; true when one of them
    // was sent since the last look (then the platform's list is read again).
    bool read_local(ScreenContext& ctx);
    void leave(Ui& ui, ScreenContext& ctx, const std::string& team_id, const std::string& name);
    void draw_row(Ui& ui, ScreenContext& ctx, std::size_t index, const TeamPage& t, bool pending);

    std::shared_ptr<int> alive_;  // read callbacks check it
    LoadState state_ = LoadState::loading;
    std::string message_;
    std::vector<TeamPage> teams_;                // the platform's, in its order
    std::map<std::string, std::size_t> members_;  // team id -> member count (from each team's page)
    std::vector<TeamPage> unsent_;               // saved here, not yet on the platform
    std::set<std::string> leaving_;              // leave queued, not yet sent
    std::int64_t next_local_check_ms_ = 0;
    int last_frame_ = -1;  // ImGui frame last drawn: a gap means it came back on top (after team_edit)
    bool left_ = false;                          // a leave was queued: say so in the next frame
    std::optional<Error> answer_error_;
};

}  // namespace madoguchi
