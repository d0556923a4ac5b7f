// My page: the sections of the guide that this kiosk offers, as large tiles.
#pragma once

#include "kiosk/screen.hpp"

namespace madoguchi {

class HomeScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::home; }
    std::string title_key() const override { return "home.title"; }
    bool can_go_back() const override { return false; }
    void draw(Ui& ui, ScreenContext& ctx) override;
};

}  // namespace madoguchi
