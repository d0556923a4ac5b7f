// TeamInviteSheet: reads my teams (owner ones), queues the invitation.
#include "screens/team_invite_sheet.hpp"

#include <imgui.h>

#include "kiosk/ui/toasts.hpp"
#include "kiosk/ui/widgets.hpp"
#include "services/social_service.hpp"

namespace madoguchi {

void TeamInviteSheet::open(ScreenContext& ctx, const std::string& worker_id, const std::string& worker_name) {
    if (worker_id != worker_id_) comment_.clear();  // a comment belongs to one invitee
    worker_id_ = worker_id;
    worker_name_ = worker_name;
    team_error_.clear();
    open_ = true;
    load(ctx);
}

void TeamInviteSheet::load(ScreenContext& ctx) {
    load_ = Load::loading;
    load_message_.clear();
    if (!ctx.services.social) {
        load_ = Load::failed;
        return;
    }
    // A new token: a reply to an earlier load (or to the previous person,
    // should the sheet outlive a session) is dropped.
    alive_ = std::make_shared<int>(0);
    std::weak_ptr<int> alive = alive_;
    ctx.services.social->my_teams(ctx.session.account_client_id, [this, alive](SocialRead<std::vector<TeamPage>> r) {
        if (alive.expired()) return;
        if (!r.ok) {
            load_ = r.offline ? Load::offline : Load::failed;
            load_message_ = r.error.message_ja.empty() ? std::string() : r.error.message_ja + "\n" + r.error.message_en;
            return;
        }
        const std::string previous = chosen_ >= 0 && chosen_ < static_cast<int>(teams_.size())
                                         ? teams_[static_cast<std::size_t>(chosen_)].team_id
                                         : std::string();
        teams_.clear();
        chosen_ = -1;
        for (TeamPage& t : r.value)
            if (t.my_role == "owner") teams_.push_back(std::move(t));
        for (std::size_t i = 0; i < teams_.size(); ++i)
            if (teams_[i].team_id == previous) chosen_ = static_cast<int>(i);
        if (teams_.size() == 1) chosen_ = 0;  // the only team needs no choice
        load_ = Load::loaded;
    });
}

void TeamInviteSheet::submit(Ui& ui, ScreenContext& ctx) {
    comment_.error.reset();
    team_error_.clear();
    if (chosen_ < 0 || chosen_ >= static_cast<int>(teams_.size())) {
        team_error_ = ui.t("invite.choose_team_first");
        return;
    }
    if (!ctx.services.social) {
        ui.toasts.show(ui.t("service.unavailable"), ToastKind::error, ui.clock.now_ms());
        return;
    }
    const TeamPage& team = teams_[static_cast<std::size_t>(chosen_)];
    auto out = ctx.services.social->invite(ctx.session.account_client_id, team.team_id, worker_id_, comment_.value);
    if (!out.ok()) {
        for (const Error& e : out.errors) {
            if (e.field == "comment") {
                if (!comment_.error) comment_.error = e;
            } else if (team_error_.empty()) {
                team_error_ = ui.msg(e);
            }
        }
        ui.toasts.show(ui.t("form.fix_errors"), ToastKind::error, ui.clock.now_ms());
        return;  // the comment stays as typed
    }
    comment_.clear();
    open_ = false;
    ui.toasts.show(ui.t("invite.queued"), ToastKind::success, ui.clock.now_ms());
}

void TeamInviteSheet::draw(Ui& ui, ScreenContext& ctx) {
    if (!open_) return;
    const auto& m = ui.metrics;
    ui::title(ui, ui.t("invite.title"));
    ui::text_wrapped(ui, ui.t("invite.to") + "：" + worker_name_);
    ImGui::Dummy(ImVec2(0, m.gap() * 0.5f));

    std::string state;
    switch (load_) {
        case Load::loading: state = "loading"; break;
        case Load::loaded: state = teams_.empty() ? "no_teams" : "loaded"; break;
        case Load::offline: state = "offline"; break;
        case Load::failed: state = "failed"; break;
    }
    ui.registry.record({"invite.state", "", WidgetKind::text, {}, true, true, state, load_message_});

    bool can_invite = false;
    if (load_ == Load::loading) {
        ui::text(ui, ui.t("invite.loading"), theme::kMuted);
    } else if (load_ == Load::offline || load_ == Load::failed) {
        ui::text_wrapped(ui, "⚠ " + ui.t(load_ == Load::offline ? "workers.offline" : "workers.read_failed"),
                         theme::kError);
        if (load_ == Load::failed && !load_message_.empty()) ui::text_wrapped(ui, load_message_, theme::kError);
        if (ui::button(ui, "invite.reload", ui.t("workers.reload"), {ui::ButtonStyle::secondary, true, m.em * 10, 0}))
            load(ctx);
    } else if (teams_.empty()) {
        // 【3】 first: an invitation needs a team the viewer owns.
        ui::text_wrapped(ui, ui.t("invite.no_teams"), theme::kMuted);
        if (ctx.services.screen_available && ctx.services.screen_available(static_cast<int>(ScreenId::teams))) {
            if (ui::button(ui, "invite.go_teams", ui.t("invite.go_teams"), {ui::ButtonStyle::primary, true, m.em * 14, 0}))
                ctx.nav.push(ScreenId::teams);
            ImGui::SameLine();
        }
        // Back from creating a team: read the list again.
        if (ui::button(ui, "invite.reload", ui.t("workers.reload"), {ui::ButtonStyle::secondary, true, m.em * 10, 0}))
            load(ctx);
    } else {
        can_invite = true;
        // Step 4: 誘いたいチーム名を選択する.
        ui::text(ui, ui.t("invite.choose_team"), theme::kMuted);
        for (std::size_t i = 0; i < teams_.size(); ++i) {
            const bool chosen = static_cast<int>(i) == chosen_;
            const std::string label = (chosen ? ui.t("invite.chosen_mark") : std::string()) + teams_[i].name;
            if (ui::button(ui, "invite.team." + std::to_string(i), label,
                           {chosen ? ui::ButtonStyle::primary : ui::ButtonStyle::secondary, true, -1, m.button_h()})) {
                chosen_ = static_cast<int>(i);
                team_error_.clear();
            }
        }
        ui.registry.record({"invite.chosen", "", WidgetKind::text, {}, true, true,
                            chosen_ >= 0 ? teams_[static_cast<std::size_t>(chosen_)].team_id : std::string(),
                            team_error_});
        if (!team_error_.empty()) ui::text_wrapped(ui, "⚠ " + team_error_, theme::kError);
        // Step 5: コメントを記入する.
        ImGui::Dummy(ImVec2(0, m.gap() * 0.5f));
        ui::text_field(ui, "invite.comment", ui.t("invite.comment"), comment_, ui.t("invite.comment_hint"));
    }

    ImGui::Dummy(ImVec2(0, m.gap()));
    if (can_invite &&
        ui::button(ui, "invite.submit", ui.t("invite.submit"), {ui::ButtonStyle::primary, true, m.em * 10, 0}))
        submit(ui, ctx);
    if (can_invite) ImGui::SameLine();
    if (ui::button(ui, "invite.cancel", ui.t("common.cancel"), {ui::ButtonStyle::quiet, true, m.em * 8, 0}))
        open_ = false;  // the comment stays for a second try
}

}  // namespace madoguchi
