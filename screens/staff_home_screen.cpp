// StaffHomeScreen.
#include "screens/staff_home_screen.hpp"

#include "kiosk/ui/widgets.hpp"

namespace madoguchi {

void StaffHomeScreen::draw(Ui& ui, ScreenContext& ctx) {
    ui::text_wrapped(ui, ui.t("staff.intro"));
    if (ui::button(ui, "staff.leave", ui.t("staff.leave"), {ui::ButtonStyle::primary, true, 0, 0}))
        ctx.nav.end_session();
}

}  // namespace madoguchi
