// SignUpScreen: consent, fields with inline errors, then the saved state.
#include "screens/sign_up_screen.hpp"

#include <imgui.h>

#include "kiosk/ui/widgets.hpp"
#include "services/account_service.hpp"

namespace madoguchi {

void SignUpScreen::draw(Ui& ui, ScreenContext& ctx) {
    switch (step_) {
        case Step::consent: draw_consent(ui); break;
        case Step::fields: draw_fields(ui, ctx); break;
        case Step::done: draw_done(ui, ctx); break;
    }
}

// APPI: the purpose of use is shown and agreed to before any personal data.
void SignUpScreen::draw_consent(Ui& ui) {
    const auto& m = ui.metrics;
    ui::title(ui, ui.t("sign_up.purpose_title"));
    ui::text_wrapped(ui, ui.t("sign_up.purpose_body"));
    ui.registry.record({"sign_up.purpose", "", WidgetKind::text, {}, true, true, ui.t("sign_up.purpose_body"), {}});
    ImGui::Dummy(ImVec2(0, m.gap()));
    ui::toggle(ui, "sign_up.consent", ui.t("sign_up.consent"), consent_);
    ImGui::Dummy(ImVec2(0, m.gap()));
    if (ui::button(ui, "sign_up.next", ui.t("sign_up.next"), {ui::ButtonStyle::primary, consent_, m.em * 12, 0}))
        step_ = Step::fields;
}

void SignUpScreen::draw_fields(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    ui::text_field(ui, "sign_up.username", ui.t("sign_up.username"), username_, ui.t("sign_up.username_hint"));
    // The username becomes the public profile URL and can never change.
    ui::text_wrapped(ui, ui.t("sign_up.username_warning"), theme::kError);
    const std::string url = ui.t("sign_up.profile_url_prefix") + (username_.value.empty() ? "…" : username_.value);
    ui::text(ui, url, theme::kMuted);
    ui.registry.record({"sign_up.profile_url", "", WidgetKind::text, {}, true, true, url, {}});
    ImGui::Dummy(ImVec2(0, m.gap() * 0.5f));
    ui::text_field(ui, "sign_up.email", ui.t("sign_up.email"), email_);
    ui::text_field(ui, "sign_up.password", ui.t("sign_up.password"), password_, ui.t("sign_up.password_hint"));
    ui::text_field(ui, "sign_up.password_confirm", ui.t("sign_up.password_confirm"), password_confirm_);
    if (!form_error_.empty()) ui::text_wrapped(ui, form_error_, theme::kError);
    ImGui::Dummy(ImVec2(0, m.gap()));
    if (ui::button(ui, "sign_up.submit", ui.t("sign_up.submit"), {ui::ButtonStyle::primary, true, m.em * 12, 0}))
        submit(ui, ctx);
}

void SignUpScreen::submit(Ui& ui, ScreenContext& ctx) {
    form_error_.clear();
    for (TextField* f : {&username_, &email_, &password_, &password_confirm_}) f->error.reset();
    if (!ctx.services.accounts) {
        form_error_ = ui.t("service.unavailable");
        return;
    }
    SignUpRequest req{username_.value, email_.value, password_.value, password_confirm_.value, consent_};
    SignUpOutcome out = ctx.services.accounts->sign_up(req);
    if (!out.ok()) {
        for (const Error& e : out.errors) {
            TextField* f = e.field == "username"           ? &username_
                           : e.field == "email"            ? &email_
                           : e.field == "password"         ? &password_
                           : e.field == "password_confirm" ? &password_confirm_
                                                           : nullptr;
            if (f && !f->error) f->error = e;
            else if (!f) form_error_ = ui.msg(e);
        }
        ui.toasts.show(ui.t("form.fix_errors"), ToastKind::error, ui.clock.now_ms());
        return;
    }
    account_ = out.account;
    // The passwords are not needed any more; keep them out of memory.
    password_.clear();
    password_confirm_.clear();
    ctx.session.account_client_id = account_.meta.client_id;
    ctx.session.display_name = account_.username;
    delivery_ = "queued";
    next_poll_ms_ = 0;
    step_ = Step::done;
}

void SignUpScreen::draw_done(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    // The sync engine sends the row in the background; re-read its state
    // about once a second (a small indexed query, never every frame).
    if (ctx.services.accounts && ui.clock.now_ms() >= next_poll_ms_) {
        next_poll_ms_ = ui.clock.now_ms() + 1000;
        if (auto d = ctx.services.accounts->sign_up_delivery(account_.meta.client_id)) {
            delivery_ = *d == SignUpDelivery::sent ? "sent" : *d == SignUpDelivery::failed ? "failed" : "queued";
        }
    }
    ui::title(ui, ui.t("sign_up.done_title"));
    ui::text(ui, ui.t("sign_up.registration_number"));
    ui::title(ui, account_.registration_number);
    ui.registry.record({"sign_up.registration_number", "", WidgetKind::text, {}, true, true,
                        account_.registration_number, {}});
    const std::string status = ui.t("sign_up.delivery." + delivery_);
    ui::text_wrapped(ui, status, delivery_ == "failed" ? theme::kError : theme::kMuted);
    ui.registry.record({"sign_up.delivery", "", WidgetKind::text, {}, true, true, delivery_, {}});
    ImGui::Dummy(ImVec2(0, m.gap()));
    if (ui::button(ui, "sign_up.continue", ui.t("sign_up.continue"), {ui::ButtonStyle::primary, true, m.em * 12, 0}))
        ctx.nav.replace(ScreenId::home);
}

}  // namespace madoguchi
