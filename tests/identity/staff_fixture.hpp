// Staff mode on the real app: the real screens and StaffService /
// IdentityService over a real store, a FileCamera replaying generated card
// images, the staff PIN 1357, and helpers to drive it (enter staff mode,
// drag a mask, pump the run queue until a worker's result arrived).
#pragma once

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "data/imaging/image_codec.hpp"
#include "kiosk/pin_check.hpp"
#include "platform/camera/file_camera.hpp"
#include "services/identity_practice_card.hpp"
#include "services/identity_service.hpp"
#include "services/staff_service.hpp"
#include "screens/identity_status_screen.hpp"
#include "screens/staff_capture_screen.hpp"
#include "screens/staff_home_screen.hpp"
#include "screens/staff_pin_screen.hpp"
#include "screens/staff_registrant_screen.hpp"
#include "tests/kiosk/shell/ui_fixture.hpp"

namespace madoguchi::testing {

inline KioskConfig staff_test_config() {
    KioskConfig c = test_config();
    auto h = hash_pin("1357");
    REQUIRE(h.ok());
    c.staff_pin_hash = *h;
    return c;
}

inline void write_png(const std::filesystem::path& path, const Image& image) {
    auto png = encode_png(image);
    REQUIRE(png.ok());
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(png->data()),
                                                static_cast<std::streamsize>(png->size()));
}

// Everything a file's bytes contain, for "is this sequence anywhere on disk".
inline std::string read_all(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Image files anywhere under `dir` (plaintext JPEG/PNG by their magic).
inline int plaintext_images_under(const std::filesystem::path& dir) {
    int n = 0;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file()) continue;
        const std::string bytes = read_all(it->path());
        // stb's JPEG header carries "JFIF\0"; PNG's 8-byte signature. Long
        // enough that encrypted bytes never match by chance.
        if (bytes.find(std::string("JFIF\0", 5)) != std::string::npos ||
            bytes.find("\x89PNG\r\n\x1a\n") != std::string::npos)
            ++n;
    }
    return n;
}

// The app's factory with this feature's screens taken first, so the suite
// runs the same whether or not the shared factory (screens/screen_factory.cpp,
// edited by several engineers at once) already carries their cases.
inline ScreenFactory staff_screen_factory() {
    return [base = make_screen_factory()](ScreenId id) -> std::unique_ptr<Screen> {
        switch (id) {
            case ScreenId::staff_pin: return std::make_unique<StaffPinScreen>();
            case ScreenId::staff_home: return std::make_unique<StaffHomeScreen>();
            case ScreenId::staff_registrant: return std::make_unique<StaffRegistrantScreen>();
            case ScreenId::staff_capture: return std::make_unique<StaffCaptureScreen>();
            case ScreenId::identity_status: return std::make_unique<IdentityStatusScreen>();
            default: return base(id);
        }
    };
}

// UiFixture's real app, built with staff_screen_factory().
struct StaffUi {
    explicit StaffUi(KioskConfig config)
        : imgui(config.font_size_px),
          app(config, StringCatalog::load(config.assets_dir + "/i18n").value(), clock, staff_screen_factory()) {
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

struct StaffFixture {
    // `store` must outlive the fixture; `camera_dir` holds the images the
    // camera replays (name order).
    StaffFixture(Store& store, const std::filesystem::path& camera_dir, Scanner* scanner = nullptr,
                 std::string server_url = "", std::string device_token = "",
                 WallClock now = system_wall_clock_ms)
        : ui(staff_test_config()),
          camera(camera_dir.string()),
          staff(store, CaptureDevices{scanner, &camera}, post(), std::move(now)),
          identity(store, std::move(server_url), std::move(device_token), post()) {
        ui.app.services().staff = &staff;
        ui.app.services().identity = &identity;
    }

    StaffService::PostToUi post() {
        return [this](std::function<void()> task) { ui.app.run_queue().post(std::move(task)); };
    }
    UiDriver& d() { return *ui.driver; }

    // attract -> staff PIN -> staff home.
    void enter_staff_mode(const std::string& pin = "1357") {
        REQUIRE_OK(d().tap("attract.staff"));
        for (char c : pin) REQUIRE_OK(d().tap(std::string("pin.key.") + c));
        REQUIRE_OK(d().tap("pin.enter"));
    }

    // Frames until `done()` or ~20 s of real time (workers run for real).
    bool pump_until(const std::function<bool()>& done) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (std::chrono::steady_clock::now() < deadline) {
            d().frames(1);
            if (done()) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return false;
    }

    // A finger drag from (x0, y0) to (x1, y1) in screen pixels.
    void drag(float x0, float y0, float x1, float y1) { REQUIRE_OK(d().drag(x0, y0, x1, y1)); }

    // Camera source, capture, wait for the straightened page to show.
    void capture_with_camera() {
        if (d().find("staff.source.1")) REQUIRE_OK(d().tap("staff.source.1"));
        REQUIRE(pump_until([&] {
            const WidgetRecord* r = d().find("staff.camera.capture");
            return r && r->enabled;
        }));
        REQUIRE_OK(d().tap("staff.camera.capture"));
        REQUIRE(pump_until([&] { return d().find("staff.quality") || d().find("staff.capture.error"); }));
    }

    StaffUi ui;
    FileCamera camera;
    StaffService staff;
    IdentityService identity;
};

}  // namespace madoguchi::testing
