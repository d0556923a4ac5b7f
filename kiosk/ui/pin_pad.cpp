// PIN pad layout: 1-9, clear, 0, backspace; enter below.
#include "kiosk/ui/pin_pad.hpp"

#include <imgui.h>

#include "kiosk/ui/widgets.hpp"

namespace madoguchi::ui {

bool pin_pad(Ui& ui, const std::string& id, std::string& pin, std::size_t max_digits) {
    const auto& m = ui.metrics;
    const float key_w = m.em * 4.5f, key_h = m.em * 2.6f, gap = m.em * 0.4f;
    const float pad_w = key_w * 3 + gap * 2;
    const float left = (ImGui::GetContentRegionAvail().x - pad_w) * 0.5f;

    // Dots: one per digit typed, so a bystander sees only the length.
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + left);
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + pad_w, p.y + key_h), theme::kSurface, m.em * 0.3f);
    dl->AddRect(p, ImVec2(p.x + pad_w, p.y + key_h), theme::kBorder, m.em * 0.3f, 0, 2.0f);
    const float r = m.em * 0.35f;
    const float total = pin.size() * r * 3;
    for (std::size_t i = 0; i < pin.size(); ++i)
        dl->AddCircleFilled(ImVec2(p.x + (pad_w - total) * 0.5f + r * 1.5f + i * r * 3, p.y + key_h * 0.5f), r,
                            theme::kText);
    ImGui::Dummy(ImVec2(pad_w, key_h));
    ui.registry.record({id + ".display", "", WidgetKind::text, {p.x, p.y, pad_w, key_h}, true, true,
                        std::string(pin.size(), '*'), {}});

    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    static constexpr const char* kKeys[4][3] = {{"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}, {"C", "0", "<"}};
    ButtonOpts o;
    o.width = key_w;
    o.height = key_h;
    for (auto& row : kKeys) {
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + left);
        for (int c = 0; c < 3; ++c) {
            if (c) ImGui::SameLine();
            const std::string k = row[c];
            const std::string label = k == "C" ? ui.t("pin.clear") : k == "<" ? ui.t("kbd.backspace") : k;
            const std::string key_id = id + (k == "C" ? ".clear" : k == "<" ? ".back" : ".key." + k);
            if (!button(ui, key_id, label, o)) continue;
            if (k == "C") pin.clear();
            else if (k == "<") {
                if (!pin.empty()) pin.pop_back();
            } else if (pin.size() < max_digits) {
                pin += k;
            }
        }
    }
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + left);
    ButtonOpts enter{ButtonStyle::primary, pin.size() >= 4, pad_w, key_h};
    const bool submitted = button(ui, id + ".enter", ui.t("pin.enter"), enter);
    ImGui::PopStyleVar();
    return submitted;
}

}  // namespace madoguchi::ui
