// The kiosk application shell: owns the session, the screen stack, the
// keyboard, toasts, overlays and the idle wipe, and draws one frame at a
// time. It knows nothing of windows or GPUs: a FrameRunner (GLFW + OpenGL on
// the device, headless in tests) calls frame() between NewFrame and Render.
#pragma once

#include <imgui.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/clock.hpp"
#include "kiosk/config.hpp"
#include "kiosk/fonts/font_set.hpp"
#include "kiosk/i18n/string_catalog.hpp"
#include "kiosk/idle_monitor.hpp"
#include "kiosk/run_queue.hpp"
#include "kiosk/screen.hpp"
#include "kiosk/session.hpp"
#include "kiosk/ui/onscreen_keyboard.hpp"
#include "kiosk/ui/toasts.hpp"
#include "kiosk/ui/widget_registry.hpp"

namespace madoguchi {

class App final : private Navigator {
public:
    App(KioskConfig config, StringCatalog strings, const Clock& clock, ScreenFactory factory);

    // Services screens may call; `config` inside it points at this app's configuration.
    Services& services() { return services_; }
    // Re-reads timeouts and language defaults after a technician change.
    void apply_config(const KioskConfig& config);
    ~App() override;

    // Start-up: maps the font and loads the base glyphs (catalog texts).
    Status init_fonts();

    // Draws one frame (the caller has called ImGui::NewFrame()).
    void frame(ImVec2 display);

    // The next time the loop must wake even without input (idle countdown,
    // toast expiry); 0 = only on input or worker messages.
    std::int64_t next_wake_ms() const;

    // Destroys every per-session state and returns to the attract screen.
    void wipe_session();

    FontSet& fonts() { return fonts_; }
    RunQueue& run_queue() { return run_queue_; }
    const WidgetRegistry& registry() const { return registry_; }
    const Session& session() const { return *session_; }
    const StringCatalog& strings() const { return strings_; }
    const KioskConfig& config() const { return config_; }
    OnScreenKeyboard& keyboard() { return keyboard_; }
    Toasts& toasts() { return toasts_; }
    const Clock& clock() const { return clock_; }
    ScreenId current_screen() const;
    std::size_t stack_depth() const { return stack_.size(); }
    bool countdown_visible() const;
    void show_toast(const std::string& text, ToastKind kind);
    const bool& quit_requested() const { return quit_requested_; }

private:
    // Navigator (screens ask; applied after the frame).
    void push(ScreenId id) override;
    void replace(ScreenId id) override;
    void pop() override;
    void end_session() override;
    void confirm(std::string title, std::string body, std::string ok_label,
                 std::function<void()> on_confirm) override;
    void quit_app() override { quit_requested_ = true; }

    void apply_navigation();
    void draw_header(Ui& ui, ImVec2 display, Screen& screen);
    void draw_countdown(Ui& ui, ImVec2 display);
    void draw_confirm(Ui& ui, ImVec2 display);
    void track_activity();
    Ui make_ui();

    struct PendingNav {
        enum Kind { push, replace, pop, end_session } kind;
        ScreenId id;
    };
    struct ConfirmRequest {
        std::string title, body, ok_label;
        std::function<void()> on_confirm;
    };

    KioskConfig config_;
    StringCatalog strings_;
    const Clock& clock_;
    ScreenFactory factory_;
    FontSet fonts_;
    RunQueue run_queue_;
    WidgetRegistry registry_;
    OnScreenKeyboard keyboard_;
    Toasts toasts_;
    IdleMonitor idle_;
    std::unique_ptr<Session> session_;
    std::uint64_t session_serial_ = 0;
    std::vector<std::unique_ptr<Screen>> stack_;
    std::vector<PendingNav> pending_;
    std::unique_ptr<ConfirmRequest> confirm_;
    bool quit_requested_ = false;
    Services services_;
};

}  // namespace madoguchi
