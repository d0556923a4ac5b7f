// The one place that knows every screen class.
#include "screens/screen_factory.hpp"

#include "screens/account_settings_screen.hpp"
#include "screens/attract_screen.hpp"
#include "screens/home_screen.hpp"
#include "screens/pin_entry_screen.hpp"
#include "screens/profile_screen.hpp"
#include "screens/sign_in_screen.hpp"
#include "screens/sign_up_screen.hpp"
#include "screens/staff_home_screen.hpp"
#include "screens/technician_settings_screen.hpp"

namespace madoguchi {

ScreenFactory make_screen_factory() {
    return [](ScreenId id) -> std::unique_ptr<Screen> {
        switch (id) {
            case ScreenId::attract: return std::make_unique<AttractScreen>();
            case ScreenId::home: return std::make_unique<HomeScreen>();
            case ScreenId::staff_pin: return std::make_unique<PinEntryScreen>(PinEntryScreen::Role::staff);
            case ScreenId::technician_pin: return std::make_unique<PinEntryScreen>(PinEntryScreen::Role::technician);
            case ScreenId::technician_settings: return std::make_unique<TechnicianSettingsScreen>();
            case ScreenId::sign_up: return std::make_unique<SignUpScreen>();
            case ScreenId::sign_in: return std::make_unique<SignInScreen>();
            case ScreenId::profile: return std::make_unique<ProfileScreen>();
            case ScreenId::account_settings: return std::make_unique<AccountSettingsScreen>();
            case ScreenId::staff_home: return std::make_unique<StaffHomeScreen>();
            default: return nullptr;
        }
    };
}

bool screen_exists(ScreenId id) { return make_screen_factory()(id) != nullptr; }

}  // namespace madoguchi
