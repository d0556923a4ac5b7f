// The root screen shown between users: touch to start, language choice,
// staff entry, and the technician's hidden corner gesture.
#pragma once

#include <cstdint>

#include "kiosk/screen.hpp"

namespace madoguchi {

class AttractScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::attract; }
    bool can_go_back() const override { return false; }
    void draw(Ui& ui, ScreenContext& ctx) override;

private:
    // Technician gesture: 5 taps on the top-left corner within 4 seconds.
    int corner_taps_ = 0;
    std::int64_t first_corner_tap_ms_ = 0;
};

}  // namespace madoguchi
