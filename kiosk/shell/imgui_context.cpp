// ImGuiContextGuard.
#include "kiosk/shell/imgui_context.hpp"

#include "kiosk/ui/theme.hpp"

namespace madoguchi {

ImGuiContextGuard::ImGuiContextGuard(float em) : ctx_(ImGui::CreateContext()) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a shared kiosk keeps no UI state on disk
    io.LogFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;
    io.MouseDragThreshold = em * 0.5f;
    theme::apply(em);
}

ImGuiContextGuard::~ImGuiContextGuard() { ImGui::DestroyContext(ctx_); }

}  // namespace madoguchi
