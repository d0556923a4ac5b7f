// Makes the screen for an id (nullptr for screens this build does not have).
#pragma once

#include "kiosk/screen.hpp"

namespace madoguchi {

ScreenFactory make_screen_factory();
bool screen_exists(ScreenId id);

}  // namespace madoguchi
