// SignaturePad: finger strokes, their checks and their PNG rendering.
#include "kiosk/ui/signature_pad.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "data/imaging/image_codec.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

namespace madoguchi::ui {
namespace {

SignaturePoint clamped(SignaturePoint p) { return {std::clamp(p.x, 0.0f, 1.0f), std::clamp(p.y, 0.0f, 1.0f)}; }

// Distance in pad heights (x is stretched by the aspect ratio).
float distance(SignaturePoint a, SignaturePoint b) {
    return std::hypot((a.x - b.x) * kSignatureAspect, a.y - b.y);
}

void stamp_disc(Image& img, float cx, float cy, float r) {
    const int x0 = std::max(0, static_cast<int>(std::floor(cx - r)));
    const int x1 = std::min(img.width - 1, static_cast<int>(std::ceil(cx + r)));
    const int y0 = std::max(0, static_cast<int>(std::floor(cy - r)));
    const int y1 = std::min(img.height - 1, static_cast<int>(std::ceil(cy + r)));
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x) {
            const float dx = static_cast<float>(x) - cx, dy = static_cast<float>(y) - cy;
            if (dx * dx + dy * dy <= r * r) *img.at(x, y) = 0;
        }
}

}  // namespace

Status check_signature(const std::vector<SignatureStroke>& strokes) {
    float min_x = 2, min_y = 2, max_x = -1, max_y = -1, length = 0;
    std::size_t points = 0;
    for (const auto& s : strokes) {
        for (std::size_t i = 0; i < s.size(); ++i) {
            min_x = std::min(min_x, s[i].x), max_x = std::max(max_x, s[i].x);
            min_y = std::min(min_y, s[i].y), max_y = std::max(max_y, s[i].y);
            if (i > 0) length += distance(s[i - 1], s[i]);
            ++points;
        }
    }
    if (points == 0)
        return Error{"signature.empty", "signature", "枠の中に指で署名してください。",
                     "Please sign inside the box with your finger."};
    const float span_x = (max_x - min_x) * kSignatureAspect, span_y = max_y - min_y;
    if ((span_x < 0.5f && span_y < 0.5f) || length < 1.0f)
        return Error{"signature.too_small", "signature", "署名が小さすぎます。枠いっぱいにお名前を書いてください。",
                     "The signature is too small. Please write your name across the box."};
    return ok_status();
}

Image render_signature(const std::vector<SignatureStroke>& strokes, int width, int height, float ink_px) {
    Image img = make_image(width, height, 1, 255);
    const float r = std::max(0.5f, ink_px * 0.5f);
    const auto px = [&](SignaturePoint p) {
        return ImVec2(p.x * static_cast<float>(width - 1), p.y * static_cast<float>(height - 1));
    };
    for (const auto& s : strokes) {
        if (s.empty()) continue;
        ImVec2 prev = px(s.front());
        stamp_disc(img, prev.x, prev.y, r);
        for (std::size_t i = 1; i < s.size(); ++i) {
            const ImVec2 next = px(s[i]);
            const float len = std::hypot(next.x - prev.x, next.y - prev.y);
            const int steps = std::max(1, static_cast<int>(std::ceil(len / 0.5f)));
            for (int k = 1; k <= steps; ++k) {
                const float t = static_cast<float>(k) / static_cast<float>(steps);
                stamp_disc(img, prev.x + (next.x - prev.x) * t, prev.y + (next.y - prev.y) * t, r);
            }
            prev = next;
        }
    }
    return img;
}

Result<std::vector<std::uint8_t>> signature_png(const std::vector<SignatureStroke>& strokes) {
    return encode_png(render_signature(strokes, kSignaturePngWidth, kSignaturePngHeight, 6.0f));
}

std::size_t SignaturePad::point_count() const {
    std::size_t n = 0;
    for (const auto& s : strokes_) n += s.size();
    return n;
}

void SignaturePad::clear() {
    strokes_.clear();
    drawing_ = false;
    error.reset();
}

