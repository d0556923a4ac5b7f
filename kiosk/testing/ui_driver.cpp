// UiDriver: taps, typing through the on-screen keyboard, time.
#include "kiosk/testing/ui_driver.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <algorithm>
#include <cmath>

#include "data/text/utf8.hpp"
#include "kiosk/ime/kana_modifier.hpp"
#include "kiosk/ime/kana_script.hpp"

namespace madoguchi {
namespace {

constexpr float kFrameS = 1.0f / 60.0f;

std::string utf8_of(char32_t c) {
    std::string out;
    append_utf8(out, c);
    return out;
}

Error driver_error(const std::string& what) { return Error{"driver", "", what, what}; }

}  // namespace

UiDriver::UiDriver(App& app, FrameRunner& runner, ManualClock& clock) : app_(app), runner_(runner), clock_(clock) {
    frames(2);
}

void UiDriver::frames(int n) {
    InjectedPointer away;
    for (int i = 0; i < n; ++i) {
        clock_.advance_ms(16);
        runner_.run_frame(&away, kFrameS);
    }
}

Status UiDriver::tap(const std::string& id) {
    // A person looks before touching: let a layout that changed last frame
    // settle, so the tap lands where the widget is now drawn.
    frames(1);
    const WidgetRecord* r = find(id);
    if (!r) return driver_error("no widget '" + id + "' on screen " + screen());
    if (!r->enabled) return driver_error("widget '" + id + "' is disabled");
    if (!r->visible) {
        if (auto s = scroll_into_view(id); !s) return s;
        r = find(id);
        if (!r) return driver_error("widget '" + id + "' vanished while scrolling");
    }
    InjectedPointer p{r->rect.cx(), r->rect.cy(), false};
    // Hover frame, press frame, release frame over the item, then move away
    // one frame later (imgui #2074: taps need the pointer on the item at release).
    runner_.run_frame(&p, kFrameS);
    p.down = true;
    clock_.advance_ms(16);
    runner_.run_frame(&p, kFrameS);
    p.down = false;
    clock_.advance_ms(16);
    runner_.run_frame(&p, kFrameS);
    ++taps_;
    frames(1);
    return ok_status();
}

namespace {

// A finger's drag: hover, press, `steps` moves, release where it stopped.
// drag() and scroll_into_view() share it.
void press_move_release(FrameRunner& runner, ManualClock& clock, float x0, float y0, float x1, float y1,
                        int steps) {
    InjectedPointer p{x0, y0, false};
    runner.run_frame(&p, kFrameS);  // hover
    p.down = true;
    clock.advance_ms(16);
    runner.run_frame(&p, kFrameS);  // press
    steps = std::max(steps, 1);
    for (int i = 1; i <= steps; ++i) {
        p.x = x0 + (x1 - x0) * static_cast<float>(i) / static_cast<float>(steps);
        p.y = y0 + (y1 - y0) * static_cast<float>(i) / static_cast<float>(steps);
        clock.advance_ms(16);
        runner.run_frame(&p, kFrameS);
    }
    p.down = false;
    clock.advance_ms(16);
    runner.run_frame(&p, kFrameS);  // release
}

}  // namespace

Status UiDriver::drag(float x0, float y0, float x1, float y1, int steps) {
    frames(1);
    // The press must land on something that takes it, as a finger's would.
    bool on_widget = false;
    for (const auto& w : app_.registry().all())
        on_widget = on_widget || (w.visible && w.enabled && w.rect.w > 0 && w.rect.h > 0 && x0 >= w.rect.x &&
                                  x0 < w.rect.x + w.rect.w && y0 >= w.rect.y && y0 < w.rect.y + w.rect.h);
    if (!on_widget) return driver_error("no enabled widget under the drag's start on screen " + screen());
    press_move_release(runner_, clock_, x0, y0, x1, y1, steps);
    ++taps_;
    frames(1);
    return ok_status();
}

namespace {

// Inset by a pixel or two: ImGui rounds the clip rect it tests visibility
// against, and a centre on the edge should count as outside.
bool spans_y(const WidgetRect& r, float y) { return y >= r.y + 2.0f && y <= r.y + r.h - 2.0f; }

// A drag of `dy` pixels (negative: content moves up) that starts at (x, y0):
// at least twice ImGui's drag threshold so the first step already scrolls.
struct ScrollDrag {
    float x = 0, y0 = 0, dy = 0;
};

// A drag inside `area` that moves a point at `target_y` towards the area's
// middle, by at most most of the area's height (so the finger stays on it).
ScrollDrag drag_towards_middle(const WidgetRect& area, float x, float target_y, float min_step) {
    const float middle = area.y + area.h * 0.5f;
    float dy = middle - target_y;
    const float most = area.h * 0.8f;
    dy = std::clamp(dy, -most, most);
    if (std::abs(dy) < min_step) dy = dy < 0 ? -min_step : min_step;
    // Start on the side the content leaves from, so start and end both lie in the area.
    const float y0 = middle - dy * 0.5f;
    return {x, y0, dy};
}

}  // namespace

Status UiDriver::scroll_into_view(const std::string& id) {
    // As a finger would: drag the region the widget is clipped by — a list
    // nested in the form scrolls on its own — and first the window around it
    // when that region itself is (partly) out of view. Directions come from
    // where the widget lies relative to the region, not to the display.
    const float min_step = ImGui::GetCurrentContext() ? ImGui::GetFontSize() * 1.5f : 24.0f;
    for (int attempt = 0; attempt < 24; ++attempt) {
        const WidgetRecord* r = find(id);
        if (!r) return driver_error("no widget '" + id + "' on screen " + screen());
        if (r->visible) return ok_status();
        const WidgetPlace place = app_.registry().place_of(*r);
        const float cy = r->rect.cy();
        ScrollDrag drag;
        const bool region_usable = place.clip.h >= min_step * 2.0f && place.clip.w > 0;
        if (!spans_y(place.region, cy) && region_usable) {
            // Hidden inside its own region: scroll that region.
            drag = drag_towards_middle(place.clip, place.clip.x + place.clip.w * 0.5f, cy, min_step);
        } else {
            // The region is out of view (or the widget is in it but the window
            // around cuts it): scroll the outer window, pressing beside the
            // region (in the window's padding) so only the outer one moves.
            const WidgetRect& outer = place.outer;
            if (outer.h < min_step * 2.0f) return driver_error("widget '" + id + "' lies in no scrollable window");
            const float target = spans_y(place.region, cy) ? cy : place.region.cy();
            float x = outer.x + outer.w * 0.5f;
            if (place.region.x - outer.x >= 2.0f) x = (outer.x + place.region.x) * 0.5f;
            drag = drag_towards_middle(outer, x, target, min_step);
        }
        // Pressing in a window's padding is fine here: this is not a tap.
        press_move_release(runner_, clock_, drag.x, drag.y0, drag.x, drag.y0 + drag.dy, 8);
        frames(1);
    }
    return driver_error("widget '" + id + "' stays out of view");
}

bool UiDriver::key_exists(const std::string& label) const { return find("kbd.key." + label) != nullptr; }

Status UiDriver::switch_to_layout_with(const std::string& label) {
    for (const char* layout : {"hiragana", "katakana", "alpha", "digits", "email"}) {
        if (!find(std::string("kbd.layout.") + layout)) continue;
        if (auto s = tap(std::string("kbd.layout.") + layout); !s) continue;
        if (key_exists(label)) return ok_status();
    }
    return driver_error("no key types '" + label + "'");
}

Status UiDriver::tap_key_for(char32_t c) {
    const std::string label = utf8_of(c);
    if (c == U' ' || c == U'　') return tap("kbd.space");
    if (c == U'\n') return tap("kbd.newline");
    if (key_exists(label)) return tap("kbd.key." + label);
    // Upper case: shift first (alpha layout).
    if (c >= U'A' && c <= U'Z') {
        std::string lower(1, static_cast<char>(c - U'A' + U'a'));
        if (!key_exists(lower)) {
            if (auto s = switch_to_layout_with(lower); !s) return s;
        }
        if (auto s = tap("kbd.shift"); !s) return s;
        return tap("kbd.key." + label);
    }
    // Voiced, semi-voiced and small kana: the base kana, then ゛ / ゜ / 小.
    const bool kata = ime::is_katakana(c);
    const char32_t hira = kata ? ime::to_hiragana(c) : c;
    for (char32_t base = U'ぁ'; base <= U'ゖ'; ++base) {
        for (auto [mod, key] : {std::pair{ime::KanaModifier::dakuten, "kbd.mod.dakuten"},
                                std::pair{ime::KanaModifier::handakuten, "kbd.mod.handakuten"},
                                std::pair{ime::KanaModifier::small, "kbd.mod.small"}}) {
            auto m = ime::modify_kana(base, mod);
            if (!m || *m != hira || base == hira) continue;
            const std::string base_label = utf8_of(kata ? ime::to_katakana(base) : base);
            if (!key_exists(base_label)) {
                if (auto s = switch_to_layout_with(base_label); !s) continue;
            }
            if (auto s = tap("kbd.key." + base_label); !s) return s;
            return tap(key);
        }
    }
    if (auto s = switch_to_layout_with(label); !s) return s;
    return tap("kbd.key." + label);
}

Status UiDriver::type(const std::string& text) {
    if (!app_.keyboard().is_open()) return driver_error("the keyboard is not open");
    for (char32_t c : decode_utf8_lossy(text))
        if (auto s = tap_key_for(c); !s) return s;
    return ok_status();
}

Status UiDriver::paste(const std::string& text) {
    // What a hardware keyboard's paste would do: the whole text at once into
    // the field being edited, through the same field rules.
    if (!app_.keyboard().is_open()) return driver_error("the keyboard is not open");
    app_.keyboard().paste(text);
    frames(1);
    return ok_status();
}

void UiDriver::advance_seconds(double seconds) {
    auto left = static_cast<std::int64_t>(seconds * 1000);
    InjectedPointer away;
    while (left > 0) {
        const auto step = std::min<std::int64_t>(left, 1000);
        clock_.advance_ms(step);
        left -= step;
        runner_.run_frame(&away, static_cast<float>(step) / 1000.0f);
    }
    frames(1);
}

std::string UiDriver::value(const std::string& id) const {
    const WidgetRecord* r = find(id);
    return r ? r->value : std::string{};
}

std::string UiDriver::error(const std::string& id) const {
    const WidgetRecord* r = find(id);
    return r ? r->error : std::string{};
}

}  // namespace madoguchi
