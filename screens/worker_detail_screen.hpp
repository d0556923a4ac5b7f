// ワーカー詳細 (guide 【1】【2】【4】): one worker's card in full with the
// follow state, and 「相談をする」 (message thread), 「フォローする」 /
// 「フォローをやめる」 (queued; 送信待ち until the platform shows it) and
// 「チームに招待する」 (TeamInviteSheet). Reads session.social.worker_id.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "data/model/social.hpp"
#include "kiosk/screen.hpp"
#include "screens/team_invite_sheet.hpp"

namespace madoguchi {

class WorkerDetailScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::worker_detail; }
    std::string title_key() const override { return "workers.detail_title"; }
    void on_enter(ScreenContext& ctx) override;
    void draw(Ui& ui, ScreenContext& ctx) override;

private:
    enum class Load { loading, loaded, offline, failed };
    void load(ScreenContext& ctx);
    void toggle_follow(Ui& ui, ScreenContext& ctx);
    void draw_actions(Ui& ui, ScreenContext& ctx);

    std::string worker_id_;
    std::string worker_name_;   // shown while the card loads
    Load load_ = Load::loading;
    bool reading_ = false;
    std::string message_;
    std::optional<WorkerCard> card_;
    // A follow change queued on this kiosk that the platform's card does not
    // show yet: what was asked, and when the card was last read again for it.
    std::optional<bool> follow_pending_;
    std::int64_t last_check_ms_ = 0;
    TeamInviteSheet invite_;
    std::shared_ptr<int> alive_ = std::make_shared<int>(0);  // replies check it
};

}  // namespace madoguchi
