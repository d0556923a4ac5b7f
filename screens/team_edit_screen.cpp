// TeamEditScreen: 【3】 Steps 2–6 in the guide's order; nothing typed is lost
// when the rules refuse it (the errors show under their fields).
#include "screens/team_edit_screen.hpp"

#include <imgui.h>

#include "kiosk/ui/widgets.hpp"
#include "services/company_service.hpp"
#include "services/social_service.hpp"

namespace madoguchi {

void TeamEditScreen::on_enter(ScreenContext& ctx) {
    alive_ = std::make_shared<int>(0);
    editing_ = !ctx.session.social.team_id.empty();
    team_ = Team{};
    team_.meta.client_id = ctx.session.social.team_id;
    if (editing_) load(ctx);
}

void TeamEditScreen::on_exit(ScreenContext&) { alive_.reset(); }

void TeamEditScreen::fill_from(const Team& t) {
    team_ = t;
    slug_.value = t.url_slug;
    name_.value = t.name;
    description_.value = t.description;
    logo_file_id_ = t.logo_file_id;
    logo_is_local_ = false;  // the platform's upload; show_logo() says otherwise for the kiosk's copy
}

void TeamEditScreen::load(ScreenContext& ctx) {
    SocialService* social = ctx.services.social;
    const std::string owner = ctx.session.account_client_id;
    if (!social || owner.empty()) return;
    // A team saved here and not yet sent is edited from the kiosk's copy
    // (the platform has none). Once sent, the platform's page is the truth:
    // its logo is the platform's upload, kept without uploading it again.
    if (auto mine = social->local_teams(owner)) {
        for (const Team& t : *mine) {
            if (t.meta.client_id != team_.meta.client_id || t.meta.sync_state == SyncState::sent) continue;
            fill_from(t);
            state_ = LoadState::ready;
            show_logo(ctx.services, owner);
            return;
        }
    }
    state_ = LoadState::loading;
    std::weak_ptr<int> alive = alive_;
    social->team(owner, team_.meta.client_id, [this, alive](SocialRead<TeamPage> r) {
        if (alive.expired()) return;  // left, or the session was wiped
        if (!r.ok) {
            state_ = r.offline ? LoadState::offline : LoadState::failed;
            load_message_ = r.error.message_ja + "\n" + r.error.message_en;
            return;
        }
        if (r.value.my_role != "owner") {
            state_ = LoadState::failed;
            load_message_ = "チームを編集できるのは作成者だけです。\nOnly the team's creator can edit it.";
            return;
        }
        Team t;
        t.meta.client_id = r.value.team_id;
        t.url_slug = r.value.url_slug;
        t.name = r.value.name;
        t.description = r.value.description;
        t.logo_file_id = r.value.logo_file_id;
        fill_from(t);
        state_ = LoadState::ready;
    });
}

// The preview of a logo photographed here (the platform's is kept as it
// is): decoded on the company service's logo worker, never in the frame.
void TeamEditScreen::show_logo(Services& services, const std::string& owner) {
    logo_view_.clear();
    logo_is_local_ = !logo_file_id_.empty();
    if (!logo_is_local_ || !services.companies) return;
    std::weak_ptr<int> alive = alive_;
    services.companies->local_logo_async(owner, logo_file_id_,
                                             [this, alive](const std::string& file_id, Result<Image> image) {
                                                 if (alive.expired() || file_id != logo_file_id_ || !image) return;
                                                 logo_view_.set_image(*image);
                                             });
}

// The same logo capture as the company form (【11】): a still on the camera
// worker, encrypted into the file store for this person.
void TeamEditScreen::capture_logo(Ui& ui, ScreenContext& ctx) {
    if (!ctx.services.companies || !ctx.services.companies->camera_available()) {
        logo_message_ = ui.t("team_edit.logo_no_camera");
        return;
    }
    std::weak_ptr<int> alive = alive_;
    const bool started = ctx.services.companies->capture_logo(
        ctx.session.account_client_id, [this, alive, services = &ctx.services, owner = ctx.session.account_client_id](LogoCaptureOutcome out) {
            if (alive.expired()) return;
            capturing_ = false;
            if (!out.ok) {
                logo_message_ = out.error.message_ja + "\n" + out.error.message_en;
                return;
            }
            logo_file_id_ = out.file_id;
            logo_message_.clear();
            show_logo(*services, owner);
        });
    capturing_ = started;
}

void TeamEditScreen::submit(Ui& ui, ScreenContext& ctx) {
    form_fields_.clear_errors();
    other_errors_.clear();
    if (!ctx.services.social) {
        ui.toasts.show(ui.t("service.unavailable"), ToastKind::error, ui.clock.now_ms());
        return;
    }
    Team t = team_;
    if (!editing_) t.url_slug = slug_.value;  // an edit keeps the registered URL
    t.name = name_.value;
    t.description = description_.value;
    t.logo_file_id = logo_file_id_;
    auto out = ctx.services.social->save_team(ctx.session.account_client_id, std::move(t));
    if (!out.ok()) {
        other_errors_ = form_fields_.place(out.errors);
        ui.toasts.show(ui.t("form.fix_errors"), ToastKind::error, ui.clock.now_ms());
        return;
    }
    ui.toasts.show(ui.t("team_edit.saved"), ToastKind::success, ui.clock.now_ms());
    ctx.nav.pop();
}

void TeamEditScreen::draw_logo(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    ui::step_heading(ui, ui.t("team_edit.step.logo"));
    ui::requirement_badge(ui, false);
    const float side = m.touch_min() * 2.0f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(p, ImVec2(p.x + side, p.y + side), theme::kSurface, m.em * 0.3f);
    if (!logo_view_.empty()) logo_view_.draw(dl, ImVec2(p.x + 3, p.y + 3), ImVec2(side - 6, side - 6));
    dl->AddRect(p, ImVec2(p.x + side, p.y + side), theme::kBorder, m.em * 0.3f, 0, 2.0f);
    ImGui::Dummy(ImVec2(side, side));
    ui.registry.record({"team_edit.logo_preview", "", WidgetKind::text, {}, true, true,
                        logo_view_.empty() ? "none" : "shown", {}});
    ImGui::SameLine(0, m.gap());
    ImGui::BeginGroup();
    const char* state = logo_file_id_.empty() ? "none" : logo_is_local_ ? "set" : "platform";
    const std::string key = std::string("team_edit.logo_") + state;
    ui::text_wrapped(ui, ui.t(key));
    ui.registry.record({"team_edit.logo_state", "", WidgetKind::text, {}, true, true, state, logo_message_});
    if (ui::button(ui, "team_edit.logo", ui.t(capturing_ ? "team_edit.logo_capturing" : "team_edit.logo_capture"),
                   {ui::ButtonStyle::secondary, !capturing_, m.em * 12, 0}))
        capture_logo(ui, ctx);
    ImGui::EndGroup();
    if (!logo_message_.empty()) ui::text_wrapped(ui, "⚠ " + logo_message_, theme::kError);
}

void TeamEditScreen::draw(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    if (!ctx.services.social || ctx.session.account_client_id.empty()) {
        ui::text_wrapped(ui, ui.t("service.unavailable"), theme::kError);
        return;
    }
    ui::title(ui, ui.t(editing_ ? "team_edit.heading_edit" : "team_edit.heading_new"));
    const char* state = "ready";
    switch (state_) {
        case LoadState::ready: break;
        case LoadState::loading: state = "loading"; break;
        case LoadState::offline: state = "offline"; break;
        case LoadState::failed: state = "failed"; break;
    }
    ui.registry.record({"team_edit.status", "", WidgetKind::text, {}, true, true, state, load_message_});
    if (state_ == LoadState::loading) {
        ui::text(ui, ui.t("team_edit.loading"), theme::kMuted);
        return;
    }
    if (state_ != LoadState::ready) {
        // Never a stale copy: say why and offer to try again.
        ui::text_wrapped(ui, "⚠ " + load_message_, theme::kError);
        if (ui::button(ui, "team_edit.reload", ui.t("teams.reload"), {ui::ButtonStyle::secondary, true, m.em * 10, 0}))
            load(ctx);
        return;
    }

    draw_logo(ui, ctx);

    ui::step_heading(ui, ui.t("team_edit.step.slug"));
    if (editing_) {
        // 【3】 Step 3: fixed once registered; shown, never editable.
        ui::text(ui, ui.t("team_edit.slug"), theme::kMuted);
        ui::text(ui, team_.url_slug);
        ui.registry.record({"team_edit.slug", ui.t("team_edit.slug"), WidgetKind::text, {}, false, true,
                            team_.url_slug, {}});
        ui::text_wrapped(ui, ui.t("team_edit.slug_fixed"), theme::kMuted);
    } else {
        ui::text_field(ui, "team_edit.slug", ui.t("team_edit.slug"), slug_, ui.t("team_edit.slug_hint"));
        ui::text_wrapped(ui, ui.t("team_edit.slug_warning"), theme::kError);
        ui.registry.record({"team_edit.slug_warning", "", WidgetKind::text, {}, true, true,
                            ui.t("team_edit.slug_warning"), {}});
    }

    ui::step_heading(ui, ui.t("team_edit.step.name"));
    ui::text_field(ui, "team_edit.name", ui.t("team_edit.name"), name_, ui.t("team_edit.name_hint"));
    ui::step_heading(ui, ui.t("team_edit.step.description"));
    ui::text_field(ui, "team_edit.description", ui.t("team_edit.description"), description_);
    for (const Error& e : other_errors_) ui::error_text(ui, e);

    ImGui::Dummy(ImVec2(0, m.gap()));
    if (ui::button(ui, "team_edit.submit", ui.t(editing_ ? "team_edit.update" : "team_edit.register"),
                   {ui::ButtonStyle::primary, true, m.em * 12, 0}))
        submit(ui, ctx);
}

}  // namespace madoguchi
