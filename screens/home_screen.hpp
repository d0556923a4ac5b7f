// My page: the sections of the guide that this kiosk offers, as large tiles,
// each with how complete it is and where its records stand on the way to
// the platform (from MyPageService, re-read whenever My page comes back on top).
#pragma once

#include <optional>

#include "kiosk/screen.hpp"
#include "screens/invitations_screen.hpp"
#include "services/my_page_service.hpp"

namespace madoguchi {

class HomeScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::home; }
    std::string title_key() const override { return "home.title"; }
    bool can_go_back() const override { return false; }
    void on_enter(ScreenContext& ctx) override;
    void draw(Ui& ui, ScreenContext& ctx) override;

private:
    void refresh(ScreenContext& ctx);
    void draw_progress(Ui& ui, const char* id, const SectionSummary& s, float width);

    std::optional<MyPageSummary> summary_;
    bool load_failed_ = false;
    int last_frame_ = -1;  // ImGui frame this screen last drew: a gap means it came back on top
    PendingInvitationsBanner invitations_banner_;  // 【4】 承認待ち一覧 (screens/invitations_screen.hpp)
};

}  // namespace madoguchi
