// HomeScreen (My page): tiles for the sections that exist in this build,
// each with its completeness and sync state from MyPageService.
#include "screens/home_screen.hpp"

#include <imgui.h>

#include <array>
#include <optional>
#include <string>
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
    std::optional<MyPageSection> section;  // none: the tile has no progress (sign-up, account settings)
};

// In the guide's order; a tile shows only when its screen exists.
const std::array<Tile, 2> kGuestTiles{{
    {ScreenId::sign_up, "home.sign_up", "home.sign_up", "home.sign_up_hint", std::nullopt},
    {ScreenId::sign_in, "home.sign_in", "home.sign_in", "home.sign_in_hint", std::nullopt},
}};

// Shown once signed in (or just registered), in the guide's order.
const std::array<Tile, 14> kMemberTiles{{
    {ScreenId::profile, "home.profile", "home.profile", "home.profile_hint", MyPageSection::profile},
    {ScreenId::account_settings, "home.account", "home.account", "home.account_hint", std::nullopt},
    {ScreenId::skills, "home.skills", "home.skills", "home.skills_hint", MyPageSection::skills},
    {ScreenId::qualifications, "home.qualifications", "home.qualifications", "home.qualifications_hint",
     MyPageSection::qualifications},
    {ScreenId::careers, "home.careers", "home.careers", "home.careers_hint", MyPageSection::careers},
    {ScreenId::hobbies, "home.hobbies", "home.hobbies", "home.hobbies_hint", MyPageSection::hobbies},
    {ScreenId::company, "home.company", "home.company", "home.company_hint", MyPageSection::company},
    {ScreenId::bank_account, "home.bank_account", "home.bank_account", "home.bank_account_hint",
     MyPageSection::bank_account},
    {ScreenId::identity_status, "home.identity_status", "home.identity_status", "home.identity_status_hint",
     MyPageSection::identity},
    {ScreenId::nda, "home.nda", "home.nda", "home.nda_hint", MyPageSection::nda},
    // 【1】–【4】: finding workers, contacts, messages and teams.
    {ScreenId::worker_search, "home.workers", "home.workers", "home.workers_hint", std::nullopt},
    {ScreenId::contacts, "home.contacts", "home.contacts", "home.contacts_hint", std::nullopt},
    {ScreenId::messages, "home.messages", "home.messages", "home.messages_hint", std::nullopt},
    {ScreenId::teams, "home.teams", "home.teams", "home.teams_hint", std::nullopt},
}};

const char* sync_key(SectionSyncState s) {
    switch (s) {
        case SectionSyncState::pending: return "mypage.sync.pending";
        case SectionSyncState::sending: return "mypage.sync.sending";
        case SectionSyncState::sent: return "mypage.sync.sent";
        case SectionSyncState::needs_attention: return "mypage.sync.needs_attention";
        default: return "mypage.sync.none";
    }
}

ImU32 sync_color(SectionSyncState s) {
    switch (s) {
        case SectionSyncState::needs_attention: return theme::kError;
        case SectionSyncState::sent: return IM_COL32(30, 120, 60, 255);
        case SectionSyncState::none: return theme::kMuted;
        default: return IM_COL32(150, 95, 0, 255);  // waiting / sending: amber, readable on white
    }
}

}  // namespace

void HomeScreen::on_enter(ScreenContext& ctx) { refresh(ctx); }

void HomeScreen::refresh(ScreenContext& ctx) {
    invitations_banner_.refresh(ctx);  // off the UI thread; shows when it answers
    summary_.reset();
    load_failed_ = false;
    if (!ctx.services.my_page || ctx.session.account_client_id.empty()) return;
    auto s = ctx.services.my_page->summary(ctx.session.account_client_id);
    if (s) summary_ = std::move(*s);
    else load_failed_ = true;
}

