// PIN entry for staff and technician modes (one screen class, two roles):
// Argon2id verification against the configuration and an app-wide lockout.
#pragma once

#include <string>

#include "kiosk/screen.hpp"

namespace madoguchi {

class PinEntryScreen final : public Screen {
public:
    enum class Role { staff, technician };
    explicit PinEntryScreen(Role role) : role_(role) {}

    ScreenId id() const override { return role_ == Role::staff ? ScreenId::staff_pin : ScreenId::technician_pin; }
    std::string title_key() const override { return role_ == Role::staff ? "pin.staff_title" : "pin.tech_title"; }
    void draw(Ui& ui, ScreenContext& ctx) override;

private:
    Role role_;
    std::string pin_;
    std::string message_key_;
};

}  // namespace madoguchi
