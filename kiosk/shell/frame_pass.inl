// Implementation of run_frame_pass (a template so each runner inlines its backend calls).
#pragma once

#include "kiosk/app.hpp"

namespace madoguchi {

template <typename BeginBackend, typename UploadAtlas>
void run_frame_pass(App& app, ImVec2 display, const InjectedPointer* pointer, float dt_s, int max_texture_side,
                    BeginBackend&& begin_backend, UploadAtlas&& upload_atlas) {
    ImGuiIO& io = ImGui::GetIO();
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (app.fonts().dirty()) {
            if (auto s = app.fonts().build(*io.Fonts, max_texture_side); !s)
                throw std::runtime_error(s.error().message_en);  // start-up class failure: no text at all
            upload_atlas();
        }
        begin_backend();
        io.DisplaySize = display;
        io.DeltaTime = dt_s > 0 ? dt_s : 1.0f / 60.0f;
        if (pointer) {
            io.MousePos = ImVec2(pointer->x, pointer->y);
            io.MouseDown[0] = pointer->down;
        }
        ImGui::NewFrame();
        app.frame(display);
        if (!app.fonts().dirty() || attempt == 2) {
            ImGui::Render();
            return;
        }
        ImGui::EndFrame();  // glyphs were missing: rebuild and draw this frame again
    }
}

}  // namespace madoguchi