void HomeScreen::draw_progress(Ui& ui, const char* id, const SectionSummary& s, float width) {
    const auto& m = ui.metrics;
    const std::string percent = std::to_string(s.percent) + "%";
    const SectionSyncState state = s.state();
    std::string sync = ui.t(sync_key(state));
    if (s.records > 1) sync += " " + std::to_string(s.records) + ui.t("mypage.records_suffix");
    ui.fonts.note(percent);
    ui.fonts.note(sync);

    // Bar | 80% | 送信待ち, on one line under the tile.
    const float bar_w = width * 0.4f, bar_h = m.em * 0.5f;
    ImVec2 p = ImGui::GetCursorScreenPos();
    const float line_h = ImGui::GetTextLineHeight();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 b0(p.x, p.y + (line_h - bar_h) * 0.5f);
    dl->AddRectFilled(b0, ImVec2(b0.x + bar_w, b0.y + bar_h), theme::kSecondary, bar_h * 0.5f);
    if (s.percent > 0)
        dl->AddRectFilled(b0, ImVec2(b0.x + bar_w * static_cast<float>(s.percent) / 100.0f, b0.y + bar_h),
                          theme::kPrimary, bar_h * 0.5f);
    ImGui::Dummy(ImVec2(bar_w, line_h));
    ImGui::SameLine(0, m.em * 0.4f);
    ui::text(ui, percent);
    ImGui::SameLine(0, m.em * 0.8f);
    ui::text(ui, sync, sync_color(state));
    const std::string base = std::string("mypage.") + id;
    ui.registry.record({base + ".percent", ui.t("mypage.progress"), WidgetKind::text, {}, true, true, percent, {}});
    ui.registry.record({base + ".sync", ui.t("mypage.progress"), WidgetKind::text, {}, true, true, sync, {}});
}

void HomeScreen::draw(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    const bool signed_in = !ctx.session.account_client_id.empty();
    // Back on top after another screen (a section may have changed), or the
    // first frame: read the summary again. Never more often than that.
    const int frame = ImGui::GetFrameCount();
    if (signed_in && last_frame_ >= 0 && frame != last_frame_ + 1) refresh(ctx);
    if (signed_in && !summary_ && !load_failed_ && last_frame_ < 0) refresh(ctx);
    last_frame_ = frame;

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
        invitations_banner_.draw(ui, ctx);
    }
    ui::text_wrapped(ui, ui.t("home.intro"));
    if (signed_in && load_failed_) ui::text_wrapped(ui, ui.t("mypage.load_failed"), theme::kError);
    ImGui::Dummy(ImVec2(0, m.gap()));
    const float w = ImGui::GetContentRegionAvail().x;
    const float tile_w = (w - m.gap()) * 0.5f;
    int shown = 0;
    bool attention = false;
    std::vector<Tile> tiles(signed_in ? kMemberTiles.begin() : kGuestTiles.begin(),
                            signed_in ? kMemberTiles.end() : kGuestTiles.end());
    for (const auto& t : tiles) {
        if (!ctx.services.screen_available || !ctx.services.screen_available(static_cast<int>(t.screen))) continue;
        if (shown % 2) ImGui::SameLine(0, m.gap());
        ImGui::BeginGroup();
        if (ui::button(ui, t.id, ui.t(t.label_key), {ui::ButtonStyle::primary, true, tile_w, m.primary_h() * 1.4f}))
            ctx.nav.push(t.screen);
        const SectionSummary* s = t.section && summary_ ? summary_->find(*t.section) : nullptr;
        ui::text_wrapped(ui, ui.t(t.hint_key), theme::kMuted);
        if (s) {
            draw_progress(ui, t.id + 5, *s, tile_w);  // "home.profile" -> "mypage.profile"
            attention |= s->state() == SectionSyncState::needs_attention;
        }
        ImGui::Dummy(ImVec2(tile_w, m.gap() * 0.5f));
        ImGui::EndGroup();
        ++shown;
    }
    if (shown == 0) ui::text_wrapped(ui, ui.t("home.nothing_yet"), theme::kMuted);
    if (attention) ui::text_wrapped(ui, ui.t("mypage.needs_attention_hint"), theme::kError);
}

}  // namespace madoguchi
