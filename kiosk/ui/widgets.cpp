// Touch widget implementations on top of ImGui 1.86.
#include "kiosk/ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "kiosk/ui/japanese_date_label.hpp"
#include "kiosk/ui/onscreen_keyboard.hpp"

namespace madoguchi::ui {
namespace {

WidgetRect item_rect() {
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    return {a.x, a.y, b.x - a.x, b.y - a.y};
}

// Visible = a finger can touch it: its centre lies inside the clip rectangle
// of its window (and so on the display). A widget only partly scrolled into
// view would otherwise count as visible while its centre is off-screen.
bool item_visible() {
    if (!ImGui::IsItemVisible()) return false;
    const ImGuiWindow* window = ImGui::GetCurrentWindowRead();
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const ImVec2 centre((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
    return window->ClipRect.Contains(centre);
}

ImU32 fill_for(ButtonStyle s, bool active) {
    switch (s) {
        case ButtonStyle::primary: return active ? theme::kPrimaryActive : theme::kPrimary;
        case ButtonStyle::danger: return active ? IM_COL32(150, 30, 30, 255) : theme::kError;
        case ButtonStyle::quiet: return active ? theme::kSecondary : IM_COL32(0, 0, 0, 0);
        default: return active ? theme::kBorder : theme::kSecondary;
    }
}

ImU32 text_for(ButtonStyle s) {
    return (s == ButtonStyle::primary || s == ButtonStyle::danger) ? IM_COL32_WHITE
           : s == ButtonStyle::quiet                                ? theme::kPrimary
                                                                    : theme::kText;
}

std::string masked(const std::string& v) { return std::string(utf8_length(v), '*'); }

}  // namespace

bool button(Ui& ui, const std::string& id, const std::string& label, ButtonOpts opts) {
    ui.fonts.note(label);
    const auto& m = ui.metrics;
    ImVec2 text_size = ImGui::CalcTextSize(label.c_str());
    float h = opts.height > 0 ? opts.height : (opts.style == ButtonStyle::primary ? m.primary_h() : m.button_h());
    h = std::max(h, m.touch_min());
    float w = opts.width > 0 ? opts.width : text_size.x + m.em * 1.6f;
    if (opts.width < 0) w = ImGui::GetContentRegionAvail().x;
    w = std::max(w, m.touch_min());

    ImGui::PushID(id.c_str());
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool pressed = ImGui::InvisibleButton("##b", ImVec2(w, h)) && opts.enabled;
    bool active = ImGui::IsItemActive() && opts.enabled;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 fill = opts.enabled ? fill_for(opts.style, active) : IM_COL32(220, 223, 228, 255);
    dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), fill, m.em * 0.35f);
    if (opts.style == ButtonStyle::secondary)
        dl->AddRect(pos, ImVec2(pos.x + w, pos.y + h), theme::kBorder, m.em * 0.35f, 0, 1.5f);
    ImU32 tc = opts.enabled ? text_for(opts.style) : theme::kMuted;
    dl->AddText(ImVec2(pos.x + (w - text_size.x) * 0.5f, pos.y + (h - text_size.y) * 0.5f), tc, label.c_str());
    ui.registry.record({id, label, WidgetKind::button, item_rect(), opts.enabled, item_visible(), {}, {}});
    ImGui::PopID();
    return pressed;
}

void text(Ui& ui, const std::string& s, ImU32 color) {
    ui.fonts.note(s);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(s.c_str());
    ImGui::PopStyleColor();
}

void text_wrapped(Ui& ui, const std::string& s, ImU32 color) {
    ui.fonts.note(s);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(s.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void title(Ui& ui, const std::string& s) {
    ui.fonts.note(s, FontRole::title);
    ImGui::PushFont(ui.fonts.title());
    ImGui::TextUnformatted(s.c_str());
    ImGui::PopFont();
}

void error_text(Ui& ui, const Error& e) { text_wrapped(ui, "⚠ " + ui.msg(e), theme::kError); }

void requirement_badge(Ui& ui, bool required) {
    const std::string& label = ui.t(required ? "field.required" : "field.optional");
    ui.fonts.note(label);
    ImVec2 sz = ImGui::CalcTextSize(label.c_str());
    ImVec2 p = ImGui::GetCursorScreenPos();
    float pad = ui.metrics.em * 0.25f;
    ImU32 col = required ? theme::kRequired : theme::kOptional;
    ImGui::GetWindowDrawList()->AddRect(p, ImVec2(p.x + sz.x + pad * 2, p.y + sz.y), col, pad);
    ImGui::GetWindowDrawList()->AddText(ImVec2(p.x + pad, p.y), col, label.c_str());
    ImGui::Dummy(ImVec2(sz.x + pad * 2, sz.y));
}

namespace {

// The part of the current scroll region a finger can see: from the region's
// top (the header's bottom for a screen's form) down to the keyboard's top
// edge, computed from the display so it is right in the very frame the
// keyboard opens (the region itself shrinks only from the next frame).
struct VisibleBand {
    float top = 0, bottom = 0;
    float height() const { return bottom - top; }
};

VisibleBand visible_band(Ui& ui) {
    const ImGuiWindow* window = ImGui::GetCurrentWindowRead();
    const float keyboard_top = ImGui::GetIO().DisplaySize.y - ui.keyboard.height(ui.metrics);
    const float margin = ui.metrics.gap() * 0.5f;
    return {window->InnerRect.Min.y + margin, std::min(window->InnerRect.Max.y, keyboard_top) - margin};
}

// Box height of a field: a multi-line box being edited is no taller than
// the visible band (on a short display the kana keyboard leaves little room
// above it) and shows its last lines, where the keyboard types.
float field_box_height(Ui& ui, bool multiline, bool editing) {
    const auto& m = ui.metrics;
    const float full = std::max(m.touch_min(), m.em * (multiline ? 4.5f : 2.2f));
    if (!multiline || !editing) return full;
    return std::clamp(visible_band(ui).height(), m.touch_min(), full);
}

// Scrolls the current region so the box [box_top, box_bottom] lies inside
// the visible band, with its label (from label_top) when both fit; a field
// above the band scrolls down into it just as one below scrolls up.
void scroll_into_band(Ui& ui, float label_top, float box_top, float box_bottom) {
    const VisibleBand band = visible_band(ui);
    const float want_top = box_bottom - label_top <= band.height() ? label_top : box_top;
    float delta = 0;
    if (box_bottom > band.bottom) delta = box_bottom - band.bottom;
    if (want_top - delta < band.top) delta = want_top - band.top;
    if (delta != 0) ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() + delta));
}

}  // namespace

void text_field(Ui& ui, const std::string& id, const std::string& label, TextField& field, const std::string& hint) {
    const auto& m = ui.metrics;
    const float label_top = ImGui::GetCursorScreenPos().y;
    text(ui, label);
    ImGui::SameLine();
    requirement_badge(ui, field.required);

    bool editing = ui.keyboard.is_editing(field);
    const std::string shown = field.kind == FieldKind::password ? masked(field.value) : field.value;
    ui.fonts.note(shown);
    if (!hint.empty()) ui.fonts.note(hint);

    ImGui::PushID(id.c_str());
    const float w = ImGui::GetContentRegionAvail().x;
    const bool multiline = field.kind == FieldKind::multiline;
    const float h = field_box_height(ui, multiline, editing);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("##field", ImVec2(w, h))) {
        ui.keyboard.open(field, id, label);
        editing = true;
    }
    // Opening the keyboard (or changing its layout, and so its height) asks
    // once for the field to be scrolled between the header and the keys.
    if (editing && ui.keyboard.take_reveal_request())
        scroll_into_band(ui, label_top, pos.y, pos.y + field_box_height(ui, multiline, true));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 border = field.error ? theme::kError : (editing ? theme::kFocus : theme::kBorder);
    dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), field.error ? theme::kErrorBg : theme::kSurface,
                      m.em * 0.3f);
    dl->AddRect(pos, ImVec2(pos.x + w, pos.y + h), border, m.em * 0.3f, 0, editing ? 4.0f : 2.0f);
    ImVec2 tp(pos.x + m.em * 0.5f, pos.y + (multiline ? m.em * 0.4f : (h - m.em * 1.2f) * 0.5f));
    const float wrap = multiline ? w - m.em : 0.0f;
    if (multiline && editing) {
        // Longer than the box: the last lines show (the caret is at the end).
        const float text_h = ImGui::CalcTextSize(shown.c_str(), nullptr, false, wrap).y;
        const float room = h - m.em * 0.8f;
        if (text_h > room) tp.y -= text_h - room;
    }
    dl->PushClipRect(pos, ImVec2(pos.x + w - m.em * 0.3f, pos.y + h), true);
    if (shown.empty() && !hint.empty())
        dl->AddText(tp, theme::kMuted, hint.c_str());
    else
        dl->AddText(nullptr, 0.0f, tp, theme::kText, shown.c_str(), nullptr, wrap);
    if (editing) {  // caret after the text (the keyboard edits at the end)
        ImVec2 end = ImGui::CalcTextSize(shown.c_str(), nullptr, false, multiline ? wrap : -1.0f);
        float cx = tp.x + (multiline ? 0 : end.x) + 2;
        float cy = tp.y + (multiline ? end.y - m.em * 1.2f : 0);
        if (multiline) {
            // caret at the end of the last line
            const char* last_nl = shown.empty() ? nullptr : std::strrchr(shown.c_str(), '\n');
            cx = tp.x + ImGui::CalcTextSize(last_nl ? last_nl + 1 : shown.c_str()).x + 2;
        }
        dl->AddLine(ImVec2(cx, cy), ImVec2(cx, cy + m.em * 1.2f), theme::kFocus, 3.0f);
    }
    dl->PopClipRect();
    ui.registry.record({id, label, WidgetKind::text_field, item_rect(), true, item_visible(), shown,
                        field.error ? ui.msg(*field.error) : std::string{}});
    ImGui::PopID();
    if (field.error) error_text(ui, *field.error);
    ImGui::Dummy(ImVec2(0, m.gap() * 0.5f));
}

