// StaffHomeScreen: registrant list from StaffService, leave staff mode.
#include "screens/staff_home_screen.hpp"

#include <imgui.h>

#include "kiosk/ui/widgets.hpp"
#include "screens/identity_status_screen.hpp"

namespace madoguchi {

void StaffHomeScreen::on_enter(ScreenContext& ctx) {
    StaffService* staff = ctx.services.staff;
    if (!staff) return;
    // The PIN screen switched the session to staff mode: the first staff
    // screen of a session opens the staff session (and its audit row).
    if (staff->staff_id().empty() || staff->draft().session_serial != ctx.session.serial)
        staff->begin(ctx.session.staff_id, ctx.session.serial);
    auto list = staff->todays_registrants();
    if (list) {
        registrants_ = std::move(*list);
        load_error_.reset();
    } else {
        load_error_ = list.error();
    }
}

void StaffHomeScreen::on_exit(ScreenContext& ctx) {
    StaffService* staff = ctx.services.staff;
    if (staff && !staff->staff_id().empty()) staff->end(StaffService::kSessionEnded);
}

void StaffHomeScreen::draw(Ui& ui, ScreenContext& ctx) {
    StaffService* staff = ctx.services.staff;
    const float bottom = ui.metrics.primary_h() + ui.metrics.gap() * 2;
    if (!staff) {
        ui::text_wrapped(ui, ui.t("staff.unavailable"), theme::kError);
    } else {
        ui::title(ui, ui.t("staff.registrants_today"));
        if (load_error_) ui::error_text(ui, *load_error_);
        const ImVec2 avail = ImGui::GetContentRegionAvail();
        ui::begin_drag_scroll(ui, "staff.list", ImVec2(avail.x, avail.y - bottom));
        if (registrants_.empty() && !load_error_) ui::text_wrapped(ui, ui.t("staff.no_registrants"), theme::kMuted);
        for (std::size_t i = 0; i < registrants_.size(); ++i) {
            const RegistrantSummary& r = registrants_[i];
            const std::string number = r.registration_number.empty() ? ui.t("staff.no_number") : r.registration_number;
            const std::string who = r.name.empty() ? r.username : r.name;
            std::string label = number + "   " + who + "   " + ui.t(verification_status_key(r.status));
            const std::string id = "staff.registrant." + std::to_string(i);
            if (ui::button(ui, id, label, {ui::ButtonStyle::secondary, true, -1, 0})) {
                if (staff->open_registrant(r)) ctx.nav.push(ScreenId::staff_registrant);
            }
            if (r.status == VerificationStatus::rejected && !r.rejection_reason.empty())
                ui::text_wrapped(ui, ui.t("staff.reason") + r.rejection_reason, verification_colour(r.status));
        }
        ui::end_drag_scroll(ui);
    }
    ImGui::SetCursorPosY(ImGui::GetWindowHeight() - bottom);
    if (ui::button(ui, "staff.leave", ui.t("staff.leave"), {ui::ButtonStyle::primary, true, 0, 0})) {
        if (staff) staff->end(StaffService::kExitButton);
        ctx.nav.end_session();
    }
}

}  // namespace madoguchi
