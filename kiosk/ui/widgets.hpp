// Touch widgets: every one is at least Metrics::touch_min() tall, draws its
// text through the font set (so glyphs exist before they are shown) and
// records itself in the widget registry.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "data/model/civil_date.hpp"
#include "kiosk/ui/text_field.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/toasts.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace madoguchi::ui {

enum class ButtonStyle { primary, secondary, danger, quiet };

struct ButtonOpts {
    ButtonStyle style = ButtonStyle::secondary;
    bool enabled = true;
    float width = 0;   // 0 = fit the label, < 0 = fill the row
    float height = 0;  // 0 = Metrics::button_h()
};

bool button(Ui& ui, const std::string& id, const std::string& label, ButtonOpts opts = {});

void text(Ui& ui, const std::string& s, ImU32 color = theme::kText);
void text_wrapped(Ui& ui, const std::string& s, ImU32 color = theme::kText);
void title(Ui& ui, const std::string& s);
void error_text(Ui& ui, const Error& e);

// A labelled field box; tapping it opens the on-screen keyboard for it.
// Shows 必須/任意, the value (masked for passwords), and the inline error.
void text_field(Ui& ui, const std::string& id, const std::string& label, TextField& field,
                const std::string& hint = {});

// A large on/off switch.
bool toggle(Ui& ui, const std::string& id, const std::string& label, bool& value);

// One choice among options, as a row of large segment buttons.
bool segmented(Ui& ui, const std::string& id, const std::string& label, const std::vector<std::string>& options,
               int& index);

// A list of options in a scrollable box (prefectures, statuses…).
bool select_list(Ui& ui, const std::string& id, const std::string& label, const std::vector<std::string>& options,
                 int& index, float height_em = 8.0f);

// Year / month / day steppers showing 西暦 and 和暦 side by side.
bool date_picker(Ui& ui, const std::string& id, const std::string& label, CivilDate& date, int min_year,
                 int max_year);

// A child region scrolled by dragging empty space or anything in it (touch
// has no wheel); a drag past the threshold cancels the press under it.
void begin_drag_scroll(Ui& ui, const std::string& id, ImVec2 size);
void end_drag_scroll(Ui& ui);

// "必須" / "任意" badge on the current line.
void requirement_badge(Ui& ui, bool required);

}  // namespace madoguchi::ui