void SignaturePad::add_stroke(SignatureStroke stroke) {
    for (auto& p : stroke) p = clamped(p);
    if (!stroke.empty()) strokes_.push_back(std::move(stroke));
}

bool SignaturePad::draw(Ui& ui, const std::string& id, const std::string& label, float max_height_em) {
    const auto& m = ui.metrics;
    text(ui, label);
    ImGui::PushID(id.c_str());
    const float avail = ImGui::GetContentRegionAvail().x;
    const float h = std::max(m.touch_min(), std::min(avail / kSignatureAspect, m.em * max_height_em));
    const float w = h * kSignatureAspect;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##pad", ImVec2(w, h));
    const bool hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    const WidgetRect rect{pos.x, pos.y, w, h};
    const bool visible = ImGui::IsItemVisible();

    const ImGuiIO& io = ImGui::GetIO();
    const auto to_pad = [&](ImVec2 p) { return clamped({(p.x - pos.x) / w, (p.y - pos.y) / h}); };
    bool changed = false;
    if (io.MouseClicked[0] && hovered && point_count() < kSignatureMaxPoints) {
        drawing_ = true;
        strokes_.push_back({to_pad(io.MousePos)});
        error.reset();
        changed = true;
    } else if (drawing_ && io.MouseDown[0] && !strokes_.empty() && point_count() < kSignatureMaxPoints) {
        const SignaturePoint p = to_pad(io.MousePos);
        if (distance(p, strokes_.back().back()) > 0.004f) {
            strokes_.back().push_back(p);
            changed = true;
        }
    }
    if (!io.MouseDown[0]) drawing_ = false;
    // A stroke is not a scroll: undo the drag-scroll the surrounding region
    // asked for this frame (the last SetScrollY of a frame wins).
    if (drawing_) ImGui::SetScrollY(ImGui::GetScrollY());

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), theme::kSurface, m.em * 0.3f);
    dl->AddRect(pos, ImVec2(pos.x + w, pos.y + h), error ? theme::kError : (drawing_ ? theme::kFocus : theme::kBorder),
                m.em * 0.3f, 0, drawing_ ? 4.0f : 2.0f);
    // The signing line, as on paper.
    const float base_y = pos.y + h * 0.75f;
    dl->AddLine(ImVec2(pos.x + m.em, base_y), ImVec2(pos.x + w - m.em, base_y), theme::kBorder, 2.0f);
    dl->AddText(ImVec2(pos.x + m.em * 0.4f, base_y - m.em * 1.3f), theme::kMuted, "×");
    if (strokes_.empty()) {
        const std::string& hint = ui.t("signature.placeholder");
        ui.fonts.note(hint);
        const ImVec2 ts = ImGui::CalcTextSize(hint.c_str());
        dl->AddText(ImVec2(pos.x + (w - ts.x) * 0.5f, pos.y + h * 0.3f - ts.y * 0.5f), theme::kMuted, hint.c_str());
    }
    ui.fonts.note("×");
    dl->PushClipRect(pos, ImVec2(pos.x + w, pos.y + h), true);
    const float ink = std::max(2.0f, m.em * 0.12f);
    for (const auto& s : strokes_) {
        std::vector<ImVec2> pts;
        pts.reserve(s.size());
        for (const auto& p : s) pts.emplace_back(pos.x + p.x * w, pos.y + p.y * h);
        if (pts.size() == 1)
            dl->AddCircleFilled(pts[0], ink * 0.6f, theme::kText);
        else
            dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), theme::kText, ImDrawFlags_None, ink);
    }
    dl->PopClipRect();
    ui.registry.record({id, label, WidgetKind::button, rect, true, visible, std::to_string(strokes_.size()),
                        error ? ui.msg(*error) : std::string{}});
    ImGui::PopID();
    if (error) error_text(ui, *error);
    ButtonOpts o;
    o.enabled = !strokes_.empty();
    if (button(ui, id + ".clear", ui.t("signature.clear"), o)) {
        clear();
        changed = true;
    }
    return changed;
}

}  // namespace madoguchi::ui
