// Staff mode home. This issue provides the entry (PIN, mode, exit); the
// registrant list and document capture arrive with the identity issue.
#pragma once

#include "kiosk/screen.hpp"

namespace madoguchi {

class StaffHomeScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::staff_home; }
    std::string title_key() const override { return "staff.title"; }
    void draw(Ui& ui, ScreenContext& ctx) override;
};

}  // namespace madoguchi
