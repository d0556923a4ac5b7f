// PasswordChangeScreen: three masked fields, inline rule errors, server answer.
#include "screens/password_change_screen.hpp"

#include <imgui.h>

#include "kiosk/ui/widgets.hpp"

namespace madoguchi {

void PasswordChangeScreen::draw(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    if (result_->has_value()) {
        PasswordChangeOutcome out = std::move(**result_);
        result_->reset();
        finish(ui, out);
    }
    ui::text_wrapped(ui, ui.t("password.rules"), theme::kMuted);
    ImGui::Dummy(ImVec2(0, m.gap() * 0.5f));
    ui::text_field(ui, "password.current", ui.t("password.current"), current_);
    ui::text_field(ui, "password.new", ui.t("password.new"), new_);
    ui::text_field(ui, "password.confirm", ui.t("password.confirm"), confirm_);
    if (!form_error_.empty()) ui::text_wrapped(ui, form_error_, theme::kError);
    const char* state = waiting_ ? "waiting" : changed_ ? "changed" : form_error_.empty() ? "idle" : "error";
    ui.registry.record({"password.status", "", WidgetKind::text, {}, true, true, state, form_error_});
    if (changed_) ui::text_wrapped(ui, ui.t("password.changed"), theme::kPrimary);
    ImGui::Dummy(ImVec2(0, m.gap()));
    if (waiting_) {
        ui::text(ui, ui.t("password.sending"), theme::kMuted);
        return;
    }
    if (ui::button(ui, "password.submit", ui.t("password.submit"), {ui::ButtonStyle::primary, true, m.em * 12, 0}))
        submit(ui, ctx);
}

void PasswordChangeScreen::show(const Errors& errors, Ui& ui) {
    for (const Error& e : errors) {
        TextField* f = e.field == "current_password"       ? &current_
                       : e.field == "new_password"         ? &new_
                       : e.field == "new_password_confirm" ? &confirm_
                                                           : nullptr;
        if (f && !f->error) f->error = e;
        else if (!f && form_error_.empty()) form_error_ = ui.msg(e);
    }
}

void PasswordChangeScreen::submit(Ui& ui, ScreenContext& ctx) {
    for (TextField* f : {&current_, &new_, &confirm_}) f->error.reset();
    form_error_.clear();
    changed_ = false;
    if (!ctx.services.accounts) {
        form_error_ = ui.t("service.unavailable");
        return;
    }
    std::weak_ptr<std::optional<PasswordChangeOutcome>> slot = result_;
    Errors errs = ctx.services.accounts->change_password(
        ctx.session.account_client_id, PasswordChangeRequest{current_.value, new_.value, confirm_.value},
        [slot](PasswordChangeOutcome out) {
            if (auto s = slot.lock()) *s = std::move(out);
        });
    if (!errs.empty()) {
        show(errs, ui);
        ui.toasts.show(ui.t("form.fix_errors"), ToastKind::error, ui.clock.now_ms());
        return;
    }
    waiting_ = true;
}

void PasswordChangeScreen::finish(Ui& ui, const PasswordChangeOutcome& out) {
    waiting_ = false;
    if (!out.ok) {
        show(out.errors, ui);  // every value typed stays for another try
        return;
    }
    // Done: no password stays in memory longer than needed.
    for (TextField* f : {&current_, &new_, &confirm_}) f->clear();
    changed_ = true;
    ui.toasts.show(ui.t("password.changed"), ToastKind::success, ui.clock.now_ms());
}

}  // namespace madoguchi
