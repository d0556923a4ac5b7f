// 「チームに招待する」 (guide 【4】 Steps 3–5): a panel a screen draws in
// place of its content while open — the viewer's own teams (owner only),
// one chosen, a comment (≤ 500 characters, multi-line), 「招待する」.
// Worker detail opens it; the contacts screen may too.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "data/model/social.hpp"
#include "kiosk/screen.hpp"
#include "kiosk/ui/text_field.hpp"

namespace madoguchi {

class TeamInviteSheet {
public:
    // Opens for `worker_id` and reads the viewer's teams (a network read).
    // Reopening for the same worker keeps the comment typed before.
    void open(ScreenContext& ctx, const std::string& worker_id, const std::string& worker_name);
    void close() { open_ = false; }
    bool is_open() const { return open_; }
    // Draws the panel; records "invite.*" widgets. Closes itself after an
    // invitation was queued (and says so with a toast).
    void draw(Ui& ui, ScreenContext& ctx);

private:
    enum class Load { loading, loaded, offline, failed };
    void load(ScreenContext& ctx);
    void submit(Ui& ui, ScreenContext& ctx);

    bool open_ = false;
    std::string worker_id_;
    std::string worker_name_;
    Load load_ = Load::loading;
    std::string load_message_;
    std::vector<TeamPage> teams_;  // where my_role == owner
    int chosen_ = -1;
    std::string team_error_;       // "choose a team" / a team-level refusal
    TextField comment_{FieldKind::multiline, 500, false};
    std::shared_ptr<int> alive_ = std::make_shared<int>(0);  // a read's reply checks it
};

}  // namespace madoguchi
