// InvitationsScreen and the My page banner: the platform's pending
// invitations merged with the answers queued on this kiosk.
#include "screens/invitations_screen.hpp"

#include <imgui.h>

#include "kiosk/ui/widgets.hpp"
#include "services/social_service.hpp"

namespace madoguchi {
namespace {

constexpr std::int64_t kLocalCheckMs = 1000;  // how often queued answers are looked at again
const ImU32 kPendingColour = IM_COL32(150, 95, 0, 255);  // amber, as My page's 送信待ち

std::string inviter_name(const WorkerSummary& w) { return w.nickname.empty() ? w.username : w.nickname; }

}  // namespace

std::size_t invitations_to_answer(const std::vector<InvitationView>& listed,
                                  const std::vector<TeamAnswerChange>& answered_here) {
    std::size_t n = 0;
    for (const InvitationView& inv : listed) {
        bool answered = false;
        for (const TeamAnswerChange& a : answered_here)
            answered = answered || (a.answer != TeamAnswer::leave && a.invitation_id == inv.invitation_id);
        if (!answered) ++n;
    }
    return n;
}

void InvitationsScreen::on_enter(ScreenContext& ctx) {
    alive_ = std::make_shared<int>(0);
    load(ctx);
}

void InvitationsScreen::on_exit(ScreenContext&) { alive_.reset(); }

void InvitationsScreen::read_local(ScreenContext& ctx) {
    unsent_.clear();
    sent_.clear();
    auto answers = ctx.services.social->local_answers(ctx.session.account_client_id);
    if (!answers) return;
    for (const TeamAnswerChange& a : *answers) {
        if (a.answer == TeamAnswer::leave) continue;
        if (a.meta.sync_state == SyncState::sent) sent_.insert(a.invitation_id);
        else unsent_[a.invitation_id] = a.answer;
    }
}

void InvitationsScreen::load(ScreenContext& ctx) {
    SocialService* social = ctx.services.social;
    if (!social || ctx.session.account_client_id.empty()) return;
    read_local(ctx);
    state_ = LoadState::loading;
    std::weak_ptr<int> alive = alive_;
    social->invitations(ctx.session.account_client_id, [this, alive](SocialRead<std::vector<InvitationView>> r) {
        if (alive.expired()) return;  // left, or the session was wiped
        if (!r.ok) {
            state_ = r.offline ? LoadState::offline : LoadState::failed;
            message_ = r.error.message_ja + "\n" + r.error.message_en;
            items_.clear();  // never a stale copy
            return;
        }
        state_ = LoadState::loaded;
        message_.clear();
        items_ = std::move(r.value);
    });
}

void InvitationsScreen::answer(Ui& ui, ScreenContext& ctx, const InvitationView& inv, bool accept) {
    const std::string body = inv.team_name + "\n" + ui.t(accept ? "invitations.accept_body" : "invitations.decline_body");
    // Runs in a later frame: captures only what outlives this one.
    ctx.nav.confirm(ui.t(accept ? "invitations.accept_title" : "invitations.decline_title"), body,
                    ui.t(accept ? "invitations.accept" : "invitations.decline"),
                    [this, alive = std::weak_ptr<int>(alive_), services = &ctx.services,
                     owner = ctx.session.account_client_id, id = inv.invitation_id, accept] {
                        if (alive.expired() || !services->social) return;
                        auto out = services->social->answer_invitation(owner, id, accept);
                        if (!out.ok()) {
                            answer_error_ = out.errors.front();
                            return;
                        }
                        unsent_[id] = accept ? TeamAnswer::accept : TeamAnswer::decline;
                    });
}

void InvitationsScreen::draw(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    if (!ctx.services.social || ctx.session.account_client_id.empty()) {
        ui::text_wrapped(ui, ui.t("service.unavailable"), theme::kError);
        return;
    }
    const std::int64_t now = ui.clock.now_ms();
    if (now >= next_local_check_ms_) {
        next_local_check_ms_ = now + kLocalCheckMs;
        read_local(ctx);  // a sent answer's row goes
    }
    if (answer_error_) ui.toasts.show(ui.msg(*answer_error_), ToastKind::error, now);
    answer_error_.reset();

    ui::text_wrapped(ui, ui.t("invitations.intro"), theme::kMuted);
    const char* status = "loaded";
    switch (state_) {
        case LoadState::loading: status = "loading"; break;
        case LoadState::loaded: break;
        case LoadState::offline: status = "offline"; break;
        case LoadState::failed: status = "failed"; break;
    }
    ui.registry.record({"invitations.status", "", WidgetKind::text, {}, true, true, status, message_});
    if (state_ == LoadState::loading) {
        ui::text(ui, ui.t("invitations.loading"), theme::kMuted);
        return;
    }
    if (state_ != LoadState::loaded) {
        ui::text_wrapped(ui, "⚠ " + message_, theme::kError);
        if (ui::button(ui, "invitations.reload", ui.t("invitations.reload"),
                       {ui::ButtonStyle::secondary, true, m.em * 10, 0}))
            load(ctx);
        return;
    }
    std::size_t shown = 0;
    for (std::size_t i = 0; i < items_.size(); ++i) {
        const InvitationView& inv = items_[i];
        if (sent_.count(inv.invitation_id)) continue;
        const std::string id = "invitations.row." + std::to_string(i);
        ImGui::PushID(id.c_str());
        ImGui::Dummy(ImVec2(0, m.gap() * 0.3f));
        ui::text(ui, ui.t("invitations.team") + inv.team_name);
        ui::text(ui, ui.t("invitations.inviter") + inviter_name(inv.inviter), theme::kMuted);
        if (!inv.comment.empty()) ui::text_wrapped(ui, ui.t("invitations.comment") + inv.comment);
        ui.registry.record({id, inv.team_name, WidgetKind::list_item, {}, true, true,
                            inv.team_name + " / " + inviter_name(inv.inviter) + " / " + inv.comment, {}});
        auto answered = unsent_.find(inv.invitation_id);
        std::string sync;
        if (answered != unsent_.end()) {
            sync = ui.t(answered->second == TeamAnswer::accept ? "invitations.pending_accept"
                                                                : "invitations.pending_decline");
            ui::text(ui, sync, kPendingColour);
        } else {
            if (ui::button(ui, id + ".accept", ui.t("invitations.accept"), {ui::ButtonStyle::primary, true, m.em * 7, 0}))
                answer(ui, ctx, inv, true);
            ImGui::SameLine(0, m.gap());
            if (ui::button(ui, id + ".decline", ui.t("invitations.decline"),
                           {ui::ButtonStyle::danger, true, m.em * 7, 0}))
                answer(ui, ctx, inv, false);
        }
        ui.registry.record({id + ".sync", "", WidgetKind::text, {}, true, true,
                            answered == unsent_.end() ? "open" : "pending", sync});
        ImGui::Separator();
        ImGui::PopID();
        ++shown;
    }
    if (shown == 0) ui::text_wrapped(ui, ui.t("invitations.none"), theme::kMuted);
}

void PendingInvitationsBanner::refresh(ScreenContext& ctx) {
    SocialService* social = ctx.services.social;
    const std::string owner = ctx.session.account_client_id;
    if (owner != owner_) {
        owner_ = owner;
        count_ = 0;
    }
    if (!social || owner.empty()) return;
    std::weak_ptr<int> alive = alive_;
    social->invitations(owner, [this, alive, social, owner](SocialRead<std::vector<InvitationView>> r) {
        if (alive.expired() || owner != owner_) return;  // another person's session by now
        if (!r.ok) {
            count_ = 0;  // offline: no banner rather than an old count
            return;
        }
        std::vector<TeamAnswerChange> answered;
        if (auto local = social->local_answers(owner)) answered = std::move(*local);
        count_ = invitations_to_answer(r.value, answered);
    });
}

void PendingInvitationsBanner::draw(Ui& ui, ScreenContext& ctx) {
    if (count_ == 0 || owner_.empty() || owner_ != ctx.session.account_client_id) return;
    const std::string label =
        ui.t("invitations.banner_prefix") + std::to_string(count_) + ui.t("invitations.banner_suffix");
    if (ui::button(ui, "home.invitations", label, {ui::ButtonStyle::primary, true, -1, 0}))
        ctx.nav.push(ScreenId::invitations);
    ui.registry.record({"home.invitations_count", "", WidgetKind::text, {}, true, true, std::to_string(count_), {}});
    ImGui::Dummy(ImVec2(0, ui.metrics.gap()));
}

}  // namespace madoguchi
