// One frame of the app on some backend: GLFW + OpenGL on the device,
// no renderer at all in headless tests. Scripts and tests inject the pointer.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>

#include "data/result.hpp"

namespace madoguchi {

class App;

struct InjectedPointer {
    float x = -FLT_MAX;
    float y = -FLT_MAX;
    bool down = false;
};

class FrameRunner {
public:
    virtual ~FrameRunner() = default;
    // Runs one frame. With `pointer`, real input is replaced by it.
    virtual void run_frame(const InjectedPointer* pointer, float dt_s) = 0;
    virtual ImVec2 display_size() const = 0;
    // Writes what the last frame showed as PNG (needs a renderer).
    virtual Status screenshot(const std::string& png_path) = 0;
    virtual bool can_screenshot() const = 0;
};

// The frame pass shared by every runner: build the atlas when glyphs are
// missing, run the app, and when the app asked for glyphs the atlas did
// not have, throw that frame away and draw it again with them (so a box is
// never shown). `begin_backend` starts the backend's frame; `upload_atlas`
// re-uploads the font texture after a rebuild.
template <typename BeginBackend, typename UploadAtlas>
void run_frame_pass(App& app, ImVec2 display, const InjectedPointer* pointer, float dt_s, int max_texture_side,
                    BeginBackend&& begin_backend, UploadAtlas&& upload_atlas);

}  // namespace madoguchi

#include "kiosk/shell/frame_pass.inl"