bool toggle(Ui& ui, const std::string& id, const std::string& label, bool& value) {
    const auto& m = ui.metrics;
    ui.fonts.note(label);
    ImGui::PushID(id.c_str());
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float h = m.touch_min();
    float track_w = m.em * 3.2f, track_h = m.em * 1.6f;
    float label_w = ImGui::CalcTextSize(label.c_str()).x;
    bool pressed = ImGui::InvisibleButton("##t", ImVec2(track_w + m.em + label_w, h));
    if (pressed) value = !value;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 t0(pos.x, pos.y + (h - track_h) * 0.5f);
    dl->AddRectFilled(t0, ImVec2(t0.x + track_w, t0.y + track_h), value ? theme::kPrimary : theme::kBorder,
                      track_h * 0.5f);
    float knob_x = value ? t0.x + track_w - track_h * 0.5f : t0.x + track_h * 0.5f;
    dl->AddCircleFilled(ImVec2(knob_x, t0.y + track_h * 0.5f), track_h * 0.42f, IM_COL32_WHITE);
    dl->AddText(ImVec2(pos.x + track_w + m.em * 0.6f, pos.y + (h - m.em * 1.2f) * 0.5f), theme::kText,
                label.c_str());
    ui.registry.record({id, label, WidgetKind::toggle, item_rect(), true, item_visible(), value ? "on" : "off", {}});
    ImGui::PopID();
    return pressed;
}

