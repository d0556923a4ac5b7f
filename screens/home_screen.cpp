// HomeScreen: tiles for the sections that exist in this build.
#include "screens/home_screen.hpp"

#include <imgui.h>

#include <array>
#include <vector>

#include "kiosk/ui/widgets.hpp"
#include "services/account_service.hpp"

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

// Shown once signed in (or just registered), in the guide's order.
constexpr std::array<Tile, 10> kMemberTiles{{
    {ScreenId::profile, "home.profile", "home.profile", "home.profile_hint"},
    {ScreenId::account_settings, "home.account", "home.account", "home.account_hint"},
    {ScreenId::skills, "home.skills", "home.skills", "home.skills_hint"},
    {ScreenId::qualifications, "home.qualifications", "home.qualifications", "home.qualifications_hint"},
    {ScreenId::careers, "home.careers", "home.careers", "home.careers_hint"},
    {ScreenId::hobbies, "home.hobbies", "home.hobbies", "home.hobbies_hint"},
    {ScreenId::company, "home.company", "home.company", "home.company_hint"},
    {ScreenId::bank_account, "home.bank_account", "home.bank_account", "home.bank_account_hint"},
    {ScreenId::identity_status, "home.identity_status", "home.identity_status", "home.identity_status_hint"},
    {ScreenId::nda, "home.nda", "home.nda", "home.nda_hint"},
}};

}  // namespace

void HomeScreen::draw(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    const bool signed_in = !ctx.session.account_client_id.empty();
    if (signed_in) {
        const std::string who = ui.t("home.signed_in_as") + ctx.session.display_name;
        ui::text(ui, who);
        ui.registry.record({"home.signed_in_as", "", WidgetKind::text, {}, true, true, ctx.session.display_name, {}});
        // Sign-out ends the store session (purges what is settled) and wipes
        // everything of this person from the kiosk, back to attract.
        if (ui::button(ui, "home.sign_out", ui.t("home.sign_out"), {ui::ButtonStyle::danger, true, 0, 0})) {
            if (ctx.services.accounts) (void)ctx.services.accounts->sign_out(ctx.session.account_client_id);
            ctx.nav.end_session();
        }
        ImGui::Dummy(ImVec2(0, m.gap()));
    }
    ui::text_wrapped(ui, ui.t("home.intro"));
    ImGui::Dummy(ImVec2(0, m.gap()));
    const float w = ImGui::GetContentRegionAvail().x;
    const float tile_w = (w - m.gap()) * 0.5f;
    int shown = 0;
    std::vector<Tile> tiles(signed_in ? kMemberTiles.begin() : kGuestTiles.begin(),
                            signed_in ? kMemberTiles.end() : kGuestTiles.end());
    for (const auto& t : tiles) {
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
