// section_ui: list rows, year-month pickers and suggestion chips shared by
// the record section screens.
#include "screens/section_list_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "data/rules/japanese_calendar.hpp"

namespace madoguchi::section_ui {

const std::string& sync_label(Ui& ui, SyncState s) {
    switch (s) {
        case SyncState::pending: return ui.t("sections.sync.pending");
        case SyncState::sending: return ui.t("sections.sync.sending");
        case SyncState::sent: return ui.t("sections.sync.sent");
        case SyncState::needs_attention: return ui.t("sections.sync.needs_attention");
    }
    return ui.t("sections.sync.pending");
}

int record_list(Ui& ui, const std::string& prefix, const std::vector<RecordRow>& rows) {
    const auto& m = ui.metrics;
    int tapped = -1;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const RecordRow& r = rows[i];
        const std::string id = prefix + ".row." + std::to_string(i);
        const std::string state = sync_label(ui, r.state);
        std::string label = r.title;
        if (!r.detail.empty()) label += "   " + r.detail;
        ui.fonts.note(label);
        ui.fonts.note(state);
        // The row is one large button; its text is drawn left-aligned over it
        // with the sync state on the right (a centred label reads badly).
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const float w = ImGui::GetContentRegionAvail().x;
        if (ui::button(ui, id, std::string(), {ui::ButtonStyle::secondary, true, -1, m.button_h()}))
            tapped = static_cast<int>(i);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float ty = pos.y + (m.button_h() - ImGui::GetTextLineHeight()) * 0.5f;
        const ImVec2 state_size = ImGui::CalcTextSize(state.c_str());
        const float state_x = pos.x + w - state_size.x - m.em * 0.8f;
        dl->PushClipRect(pos, ImVec2(state_x - m.em * 0.5f, pos.y + m.button_h()), true);
        dl->AddText(ImVec2(pos.x + m.em * 0.8f, ty), theme::kText, label.c_str());
        dl->PopClipRect();
        dl->AddText(ImVec2(state_x, ty), r.state == SyncState::needs_attention ? theme::kError : theme::kMuted,
                    state.c_str());
        // The driver and tests read a row's text from its value.
        ui.registry.record({id + ".text", "", WidgetKind::list_item, {}, true, true, label, {}});
        ui.registry.record({id + ".state", "", WidgetKind::text, {}, true, true, state, {}});
        ImGui::Dummy(ImVec2(0, m.gap() * 0.3f));
    }
    ImGui::Dummy(ImVec2(0, m.gap() * 0.5f));
    if (ui::button(ui, prefix + ".add", ui.t("sections.add"), {ui::ButtonStyle::primary, true, m.em * 10, 0}))
        tapped = -2;
    return tapped;
}

std::string year_month_label(const YearMonth& ym, bool japanese) {
    if (ym.empty() || ym.month < 1 || ym.month > 12) return {};
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[96];
    // The month's 和暦 is that of its first day (2019年5月 is 令和元年, 1989年1月 昭和64年).
    auto w = to_wareki("date", CivilDate{ym.year, ym.month, 1});
    if (japanese) {
        std::snprintf(buf, sizeof buf, "%d年%d月", ym.year, ym.month);
        std::string s = buf;
        if (w) s += "（" + format_wareki_year(*w) + "）";
        return s;
    }
    std::snprintf(buf, sizeof buf, "%s %d", months[ym.month - 1], ym.year);
    std::string s = buf;
    if (w) s += " (" + std::string(era_name_en(w->era)) + " " + std::to_string(w->year) + ")";
    return s;
}

namespace {

bool step_button(Ui& ui, const std::string& id, const char* label) {
    ui::ButtonOpts o;
    o.width = ui.metrics.touch_min() * 1.3f;
    return ui::button(ui, id, label, o);
}

void centred_value(Ui& ui, const std::string& shown, float box_em) {
    ui.fonts.note(shown);
    const ImVec2 sz = ImGui::CalcTextSize(shown.c_str());
    const float box = std::max(sz.x, ui.metrics.em * box_em);
    const float y = ImGui::GetCursorPosY();
    ImGui::SetCursorPosY(y + (ui.metrics.button_h() - sz.y) * 0.5f);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (box - sz.x) * 0.5f);
    ImGui::TextUnformatted(shown.c_str());
    ImGui::SameLine(0, (box - sz.x) * 0.5f + ui.metrics.em * 0.3f);
    ImGui::SetCursorPosY(y);
}

}  // namespace

bool year_month_picker(Ui& ui, const std::string& id, const std::string& label, YearMonth& ym, int min_year,
                       int max_year, YearMonth start) {
    const auto& m = ui.metrics;
    ui::text(ui, label);
    bool changed = false;
    if (ym.empty()) {
        if (ui::button(ui, id + ".set", ui.t("sections.choose_month"))) {
            ym = start;
            changed = true;
        }
    } else {
        auto year_by = [&](int delta) {
            const int y = std::clamp(ym.year + delta, min_year, max_year);
            changed |= y != ym.year;
            ym.year = y;
        };
        if (step_button(ui, id + ".year.minus10", "−10")) year_by(-10);
        ImGui::SameLine();
        if (step_button(ui, id + ".year.minus", "−")) year_by(-1);
        ImGui::SameLine();
        char buf[32];
        std::snprintf(buf, sizeof buf, "%d%s", ym.year, ui.t("date.year_suffix").c_str());
        centred_value(ui, buf, 3.6f);
        if (step_button(ui, id + ".year.plus", "+")) year_by(1);
        ImGui::SameLine();
        if (step_button(ui, id + ".year.plus10", "+10")) year_by(10);
        ImGui::SameLine(0, m.em * 1.5f);
        if (step_button(ui, id + ".month.minus", "−")) {
            ym.month = ym.month == 1 ? 12 : ym.month - 1;
            changed = true;
        }
        ImGui::SameLine();
        std::snprintf(buf, sizeof buf, "%d%s", ym.month, ui.t("date.month_suffix").c_str());
        centred_value(ui, buf, 2.4f);
        if (step_button(ui, id + ".month.plus", "+")) {
            ym.month = ym.month == 12 ? 1 : ym.month + 1;
            changed = true;
        }
        ui::text(ui, year_month_label(ym, ui.strings.japanese()), theme::kMuted);
    }
    char value[16] = "";
    if (!ym.empty()) std::snprintf(value, sizeof value, "%04d-%02d", ym.year, ym.month);
    ui.registry.record({id, label, WidgetKind::date, {}, true, true, value, {}});
    return changed;
}

std::vector<const Suggestion*> suggestions_for(const SuggestionList* list, const std::string& typed,
                                               std::size_t max) {
    if (!list) return {};
    auto found = list->match(typed, max);
    for (const Suggestion* s : found)
        if (s->name == typed) return {};
    return found;
}

int suggestion_chips(Ui& ui, const std::string& id, const std::vector<const Suggestion*>& items) {
    if (items.empty()) return -1;
    const auto& m = ui.metrics;
    ui::text(ui, ui.t("sections.suggestions"), theme::kMuted);
    int chosen = -1;
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string& name = items[i]->name;
        ui.fonts.note(name);
        const float w = ImGui::CalcTextSize(name.c_str()).x + m.em * 1.6f;
        if (i > 0) {
            ImGui::SameLine(0, m.em * 0.4f);
            if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
        }
        if (ui::button(ui, id + "." + std::to_string(i), name, {ui::ButtonStyle::secondary, true, 0, m.button_h()}))
            chosen = static_cast<int>(i);
    }
    return chosen;
}

}  // namespace madoguchi::section_ui