bool segmented(Ui& ui, const std::string& id, const std::string& label, const std::vector<std::string>& options,
               int& index) {
    if (!label.empty()) text(ui, label);
    bool changed = false;
    for (std::size_t i = 0; i < options.size(); ++i) {
        if (i > 0) ImGui::SameLine();
        ButtonOpts o;
        o.style = static_cast<int>(i) == index ? ButtonStyle::primary : ButtonStyle::secondary;
        o.height = ui.metrics.button_h();
        if (button(ui, id + "." + std::to_string(i), options[i], o) && index != static_cast<int>(i)) {
            index = static_cast<int>(i);
            changed = true;
        }
    }
    const std::string value = index >= 0 && index < static_cast<int>(options.size()) ? options[index] : "";
    ui.registry.record({id, label, WidgetKind::select, {}, true, true, value, {}});
    return changed;
}

bool select_list(Ui& ui, const std::string& id, const std::string& label, const std::vector<std::string>& options,
                 int& index, float height_em) {
    if (!label.empty()) text(ui, label);
    bool changed = false;
    begin_drag_scroll(ui, id + ".scroll", ImVec2(-1, ui.metrics.em * height_em));
    for (std::size_t i = 0; i < options.size(); ++i) {
        ButtonOpts o;
        o.width = -1;
        o.style = static_cast<int>(i) == index ? ButtonStyle::primary : ButtonStyle::secondary;
        if (button(ui, id + "." + std::to_string(i), options[i], o)) {
            index = static_cast<int>(i);
            changed = true;
        }
    }
    end_drag_scroll(ui);
    const std::string value = index >= 0 && index < static_cast<int>(options.size()) ? options[index] : "";
    ui.registry.record({id, label, WidgetKind::select, {}, true, true, value, {}});
    return changed;
}

