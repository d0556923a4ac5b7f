// Kiosk ImGui style: sizes scale with the font, touch padding on.
#include "kiosk/ui/theme.hpp"

namespace madoguchi::theme {

void apply(float em) {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    const float s = em / 13.0f;  // ImGui's defaults are tuned for a 13 px font
    style.ScaleAllSizes(s);
    style.WindowRounding = 0;
    style.FrameRounding = em * 0.3f;
    style.GrabRounding = em * 0.3f;
    style.WindowBorderSize = 0;
    style.FrameBorderSize = 1.0f;
    style.ScrollbarSize = em * 0.6f;
    style.TouchExtraPadding = ImVec2(em * 0.1f, em * 0.1f);
    style.ItemSpacing = ImVec2(em * 0.5f, em * 0.5f);
    auto* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(kBackground);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = ImGui::ColorConvertU32ToFloat4(kSurface);
    c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(kText);
    c[ImGuiCol_Button] = ImGui::ColorConvertU32ToFloat4(kSecondary);
    c[ImGuiCol_ButtonHovered] = ImGui::ColorConvertU32ToFloat4(kSecondary);  // no hover-only affordance
    c[ImGuiCol_ButtonActive] = ImGui::ColorConvertU32ToFloat4(kBorder);
    c[ImGuiCol_FrameBg] = ImGui::ColorConvertU32ToFloat4(kSurface);
    c[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(kBorder);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    ImGui::GetStyle() = style;
}

}  // namespace madoguchi::theme
