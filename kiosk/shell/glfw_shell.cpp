// GlfwShell: window, GL context, ImGui backends, event-driven loop, screenshots.
#include "kiosk/shell/glfw_shell.hpp"

#define GLFW_INCLUDE_NONE
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <vector>

#include "kiosk/app.hpp"

namespace madoguchi {
namespace {

void glfw_error(int code, const char* text) { std::fprintf(stderr, "glfw error %d: %s\n", code, text); }

// Kiosk mode: the window manager's close (Alt+F4, a close button) is refused.
void refuse_close(GLFWwindow* w) { glfwSetWindowShouldClose(w, GLFW_FALSE); }

}  // namespace

GlfwShell::GlfwShell(App& app, const WindowOptions& o) : app_(app) {
    glfwSetErrorCallback(glfw_error);
    if (!glfwInit()) throw std::runtime_error("GLFW could not initialise (no display?)");
    created_at_s_ = glfwGetTime();
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_DOUBLEBUFFER, GLFW_TRUE);
    int w = o.width, h = o.height;
    if (!o.windowed) {
        GLFWmonitor* monitor = glfwGetPrimaryMonitor();
        if (const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr) {
            w = mode->width;
            h = mode->height;
        }
        glfwWindowHint(GLFW_DECORATED, GLFW_FALSE);  // borderless, covering the primary monitor
        glfwWindowHint(GLFW_FLOATING, GLFW_TRUE);
    }
    window_ = glfwCreateWindow(w, h, "Madoguchi", nullptr, nullptr);
    if (!window_) {
        glfwTerminate();
        throw std::runtime_error("Could not create an OpenGL 3.3 window");
    }
    if (!o.windowed) glfwSetWindowPos(window_, 0, 0);
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(1);
    if (o.kiosk) {
        glfwSetWindowCloseCallback(window_, refuse_close);
        glfwSetInputMode(window_, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
    }
    GLint max_tex = 2048;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_tex);
    max_texture_side_ = std::min<int>(max_tex, FontSet::kMaxAtlasSide);

    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    // Worker threads wake the loop when they post a result.
    app_.run_queue().set_wake([] { glfwPostEmptyEvent(); });
    last_frame_s_ = glfwGetTime();
}

GlfwShell::~GlfwShell() {
    app_.run_queue().set_wake(nullptr);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    if (window_) glfwDestroyWindow(window_);
    glfwTerminate();
}

ImVec2 GlfwShell::display_size() const {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    return ImVec2(static_cast<float>(w), static_cast<float>(h));
}

void GlfwShell::run_frame(const InjectedPointer* pointer, float dt_s) {
    glfwPollEvents();
    const double now = glfwGetTime();
    const float dt = dt_s > 0 ? dt_s : static_cast<float>(std::max(1e-3, now - last_frame_s_));
    last_frame_s_ = now;
    const ImVec2 display = display_size();
    run_frame_pass(
        app_, display, pointer, dt, max_texture_side_,
        [] {
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
        },
        [] {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        });
    glViewport(0, 0, static_cast<int>(display.x), static_cast<int>(display.y));
    glClearColor(0.96f, 0.97f, 0.98f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (first_frame_ms_ < 0) {
        glFinish();
        first_frame_ms_ = (glfwGetTime() - created_at_s_) * 1000.0;
    }
}

Status GlfwShell::screenshot(const std::string& png_path) {
    // Draw a fresh frame and read it back before it is presented.
    InjectedPointer away;
    run_frame(&away, 1.0f / 60.0f);
    const ImVec2 d = display_size();
    const int w = static_cast<int>(d.x), h = static_cast<int>(d.y);
    std::vector<unsigned char> rgba(static_cast<std::size_t>(w) * h * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    glfwSwapBuffers(window_);
    // GL rows go bottom-up; PNG rows top-down.
    std::vector<unsigned char> flipped(rgba.size());
    for (int y = 0; y < h; ++y)
        std::copy_n(&rgba[static_cast<std::size_t>(h - 1 - y) * w * 4], static_cast<std::size_t>(w) * 4,
                    &flipped[static_cast<std::size_t>(y) * w * 4]);
    if (!stbi_write_png(png_path.c_str(), w, h, 4, flipped.data(), w * 4))
        return Error{"screenshot.write", "", "画面を保存できません: " + png_path, "Cannot write " + png_path};
    return ok_status();
}

void GlfwShell::run_interactive(const bool& quit_requested) {
    int frames_left = 3;
    while (!quit_requested) {
        if (frames_left > 0) {
            run_frame(nullptr, 0);
            glfwSwapBuffers(window_);
            --frames_left;
            continue;
        }
        // Sleep until input, a worker message (glfwPostEmptyEvent) or the next timer.
        double timeout_s = 60.0;
        if (const auto wake = app_.next_wake_ms(); wake > 0)
            timeout_s = std::clamp((wake - app_.clock().now_ms()) / 1000.0, 0.0, 60.0);
        glfwWaitEventsTimeout(timeout_s);
        frames_left = 3;  // ImGui needs a couple of frames to settle (popups size themselves)
        if (glfwWindowShouldClose(window_)) break;
    }
}

}  // namespace madoguchi
