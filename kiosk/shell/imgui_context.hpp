// RAII for the ImGui context: no ini file (nothing persisted between
// sessions), no log file, kiosk style applied.
#pragma once

#include <imgui.h>

namespace madoguchi {

class ImGuiContextGuard {
public:
    explicit ImGuiContextGuard(float em);
    ~ImGuiContextGuard();
    ImGuiContextGuard(const ImGuiContextGuard&) = delete;
    ImGuiContextGuard& operator=(const ImGuiContextGuard&) = delete;

private:
    ImGuiContext* ctx_;
};

}  // namespace madoguchi
