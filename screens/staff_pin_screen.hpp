// Staff PIN entry: the shared PIN screen (Argon2id check, lockout) plus the
// staff audit log — each wrong staff PIN leaves a "staff.pin_failed" row.
#pragma once

#include "kiosk/screen.hpp"
#include "screens/pin_entry_screen.hpp"

namespace madoguchi {

class StaffPinScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::staff_pin; }
    std::string title_key() const override { return pin_.title_key(); }
    void draw(Ui& ui, ScreenContext& ctx) override;

private:
    PinEntryScreen pin_{PinEntryScreen::Role::staff};
};

}  // namespace madoguchi
