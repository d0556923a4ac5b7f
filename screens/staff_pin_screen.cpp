// StaffPinScreen: delegates to PinEntryScreen, audits the failures it sees.
#include "screens/staff_pin_screen.hpp"

#include "services/staff_service.hpp"

namespace madoguchi {

void StaffPinScreen::draw(Ui& ui, ScreenContext& ctx) {
    const int failures_before = ctx.services.staff_lockout.failures();
    pin_.draw(ui, ctx);
    // record_failure() is the only way the count grows: one row per wrong PIN.
    if (ctx.services.staff && ctx.services.staff_lockout.failures() > failures_before)
        ctx.services.staff->record_failed_pin("staff");
}

}  // namespace madoguchi
