// TeamsScreen: my teams from the platform merged with this kiosk's unsent
// saves and leaves, so what was just done shows at once.
#include "screens/teams_screen.hpp"

#include <imgui.h>

#include "kiosk/ui/widgets.hpp"
#include "services/social_service.hpp"

namespace madoguchi {
namespace {

// How often the kiosk's own copies are looked at again (a small SQLite read).
constexpr std::int64_t kLocalCheckMs = 1000;

const ImU32 kPendingColour = IM_COL32(150, 95, 0, 255);  // amber, as My page's 送信待ち

}  // namespace

void TeamsScreen::on_enter(ScreenContext& ctx) {
    alive_ = std::make_shared<int>(0);
    load(ctx);
}

void TeamsScreen::on_exit(ScreenContext&) { alive_.reset(); }

bool TeamsScreen::read_local(ScreenContext& ctx) {
    SocialService* social = ctx.services.social;
    const std::string owner = ctx.session.account_client_id;
    const std::size_t before = unsent_.size() + leaving_.size();
    unsent_.clear();
    leaving_.clear();
    if (auto mine = social->local_teams(owner)) {
        for (const Team& t : *mine) {
            if (t.meta.sync_state == SyncState::sent) continue;
            TeamPage p;
            p.team_id = t.meta.client_id;
            p.url_slug = t.url_slug;
            p.name = t.name;
            p.description = t.description;
            p.owner_id = owner;
            p.my_role = "owner";
            unsent_.push_back(std::move(p));
        }
    }
    if (auto answers = social->local_answers(owner)) {
        for (const TeamAnswerChange& a : *answers)
            if (a.answer == TeamAnswer::leave && a.meta.sync_state != SyncState::sent) leaving_.insert(a.team_id);
    }
    return unsent_.size() + leaving_.size() < before;
}

void TeamsScreen::load(ScreenContext& ctx) {
    SocialService* social = ctx.services.social;
    const std::string owner = ctx.session.account_client_id;
    if (!social || owner.empty()) return;
    (void)read_local(ctx);
    state_ = LoadState::loading;
    std::weak_ptr<int> alive = alive_;
    social->my_teams(owner, [this, alive, social, owner](SocialRead<std::vector<TeamPage>> r) {
        if (alive.expired()) return;  // left, or the session was wiped
        if (!r.ok) {
            state_ = r.offline ? LoadState::offline : LoadState::failed;
            message_ = r.error.message_ja + "\n" + r.error.message_en;
            teams_.clear();
            return;
        }
        state_ = LoadState::loaded;
        message_.clear();
        teams_ = std::move(r.value);
        members_.clear();
        // The list carries no members; each team's page does.
        for (const TeamPage& t : teams_) {
            social->team(owner, t.team_id, [this, alive](SocialRead<TeamPage> page) {
                if (alive.expired() || !page.ok) return;
                members_[page.value.team_id] = page.value.members.size();
            });
        }
    });
}

void TeamsScreen::leave(Ui& ui, ScreenContext& ctx, const std::string& team_id, const std::string& name) {
    // The confirmation runs in a later frame: it captures only what outlives
    // this one (the services, the owner, the screen through its token).
    ctx.nav.confirm(ui.t("teams.leave_title"), name + "\n" + ui.t("teams.leave_body"), ui.t("teams.leave"),
                    [this, alive = std::weak_ptr<int>(alive_), services = &ctx.services,
                     owner = ctx.session.account_client_id, team_id] {
                        if (alive.expired() || !services->social) return;
                        auto out = services->social->leave_team(owner, team_id);
                        if (!out.ok()) {
                            answer_error_ = out.errors.front();
                            return;
                        }
                        leaving_.insert(team_id);
                        left_ = true;
                    });
}

void TeamsScreen::draw_row(Ui& ui, ScreenContext& ctx, std::size_t index, const TeamPage& t, bool pending) {
    const auto& m = ui.metrics;
    const std::string id = "teams.row." + std::to_string(index);
    const bool owner = t.my_role == "owner";
    const bool leaving = leaving_.count(t.team_id) > 0;
    ImGui::PushID(id.c_str());
    ImGui::Dummy(ImVec2(0, m.gap() * 0.3f));
    ImGui::BeginGroup();
    ui::text(ui, t.name);
    std::string line = ui.t(owner ? "teams.role_owner" : "teams.role_member");
    std::size_t count = pending ? 1 : 0;
    if (auto c = members_.find(t.team_id); c != members_.end()) count = c->second;
    if (count > 0) line += "  ・" + std::to_string(count) + ui.t("teams.members_suffix");
    line += "  /" + t.url_slug;
    ui::text(ui, line, theme::kMuted);
    std::string sync;
    if (pending) sync = ui.t("teams.pending");
    else if (leaving) sync = ui.t("teams.leaving");
    if (!sync.empty()) ui::text(ui, sync, kPendingColour);
    ImGui::EndGroup();
    ui.registry.record({id, t.name, WidgetKind::list_item, {}, true, true, t.name,
                        {}});
    ui.registry.record({id + ".role", "", WidgetKind::text, {}, true, true, owner ? "owner" : "member", {}});
    ui.registry.record({id + ".members", "", WidgetKind::text, {}, true, true, std::to_string(count), {}});
    ui.registry.record({id + ".sync", "", WidgetKind::text, {}, true, true,
                        pending ? "pending" : leaving ? "leaving" : "sent", sync});
    const float button_w = m.em * 7;
    ImGui::SameLine(ImGui::GetContentRegionAvail().x - button_w);
    if (owner) {
        if (ui::button(ui, id + ".edit", ui.t("teams.edit"), {ui::ButtonStyle::secondary, true, button_w, 0})) {
            ctx.session.social.team_id = t.team_id;
            ctx.nav.push(ScreenId::team_edit);
        }
        // 【3】: one owner always, so the owner is told why there is no 脱退.
        ui::text_wrapped(ui, ui.t("teams.owner_cannot_leave"), theme::kMuted);
        ui.registry.record({id + ".owner_note", "", WidgetKind::text, {}, true, true,
                            ui.t("teams.owner_cannot_leave"), {}});
    } else if (!leaving) {
        if (ui::button(ui, id + ".leave", ui.t("teams.leave"), {ui::ButtonStyle::danger, true, button_w, 0}))
            leave(ui, ctx, t.team_id, t.name);
    } else {
        ImGui::NewLine();
    }
    ImGui::Separator();
    ImGui::PopID();
}

void TeamsScreen::draw(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    if (!ctx.services.social || ctx.session.account_client_id.empty()) {
        ui::text_wrapped(ui, ui.t("service.unavailable"), theme::kError);
        return;
    }
    // Back on top (after 編集する / 新しくチームを作る): read the list again.
    const int frame = ImGui::GetFrameCount();
    if (last_frame_ >= 0 && frame != last_frame_ + 1) load(ctx);
    last_frame_ = frame;
    const std::int64_t now = ui.clock.now_ms();
    if (now >= next_local_check_ms_) {
        next_local_check_ms_ = now + kLocalCheckMs;
        // Something of ours reached the platform: its list has changed.
        if (read_local(ctx) && state_ != LoadState::loading) load(ctx);
    }

    if (left_) ui.toasts.show(ui.t("teams.left"), ToastKind::success, now);
    if (answer_error_) ui.toasts.show(ui.msg(*answer_error_), ToastKind::error, now);
    left_ = false;
    answer_error_.reset();

    ui::text_wrapped(ui, ui.t("teams.intro"), theme::kMuted);
    if (ui::button(ui, "teams.new", ui.t("teams.new"), {ui::ButtonStyle::primary, true, -1, 0})) {
        ctx.session.social.team_id.clear();
        ctx.nav.push(ScreenId::team_edit);
    }
    ImGui::Dummy(ImVec2(0, m.gap()));

    const char* status = "loaded";
    switch (state_) {
        case LoadState::loading: status = "loading"; break;
        case LoadState::loaded: break;
        case LoadState::offline: status = "offline"; break;
        case LoadState::failed: status = "failed"; break;
    }
    ui.registry.record({"teams.status", "", WidgetKind::text, {}, true, true, status, message_});

    // Unsent saves first: they exist only on this kiosk so far.
    std::size_t index = 0;
    for (const TeamPage& t : unsent_) {
        bool listed = false;
        for (const TeamPage& s : teams_) listed = listed || s.team_id == t.team_id;
        if (!listed) draw_row(ui, ctx, index++, t, true);
    }
    if (!unsent_.empty()) ui::text_wrapped(ui, ui.t("teams.pending_note"), theme::kMuted);

    if (state_ == LoadState::loading) {
        ui::text(ui, ui.t("teams.loading"), theme::kMuted);
        return;
    }
    if (state_ == LoadState::offline || state_ == LoadState::failed) {
        ui::text_wrapped(ui, "⚠ " + message_, theme::kError);
        if (ui::button(ui, "teams.reload", ui.t("teams.reload"), {ui::ButtonStyle::secondary, true, m.em * 10, 0}))
            load(ctx);
        return;
    }
    if (teams_.empty() && index == 0) ui::text_wrapped(ui, ui.t("teams.none"), theme::kMuted);
    for (const TeamPage& t : teams_) draw_row(ui, ctx, index++, t, false);
}

}  // namespace madoguchi
