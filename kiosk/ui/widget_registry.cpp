// WidgetRegistry: recording (with each widget's scroll place) and lookups.
#include "kiosk/ui/widget_registry.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ImGuiWindow: clip and inner rects, parent

#include <algorithm>
#include <cassert>
#include <cmath>

namespace madoguchi {
namespace {

WidgetRect rect_of(const ImRect& r) {
    return {r.Min.x, r.Min.y, std::max(0.0f, r.Max.x - r.Min.x), std::max(0.0f, r.Max.y - r.Min.y)};
}

// The current window's place; empty outside a frame (a registry filled by hand).
WidgetPlace current_place() {
    WidgetPlace p;
    if (!ImGui::GetCurrentContext()) return p;
    const ImGuiWindow* w = ImGui::GetCurrentWindowRead();
    if (!w) return p;
    p.clip = rect_of(w->ClipRect);
    // The region's own clip rect as ImGui builds it (InnerRect less half the
    // padding), before the parent's clip rect cuts it.
    ImRect own = w->InnerRect;
    const float pad_x = std::max(std::floor(w->WindowPadding.x * 0.5f), w->WindowBorderSize);
    const float pad_y = std::max(std::floor(w->WindowPadding.y * 0.5f), w->WindowBorderSize);
    own.Min.x += pad_x, own.Min.y += pad_y, own.Max.x -= pad_x, own.Max.y -= pad_y;
    p.region = rect_of(own);
    const ImGuiWindow* parent = (w->Flags & ImGuiWindowFlags_ChildWindow) ? w->ParentWindow : nullptr;
    if (parent) {
        p.outer = rect_of(parent->ClipRect);
    } else {
        const ImVec2 display = ImGui::GetIO().DisplaySize;
        p.outer = {0, 0, display.x, display.y};
    }
    return p;
}

}  // namespace

void WidgetRegistry::record(WidgetRecord r) {
    records_.push_back(std::move(r));
    places_.push_back(current_place());
}

const WidgetPlace& WidgetRegistry::place_of(const WidgetRecord& r) const {
    assert(&r >= records_.data() && &r < records_.data() + records_.size());
    return places_[static_cast<std::size_t>(&r - records_.data())];
}

const WidgetRecord* WidgetRegistry::find(const std::string& id) const {
    for (auto it = records_.rbegin(); it != records_.rend(); ++it)
        if (it->id == id) return &*it;
    return nullptr;
}

std::vector<const WidgetRecord*> WidgetRegistry::with_prefix(const std::string& prefix) const {
    std::vector<const WidgetRecord*> out;
    for (const auto& r : records_)
        if (r.id.rfind(prefix, 0) == 0) out.push_back(&r);
    return out;
}

}  // namespace madoguchi
