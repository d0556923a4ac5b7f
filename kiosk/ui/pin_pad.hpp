// A large numeric PIN pad showing dots, never the digits.
#pragma once

#include <string>

#include "kiosk/ui/ui_context.hpp"

namespace madoguchi::ui {

// Draws the pad editing `pin`; returns true when 確定 (enter) is pressed.
bool pin_pad(Ui& ui, const std::string& id, std::string& pin, std::size_t max_digits = 12);

}  // namespace madoguchi::ui
