// IdentityStatusScreen: local status, then the server's, with what to do.
#include "screens/identity_status_screen.hpp"

#include "kiosk/ui/widgets.hpp"
#include "services/staff_service.hpp"

namespace madoguchi {

ImU32 verification_colour(VerificationStatus s) {
    switch (s) {
        case VerificationStatus::verified: return IM_COL32(30, 120, 60, 255);
        case VerificationStatus::rejected: return theme::kError;
        case VerificationStatus::pending: return IM_COL32(150, 95, 0, 255);
        default: return theme::kMuted;
    }
}

void IdentityStatusScreen::on_enter(ScreenContext& ctx) {
    alive_ = std::make_shared<IdentityStatusScreen*>(this);
    view_.reset();
    note_.reset();
    IdentityService* identity = ctx.services.identity;
    if (!identity || ctx.session.account_client_id.empty()) return;
    if (auto local = identity->local_status(ctx.session.account_client_id)) view_ = *local;
    fetch(ctx);
}

void IdentityStatusScreen::on_exit(ScreenContext&) { alive_.reset(); }

void IdentityStatusScreen::fetch(ScreenContext& ctx) {
    std::weak_ptr<IdentityStatusScreen*> token = alive_;
    ctx.services.identity->fetch(ctx.session.account_client_id, [token](Result<IdentityStatusView> r) {
        auto self = token.lock();
        if (!self) return;
        IdentityStatusScreen& screen = **self;
        if (r) {
            screen.view_ = *r;
            screen.note_.reset();
        } else {
            screen.note_ = r.error();
        }
    });
}

void IdentityStatusScreen::draw(Ui& ui, ScreenContext& ctx) {
    IdentityService* identity = ctx.services.identity;
    if (!identity || ctx.session.account_client_id.empty()) {
        ui::text_wrapped(ui, ui.t("identity.sign_in_first"), theme::kError);
        return;
    }
    const IdentityStatusView v = view_.value_or(IdentityStatusView{});
    ui::text(ui, ui.t("identity.status_label"), theme::kMuted);
    ui::title(ui, ui.t(verification_status_key(v.status)));
    ui.registry.record({"identity.status", "", WidgetKind::text, {}, true, true,
                        ui.t(verification_status_key(v.status)), {}});
    const char* explain = "identity.explain.not_submitted";
    switch (v.status) {
        case VerificationStatus::pending: explain = "identity.explain.pending"; break;
        case VerificationStatus::verified: explain = "identity.explain.verified"; break;
        case VerificationStatus::rejected: explain = "identity.explain.rejected"; break;
        default: break;
    }
    ui::text_wrapped(ui, ui.t(explain), verification_colour(v.status));
    if (v.status == VerificationStatus::rejected && !v.rejection_reason.empty()) {
        ui::text_wrapped(ui, ui.t("identity.reason") + v.rejection_reason, theme::kError);
        ui.registry.record({"identity.reason", "", WidgetKind::text, {}, true, true, v.rejection_reason, {}});
    }
    ImGui::Dummy(ImVec2(0, ui.metrics.gap()));
    ui::text_wrapped(ui, ui.t("identity.accepted_documents"), theme::kMuted);
    ui::text_wrapped(ui, ui.t("identity.my_number_note"), theme::kError);
    ImGui::Dummy(ImVec2(0, ui.metrics.gap()));
    if (identity->fetching()) ui::text(ui, ui.t("identity.fetching"), theme::kMuted);
    else if (note_) ui::text_wrapped(ui, ui.msg(*note_), theme::kMuted);
    else if (view_ && !v.from_server) ui::text_wrapped(ui, ui.t("identity.local_only"), theme::kMuted);
    if (ui::button(ui, "identity.refresh", ui.t("identity.refresh"), {ui::ButtonStyle::secondary, !identity->fetching(), 0, 0}))
        fetch(ctx);
}

}  // namespace madoguchi
