// What every screen draws with: the widget registry, fonts, strings, clock,
// keyboard, toasts and the size metrics derived from the font size.
#pragma once

#include <string>

#include "kiosk/clock.hpp"
#include "kiosk/fonts/font_set.hpp"
#include "kiosk/i18n/string_catalog.hpp"
#include "kiosk/ui/widget_registry.hpp"

namespace madoguchi {

class OnScreenKeyboard;
class Toasts;

// Sizes in pixels, all derived from the body font size (never hard-coded
// pixels in screens, never io.FontGlobalScale).
struct Metrics {
    float em = 30.0f;
    float touch_min() const { return em * 2.0f > 48.0f ? em * 2.0f : 48.0f; }  // ≥ 48 px targets
    float button_h() const { return em * 2.4f; }
    float primary_h() const { return em * 2.9f; }
    float gap() const { return em * 0.6f; }
    float pad() const { return em * 0.8f; }
    float header_h() const { return em * 3.0f; }
};

struct Ui {
    WidgetRegistry& registry;
    FontSet& fonts;
    const StringCatalog& strings;
    const Clock& clock;
    OnScreenKeyboard& keyboard;
    Toasts& toasts;
    Metrics metrics;

    const std::string& t(const std::string& key) const { return strings.get(key); }
    const std::string& msg(const Error& e) const { return strings.message(e); }
};

}  // namespace madoguchi
