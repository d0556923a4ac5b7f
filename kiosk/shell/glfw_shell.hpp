// The device shell: a full-screen borderless GLFW window with an OpenGL 3
// context, hidden cursor, close requests ignored in kiosk mode, and the
// event-driven loop (wait for input, timers or worker messages; draw a few
// frames after each; sleep otherwise).
#pragma once

#include <string>

#include "kiosk/shell/frame_runner.hpp"

struct GLFWwindow;

namespace madoguchi {

struct WindowOptions {
    bool windowed = false;  // development: a normal window of width × height
    int width = 1280;
    int height = 800;
    bool kiosk = true;      // ignore close requests, hide the cursor
};

class GlfwShell final : public FrameRunner {
public:
    // Creates the window and GL context; throws std::runtime_error at start-up failure.
    GlfwShell(App& app, const WindowOptions& options);
    ~GlfwShell() override;
    GlfwShell(const GlfwShell&) = delete;
    GlfwShell& operator=(const GlfwShell&) = delete;

    // The interactive loop; returns when the app asks to quit (technician exit).
    void run_interactive(const bool& quit_requested);

    void run_frame(const InjectedPointer* pointer, float dt_s) override;
    ImVec2 display_size() const override;
    Status screenshot(const std::string& png_path) override;
    bool can_screenshot() const override { return true; }

    // Milliseconds from construction to the first frame on screen.
    double first_frame_ms() const { return first_frame_ms_; }
    int max_texture_side() const { return max_texture_side_; }

private:
    App& app_;
    GLFWwindow* window_ = nullptr;
    int max_texture_side_ = 2048;
    double created_at_s_ = 0;
    double first_frame_ms_ = -1;
    double last_frame_s_ = 0;
};

}  // namespace madoguchi
