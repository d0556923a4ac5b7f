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
    PointF start_{}, end_{};  // document pixels
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

    // The drag follows the finger itself (pressed on the editor, then held),
    // not ImGui's active item: the screen's drag-to-scroll region clears the
    // active item once a finger moves half a line vertically (a drag there is
    // a scroll, not a tap), which ended a mask at that point — it covered
    // less than dragged. While a mask is being drawn the region's scroll is
    // undone too (the last SetScrollY of a frame wins), as the signature pad
    // does. The drag is kept in document pixels, so a canvas that moved
    // between frames does not shift it, and a release without a position
    // (touch lifted) ends at the last point seen.
    auto to_image = [&](ImVec2 p) {
        return PointF{(std::clamp(p.x, shown.Min.x, shown.Max.x) - shown.Min.x) * sx,
                      (std::clamp(p.y, shown.Min.y, shown.Max.y) - shown.Min.y) * sy};
    };
    auto to_screen = [&](PointF p) {
        return ImVec2(shown.Min.x + static_cast<float>(p.x / sx), shown.Min.y + static_cast<float>(p.y / sy));
    };
    const ImGuiIO& io = ImGui::GetIO();
    const bool mouse_valid = ImGui::IsMousePosValid(&io.MousePos);
    if (io.MouseClicked[0] && mouse_valid && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) {
        dragging_ = true;
        start_ = end_ = to_image(io.MousePos);
    }
    bool changed = false;
    if (dragging_) {
        if (mouse_valid) end_ = to_image(io.MousePos);
        const PointF lo{std::min(start_.x, end_.x), std::min(start_.y, end_.y)};
        const PointF hi{std::max(start_.x, end_.x), std::max(start_.y, end_.y)};
        if (io.MouseDown[0]) {
            ImGui::SetScrollY(ImGui::GetScrollY());
            list->AddRectFilled(to_screen(lo), to_screen(hi), theme::kDim);
            list->AddRect(to_screen(lo), to_screen(hi), theme::kFocus, 0, 0, 3.0f);
        } else {
            dragging_ = false;
            // A drag shorter than a third of the body text is a stray touch.
            const double min_x = ui.metrics.em * 0.33 * sx, min_y = ui.metrics.em * 0.33 * sy;
            if (hi.x - lo.x >= min_x && hi.y - lo.y >= min_y) {
                // Outward rounding: the mask never ends up smaller than drawn.
                const int x0 = static_cast<int>(std::floor(lo.x)), y0 = static_cast<int>(std::floor(lo.y));
                const int x1 = static_cast<int>(std::ceil(hi.x)), y1 = static_cast<int>(std::ceil(hi.y));
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
