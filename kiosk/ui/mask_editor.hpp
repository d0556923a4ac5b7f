// MaskEditor: staff drag rectangles over a captured document (the numbers
// that must not be kept); the rectangles are kept in the document's own
// pixels and shown as they will be burned in (solid black).
#pragma once

#include "kiosk/ui/theme.hpp"

#include <cmath>

#include <algorithm>

#include <imgui_internal.h>

#include <string>
#include <vector>

#include "data/imaging/geometry.hpp"
#include "kiosk/ui/image_view.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace madoguchi::ui {

class MaskEditor {
public:
    // Draws `view` in a box of `size` at the cursor with `masks` over it;
    // a drag adds one rectangle (ignored when smaller than a fingertip's
    // jitter). Records "<id>.canvas" in the widget registry with the image
    // rectangle and the mask count as its value. True when masks changed.
    bool draw(Ui& ui, const std::string& id, const ImageView& view, std::vector<PixelRect>& masks, ImVec2 size);

private:
    bool dragging_ = false;
    ImVec2 start_{};
};

// Inline so the UI kit needs no build-file change for these two pieces.

inline bool MaskEditor::draw(Ui& ui, const std::string& id, const ImageView& view, std::vector<PixelRect>& masks,
                      ImVec2 size) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id.c_str(), size);
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), theme::kSecondary);
    const ImRect shown = view.draw(list, origin, size);
    const float w = shown.GetWidth(), h = shown.GetHeight();
    ui.registry.record({id + ".canvas", "", WidgetKind::button, {shown.Min.x, shown.Min.y, w, h}, !view.empty(),
                        true, std::to_string(masks.size()), {}});
    if (view.empty() || w <= 0 || h <= 0) return false;

    const double sx = view.source_width() / static_cast<double>(w);
    const double sy = view.source_height() / static_cast<double>(h);
    for (const PixelRect& m : masks) {
        const ImVec2 a(shown.Min.x + static_cast<float>(m.x / sx), shown.Min.y + static_cast<float>(m.y / sy));
        const ImVec2 b(shown.Min.x + static_cast<float>((m.x + m.width) / sx),
                       shown.Min.y + static_cast<float>((m.y + m.height) / sy));
        list->AddRectFilled(a, b, IM_COL32(0, 0, 0, 255));
        list->AddRect(a, b, theme::kFocus, 0, 0, 2.0f);
    }

    auto clamp_to_image = [&](ImVec2 p) {
        return ImVec2(std::clamp(p.x, shown.Min.x, shown.Max.x), std::clamp(p.y, shown.Min.y, shown.Max.y));
    };
    const ImVec2 mouse = clamp_to_image(ImGui::GetIO().MousePos);
    if (ImGui::IsItemActivated()) {
        dragging_ = true;
        start_ = mouse;
    }
    bool changed = false;
    if (dragging_) {
        const ImVec2 a(std::min(start_.x, mouse.x), std::min(start_.y, mouse.y));
        const ImVec2 b(std::max(start_.x, mouse.x), std::max(start_.y, mouse.y));
        if (ImGui::IsItemActive()) {
            list->AddRectFilled(a, b, theme::kDim);
            list->AddRect(a, b, theme::kFocus, 0, 0, 3.0f);
        } else {
            dragging_ = false;
            // A drag shorter than a third of the body text is a stray touch.
            if (b.x - a.x >= ui.metrics.em * 0.33f && b.y - a.y >= ui.metrics.em * 0.33f) {
                // Outward rounding: the mask never ends up smaller than drawn.
                const int x0 = static_cast<int>(std::floor((a.x - shown.Min.x) * sx));
                const int y0 = static_cast<int>(std::floor((a.y - shown.Min.y) * sy));
                const int x1 = static_cast<int>(std::ceil((b.x - shown.Min.x) * sx));
                const int y1 = static_cast<int>(std::ceil((b.y - shown.Min.y) * sy));
                PixelRect r = clip_rect({x0, y0, x1 - x0, y1 - y0}, view.source_width(), view.source_height());
                if (!r.empty()) {
                    masks.push_back(r);
                    changed = true;
                }
            }
        }
    }
    return changed;
}

}  // namespace madoguchi::ui
