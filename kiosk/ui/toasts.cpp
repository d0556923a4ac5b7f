// Toast drawing and expiry.
#include "kiosk/ui/toasts.hpp"

#include <imgui.h>

#include <algorithm>

#include "kiosk/ui/theme.hpp"

namespace madoguchi {

void Toasts::show(std::string text, ToastKind kind, std::int64_t now_ms, std::int64_t duration_ms) {
    items_.erase(std::remove_if(items_.begin(), items_.end(),
                                [&](const Item& i) { return i.kind == kind && i.text == text; }),
                 items_.end());
    items_.push_back({std::move(text), kind, now_ms + duration_ms, frames_drawn_});
    if (items_.size() > 3) items_.erase(items_.begin());
}

void Toasts::leave_screen() {
    // The app draws the toasts and then applies navigation, so a toast shown
    // during this frame carries the stamp of the previous draw.
    const std::uint64_t this_frame = frames_drawn_ == 0 ? 0 : frames_drawn_ - 1;
    items_.erase(std::remove_if(items_.begin(), items_.end(),
                                [&](const Item& i) {
                                    return i.kind == ToastKind::error || i.shown_in_frame < this_frame;
                                }),
                 items_.end());
}

std::int64_t Toasts::next_expiry_ms() const {
    std::int64_t next = 0;
    for (const auto& i : items_)
        if (next == 0 || i.expires_ms < next) next = i.expires_ms;
    return next;
}

void Toasts::draw(Ui& ui, float display_w) {
    ++frames_drawn_;
    const auto now = ui.clock.now_ms();
    items_.erase(std::remove_if(items_.begin(), items_.end(), [&](const Item& i) { return i.expires_ms <= now; }),
                 items_.end());
    float y = ui.metrics.header_h() + ui.metrics.gap();
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    for (std::size_t n = 0; n < items_.size(); ++n) {
        const auto& it = items_[n];
        ui.fonts.note(it.text);
        ImVec2 sz = ImGui::CalcTextSize(it.text.c_str());
        float pad = ui.metrics.em * 0.7f;
        float x = (display_w - sz.x) * 0.5f - pad;
        ImU32 bg = it.kind == ToastKind::error     ? theme::kError
                   : it.kind == ToastKind::success ? IM_COL32(46, 125, 50, 240)
                                                   : IM_COL32(40, 48, 60, 235);
        dl->AddRectFilled(ImVec2(x, y), ImVec2(x + sz.x + pad * 2, y + sz.y + pad * 2), bg, pad);
        dl->AddText(ImVec2(x + pad, y + pad), IM_COL32_WHITE, it.text.c_str());
        ui.registry.record({"toast." + std::to_string(n), it.text, WidgetKind::text,
                            {x, y, sz.x + pad * 2, sz.y + pad * 2}, true, true, it.text, {}});
        y += sz.y + pad * 2 + ui.metrics.gap();
    }
}

}  // namespace madoguchi
