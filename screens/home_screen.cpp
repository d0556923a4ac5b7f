// HomeScreen: tiles for the sections that exist in this build.
#include "screens/home_screen.hpp"

#include <imgui.h>

#include <array>

#include "kiosk/ui/widgets.hpp"

namespace madoguchi {
namespace {

struct Tile {
    ScreenId screen;
    const char* id;
    const char* label_key;
    const char* hint_key;
};

// In the guide's order; a tile shows only when its screen exists.
constexpr std::array<Tile, 2> kGuestTiles{{
    {ScreenId::sign_up, "home.sign_up", "home.sign_up", "home.sign_up_hint"},
    {ScreenId::sign_in, "home.sign_in", "home.sign_in", "home.sign_in_hint"},
}};

}  // namespace

void HomeScreen::draw(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    ui::text_wrapped(ui, ui.t("home.intro"));
    ImGui::Dummy(ImVec2(0, m.gap()));
    const float w = ImGui::GetContentRegionAvail().x;
    const float tile_w = (w - m.gap()) * 0.5f;
    int shown = 0;
    for (const auto& t : kGuestTiles) {
        if (!ctx.services.screen_available || !ctx.services.screen_available(static_cast<int>(t.screen))) continue;
        if (shown % 2) ImGui::SameLine(0, m.gap());
        ImGui::BeginGroup();
        if (ui::button(ui, t.id, ui.t(t.label_key), {ui::ButtonStyle::primary, true, tile_w, m.primary_h() * 1.4f}))
            ctx.nav.push(t.screen);
        ui::text_wrapped(ui, ui.t(t.hint_key), theme::kMuted);
        ImGui::EndGroup();
        ++shown;
    }
    if (shown == 0) ui::text_wrapped(ui, ui.t("home.nothing_yet"), theme::kMuted);
}

}  // namespace madoguchi
