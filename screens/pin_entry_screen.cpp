// PinEntryScreen: verify, lock out, enter the mode.
#include "screens/pin_entry_screen.hpp"

#include <imgui.h>

#include <cstdio>

#include "kiosk/ui/pin_pad.hpp"
#include "kiosk/ui/widgets.hpp"

namespace madoguchi {

void PinEntryScreen::draw(Ui& ui, ScreenContext& ctx) {
    const bool staff = role_ == Role::staff;
    PinLockout& lockout = staff ? ctx.services.staff_lockout : ctx.services.technician_lockout;
    const std::string& hash = staff ? ctx.services.config->staff_pin_hash : ctx.services.config->technician_pin_hash;
    const auto now = ui.clock.now_ms();

    ui::text_wrapped(ui, ui.t(staff ? "pin.staff_prompt" : "pin.tech_prompt"));
    if (hash.empty()) {
        ui::text_wrapped(ui, ui.t("pin.not_configured"), theme::kError);
        return;
    }
    if (lockout.locked(now)) {
        char buf[256];
        std::snprintf(buf, sizeof buf, ui.t("pin.locked").c_str(), lockout.seconds_left(now));
        ui::text_wrapped(ui, buf, theme::kError);
        ui.registry.record({"pin.status", "", WidgetKind::text, {}, true, true, "locked", buf});
        return;
    }
    if (!message_key_.empty()) {
        ui::text_wrapped(ui, ui.t(message_key_), theme::kError);
        ui.registry.record({"pin.status", "", WidgetKind::text, {}, true, true, message_key_, ui.t(message_key_)});
    }
    ImGui::Dummy(ImVec2(0, ui.metrics.gap()));
    if (!ui::pin_pad(ui, "pin", pin_)) return;

    // Argon2id verification takes ~50-100 ms: acceptable once per submit.
    const bool ok = verify_pin(hash, pin_);
    pin_.clear();
    if (!ok) {
        lockout.record_failure(now);
        message_key_ = "pin.wrong";
        return;
    }
    lockout.record_success();
    message_key_.clear();
    ctx.session.mode = staff ? Mode::staff : Mode::technician;
    ctx.nav.replace(staff ? ScreenId::staff_home : ScreenId::technician_settings);
}

}  // namespace madoguchi
