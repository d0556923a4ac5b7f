// AttractScreen layout.
#include "screens/attract_screen.hpp"

#include <imgui.h>

#include "kiosk/ui/widgets.hpp"

namespace madoguchi {

void AttractScreen::draw(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 origin = ImGui::GetCursorPos();

    // Hidden technician corner (no visible affordance on purpose).
    ImGui::SetCursorPos(ImVec2(0, 0));
    ImGui::InvisibleButton("##tech_corner", ImVec2(m.touch_min(), m.touch_min()));
    if (ImGui::IsItemClicked()) {
        const auto now = ui.clock.now_ms();
        if (corner_taps_ == 0 || now - first_corner_tap_ms_ > 4000) {
            corner_taps_ = 0;
            first_corner_tap_ms_ = now;
        }
        if (++corner_taps_ >= 5) {
            corner_taps_ = 0;
            ctx.nav.push(ScreenId::technician_pin);
        }
    }
    {
        ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        ui.registry.record({"attract.tech_corner", "", WidgetKind::button, {a.x, a.y, b.x - a.x, b.y - a.y}, true,
                            true, {}, {}});
    }

    ImGui::SetCursorPos(ImVec2(origin.x, origin.y + avail.y * 0.08f));
    const std::string& brand = ui.t("app.name");
    ui.fonts.note(brand, FontRole::title);
    ImGui::PushFont(ui.fonts.title());
    ImGui::SetCursorPosX((avail.x - ImGui::CalcTextSize(brand.c_str()).x) * 0.5f + origin.x);
    ImGui::TextUnformatted(brand.c_str());
    ImGui::PopFont();
    for (auto [key, color] : {std::pair{"attract.welcome", theme::kText}, std::pair{"attract.welcome_sub", theme::kMuted}}) {
        const std::string& t = ui.t(key);
        ui.fonts.note(t);
        ImGui::SetCursorPosX((avail.x - ImGui::CalcTextSize(t.c_str()).x) * 0.5f + origin.x);
        ui::text(ui, t, color);
    }

    // The big start target: most of the screen, one touch.
    ImGui::Dummy(ImVec2(0, m.gap() * 2));
    const float start_w = std::min(avail.x * 0.8f, m.em * 30);
    ImGui::SetCursorPosX((avail.x - start_w) * 0.5f + origin.x);
    ui::ButtonOpts start{ui::ButtonStyle::primary, true, start_w, std::max(m.primary_h() * 2.2f, avail.y * 0.28f)};
    if (ui::button(ui, "attract.start", ui.t("attract.start"), start)) ctx.nav.push(ScreenId::home);

    // Language: each button says its own language's name.
    ImGui::Dummy(ImVec2(0, m.gap() * 2));
    const std::string& choose = ui.t("attract.choose_language");
    ui.fonts.note(choose);
    ImGui::SetCursorPosX((avail.x - ImGui::CalcTextSize(choose.c_str()).x) * 0.5f + origin.x);
    ui::text(ui, choose, theme::kMuted);
    const float lang_w = m.em * 8;
    ImGui::SetCursorPosX((avail.x - lang_w * 2 - m.gap()) * 0.5f + origin.x);
    const bool ja = ctx.session.language == Language::ja;
    const float lang_h = m.button_h();
    if (ui::button(ui, "attract.lang.ja", "日本語", {ja ? ui::ButtonStyle::primary : ui::ButtonStyle::secondary, true,
                                                    lang_w, lang_h}))
        ctx.session.language = Language::ja;
    ImGui::SameLine(0, m.gap());
    if (ui::button(ui, "attract.lang.en", "English",
                   {!ja ? ui::ButtonStyle::primary : ui::ButtonStyle::secondary, true, lang_w, lang_h}))
        ctx.session.language = Language::en;

    // Staff entry, bottom right.
    const std::string& staff = ui.t("attract.staff");
    ui.fonts.note(staff);
    const float staff_w = ImGui::CalcTextSize(staff.c_str()).x + m.em * 1.6f;
    ImGui::SetCursorPos(ImVec2(origin.x + avail.x - staff_w, origin.y + avail.y - m.button_h() - 1));
    if (ui::button(ui, "attract.staff", staff, {ui::ButtonStyle::quiet, true, staff_w, 0}))
        ctx.nav.push(ScreenId::staff_pin);
}

}  // namespace madoguchi
