// AccountSettingsScreen: e-mail change request with inline errors.
#include "screens/account_settings_screen.hpp"

#include <imgui.h>

#include "kiosk/ui/widgets.hpp"
#include "services/account_service.hpp"

namespace madoguchi {

void AccountSettingsScreen::draw(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    ui::title(ui, ui.t("account.email_title"));
    ui::text_wrapped(ui, ui.t("account.email_note"), theme::kMuted);
    ui::text_field(ui, "account.new_email", ui.t("account.new_email"), new_email_);
    ui::text_field(ui, "account.new_email_confirm", ui.t("account.new_email_confirm"), new_email_confirm_);
    if (!form_error_.empty()) ui::text_wrapped(ui, form_error_, theme::kError);
    if (!sent_to_.empty()) {
        ui::text_wrapped(ui, ui.t("account.verification_queued") + sent_to_, theme::kMuted);
        ui.registry.record({"account.verification", "", WidgetKind::text, {}, true, true, sent_to_, {}});
    }
    ImGui::Dummy(ImVec2(0, m.gap()));
    // The password has its own screen (【6】): a tap away, not mixed into this form.
    if (ui::button(ui, "account.password_change", ui.t("account.password_change"),
                   {ui::ButtonStyle::secondary, true, 0, 0}))
        ctx.nav.push(ScreenId::password_change);
    ImGui::Dummy(ImVec2(0, m.gap()));
    if (!ui::button(ui, "account.send_verification", ui.t("account.send_verification"),
                    {ui::ButtonStyle::primary, true, 0, 0}))
        return;
    new_email_.error.reset();
    new_email_confirm_.error.reset();
    form_error_.clear();
    if (!ctx.services.accounts) {
        form_error_ = ui.t("service.unavailable");
        return;
    }
    EmailChangeRequest req;
    req.new_email = new_email_.value;
    req.new_email_confirm = new_email_confirm_.value;
    Errors errs = ctx.services.accounts->request_email_change(ctx.session.account_client_id, req);
    for (const Error& e : errs) {
        if (e.field == "new_email" && !new_email_.error) new_email_.error = e;
        else if (e.field == "new_email_confirm" && !new_email_confirm_.error) new_email_confirm_.error = e;
        else if (e.field != "new_email" && e.field != "new_email_confirm") form_error_ = ui.msg(e);
    }
    if (errs.empty()) {
        sent_to_ = new_email_.value;
        new_email_.clear();
        new_email_confirm_.clear();
        ui.toasts.show(ui.t("account.verification_toast"), ToastKind::success, ui.clock.now_ms());
    } else {
        ui.toasts.show(ui.t("form.fix_errors"), ToastKind::error, ui.clock.now_ms());
    }
}

}  // namespace madoguchi
