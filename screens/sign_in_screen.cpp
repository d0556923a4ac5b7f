// SignInScreen: fields, asynchronous server check, inline errors.
#include "screens/sign_in_screen.hpp"

#include <imgui.h>

#include "kiosk/ui/widgets.hpp"
#include "services/account_service.hpp"

namespace madoguchi {

void SignInScreen::draw(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    if (result_->has_value()) {
        SignInOutcome out = std::move(**result_);
        result_->reset();
        finish(out, ctx);
    }
    ui::text_field(ui, "sign_in.login", ui.t("sign_in.login"), login_, ui.t("sign_in.login_hint"));
    ui::text_field(ui, "sign_in.password", ui.t("sign_in.password"), password_);
    if (!form_error_.empty()) ui::text_wrapped(ui, form_error_, theme::kError);
    ui.registry.record({"sign_in.status", "", WidgetKind::text, {}, true, true,
                        waiting_ ? "waiting" : form_error_.empty() ? "idle" : "error", form_error_});
    ImGui::Dummy(ImVec2(0, m.gap()));
    if (waiting_) {
        ui::text(ui, ui.t("sign_in.checking"), theme::kMuted);
        return;
    }
    if (!ui::button(ui, "sign_in.submit", ui.t("sign_in.submit"), {ui::ButtonStyle::primary, true, m.em * 12, 0}))
        return;
    form_error_.clear();
    login_.error.reset();
    password_.error.reset();
    bool ok = true;
    for (auto [f, code] : {std::pair{&login_, "sign_in.login"}, std::pair{&password_, "password"}}) {
        if (f->value.empty()) {
            f->error = Error{"required", code, "入力してください。", "Please fill this in."};
            ok = false;
        }
    }
    if (!ok) return;
    if (!ctx.services.accounts) {
        form_error_ = ui.t("service.unavailable");
        return;
    }
    std::weak_ptr<std::optional<SignInOutcome>> slot = result_;
    waiting_ = ctx.services.accounts->sign_in(SignInRequest{login_.value, password_.value}, [slot](SignInOutcome out) {
        if (auto s = slot.lock()) *s = std::move(out);
    });
}

void SignInScreen::finish(const SignInOutcome& out, ScreenContext& ctx) {
    waiting_ = false;
    if (!out.ok) {
        if (out.error.field == "password") password_.error = out.error;
        else form_error_ = ctx.session.language == Language::ja ? out.error.message_ja : out.error.message_en;
        return;
    }
    if (auto started = ctx.services.accounts->start_session(out.account.meta.client_id); !started) {
        form_error_ = ctx.session.language == Language::ja ? started.error().message_ja : started.error().message_en;
        return;
    }
    password_.clear();
    ctx.session.account_client_id = out.account.meta.client_id;
    ctx.session.display_name = out.account.username;
    ctx.nav.replace(ScreenId::home);
}

}  // namespace madoguchi
