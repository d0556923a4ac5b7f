// Staff mode home: today's registrants on this kiosk with their identity
// status (未提出 / 確認待ち / 確認済み / 再提出が必要 and the reason); choosing
// one opens the document capture for them. Leaving ends the staff session.
#pragma once

#include <string>
#include <vector>

#include "kiosk/screen.hpp"
#include "services/staff_service.hpp"

namespace madoguchi {

class StaffHomeScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::staff_home; }
    std::string title_key() const override { return "staff.title"; }
    void on_enter(ScreenContext& ctx) override;
    // Staff home leaves the stack when staff mode ends: by the exit button
    // (which already ended it) or by the idle wipe, which must not end staff
    // mode without its audit row.
    void on_exit(ScreenContext& ctx) override;
    void draw(Ui& ui, ScreenContext& ctx) override;

private:
    std::vector<RegistrantSummary> registrants_;
    std::optional<Error> load_error_;
};

}  // namespace madoguchi