namespace {

int days_in_month(int y, int mo) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (mo == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return d[(mo - 1) % 12];
}

bool stepper(Ui& ui, const std::string& id, const std::string& shown, int& v, int lo, int hi) {
    bool changed = false;
    ButtonOpts o;
    o.width = ui.metrics.touch_min() * 1.2f;
    if (button(ui, id + ".minus", "−", o) && v > lo) --v, changed = true;
    ImGui::SameLine();
    ui.fonts.note(shown);
    ImVec2 sz = ImGui::CalcTextSize(shown.c_str());
    float box = std::max(sz.x, ui.metrics.em * 3.2f);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (ui.metrics.button_h() - sz.y) * 0.5f);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (box - sz.x) * 0.5f);
    ImGui::TextUnformatted(shown.c_str());
    ImGui::SameLine();
    if (button(ui, id + ".plus", "+", o) && v < hi) ++v, changed = true;
    return changed;
}

}  // namespace

bool date_picker(Ui& ui, const std::string& id, const std::string& label, CivilDate& date, int min_year,
                 int max_year) {
    text(ui, label);
    bool changed = false;
    if (date.empty()) {
        if (button(ui, id + ".set", ui.t("date.choose"))) {
            date = {std::clamp(1990, min_year, max_year), 1, 1};
            changed = true;
        }
    } else {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%d%s", date.year, ui.t("date.year_suffix").c_str());
        changed |= stepper(ui, id + ".year", buf, date.year, min_year, max_year);
        ImGui::SameLine(0, ui.metrics.em);
        std::snprintf(buf, sizeof buf, "%d%s", date.month, ui.t("date.month_suffix").c_str());
        changed |= stepper(ui, id + ".month", buf, date.month, 1, 12);
        ImGui::SameLine(0, ui.metrics.em);
        date.day = std::min(date.day, days_in_month(date.year, date.month));
        std::snprintf(buf, sizeof buf, "%d%s", date.day, ui.t("date.day_suffix").c_str());
        changed |= stepper(ui, id + ".day", buf, date.day, 1, days_in_month(date.year, date.month));
        date.day = std::min(date.day, days_in_month(date.year, date.month));
        text(ui, japanese_date_label(date, ui.strings.japanese()), theme::kMuted);
    }
    ui.registry.record({id, label, WidgetKind::date, {}, true, true,
                        date.empty() ? "" : japanese_date_label(date, true), {}});
    return changed;
}

namespace {
// Drag-to-scroll state lives in ImGui's per-window storage: nothing of it is
// personal, and it is reset with the windows on a session wipe.
constexpr ImGuiID kDragOrigin = 0x5C0011;
}

void begin_drag_scroll(Ui& ui, const std::string& id, ImVec2 size) {
    ImGui::BeginChild(id.c_str(), size, false,
                      ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGuiIO& io = ImGui::GetIO();
    ImGuiStorage* st = ImGui::GetStateStorage();
    const bool hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem |
                                                ImGuiHoveredFlags_ChildWindows);
    if (io.MouseClicked[0] && hovered) st->SetFloat(kDragOrigin, io.MousePos.y), st->SetBool(kDragOrigin + 1, true);
    if (!io.MouseDown[0]) st->SetBool(kDragOrigin + 1, false);
    if (st->GetBool(kDragOrigin + 1) && io.MouseDown[0]) {
        float dragged = io.MousePos.y - st->GetFloat(kDragOrigin);
        if (std::abs(dragged) > ui.metrics.em * 0.5f) {
            ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
            ImGui::ClearActiveID();  // a drag is a scroll, not a tap on what is under the finger
        }
    }
    if (io.MouseWheel != 0.0f && ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows))
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseWheel * ui.metrics.em * 3);
}

void end_drag_scroll(Ui&) { ImGui::EndChild(); }

}  // namespace madoguchi::ui
