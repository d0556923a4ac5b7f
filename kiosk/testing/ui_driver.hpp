// Drives the real app the way a finger would: finds widgets in the registry
// by id, presses and releases on them, types through the on-screen keyboard
// and advances a manual clock. Used by doctest UI-flow tests and by
// `madoguchi --script` (headless or under a real window).
#pragma once

#include <string>

#include "data/result.hpp"
#include "kiosk/app.hpp"
#include "kiosk/clock.hpp"
#include "kiosk/shell/frame_runner.hpp"

namespace madoguchi {

class UiDriver {
public:
    UiDriver(App& app, FrameRunner& runner, ManualClock& clock);

    // Idle frames with the pointer away from every widget.
    void frames(int n = 1);
    // Presses and releases on the widget's centre (it must be visible and enabled).
    Status tap(const std::string& id);
    // Types text through the keyboard's keys, switching layouts and using
    // ゛/゜/小 as a person would. The keyboard must be open.
    Status type(const std::string& text);
    // A paste into the field the keyboard is editing (hostile input path).
    Status paste(const std::string& text);
    // A finger drag in screen pixels: press at (x0, y0), move in `steps`
    // frames to (x1, y1), release there, move away. The press must land on a
    // visible, enabled widget (whose id is in the error otherwise).
    Status drag(float x0, float y0, float x1, float y1, int steps = 8);
    // Advances the clock in steps of at most one second, drawing a frame each.
    void advance_seconds(double seconds);

    const WidgetRecord* find(const std::string& id) const { return app_.registry().find(id); }
    std::string value(const std::string& id) const;
    std::string error(const std::string& id) const;
    std::string screen() const { return screen_code(app_.current_screen()); }
    int tap_count() const { return taps_; }
    App& app() { return app_; }
    FrameRunner& runner() { return runner_; }

private:
    Status tap_key_for(char32_t c);
    Status scroll_into_view(const std::string& id);
    bool key_exists(const std::string& label) const;
    Status switch_to_layout_with(const std::string& label);

    App& app_;
    FrameRunner& runner_;
    ManualClock& clock_;
    int taps_ = 0;
};

}  // namespace madoguchi
