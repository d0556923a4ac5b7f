// A real app on a headless runner with a manual clock: what every UI-flow
// test starts from. Uses the real catalogs, font and screens.
#pragma once

#include <memory>

#include <imgui_internal.h>

#include "kiosk/app.hpp"
#include "kiosk/shell/headless_runner.hpp"
#include "kiosk/shell/imgui_context.hpp"
#include "kiosk/testing/ui_driver.hpp"
#include "screens/screen_factory.hpp"

// REQUIRE on a driver Status, printing the driver's message on failure.
#define REQUIRE_OK(expr)                                                  \
    do {                                                                  \
        auto _status = (expr);                                            \
        INFO((_status ? std::string() : _status.error().message_en));     \
        REQUIRE(static_cast<bool>(_status));                              \
    } while (0)

namespace madoguchi::testing {

inline KioskConfig test_config() {
    KioskConfig c;
    c.assets_dir = MADOGUCHI_ASSETS_DIR;
    c.idle_timeout_s = 90;
    c.idle_countdown_s = 15;
    return c;
}

struct UiFixture {
    explicit UiFixture(KioskConfig config = test_config())
        : imgui(config.font_size_px),
          app(config, StringCatalog::load(config.assets_dir + "/i18n").value(), clock, make_screen_factory()) {
        app.services().screen_available = [](int id) { return screen_exists(static_cast<ScreenId>(id)); };
        auto fonts = app.init_fonts();
        if (!fonts) throw std::runtime_error(fonts.error().message_en);
        runner = std::make_unique<HeadlessRunner>(app, ImVec2(1280, 800));
        driver = std::make_unique<UiDriver>(app, *runner, clock);
    }

    ManualClock clock;
    ImGuiContextGuard imgui;
    App app;
    std::unique_ptr<HeadlessRunner> runner;
    std::unique_ptr<UiDriver> driver;
};

}  // namespace madoguchi::testing
