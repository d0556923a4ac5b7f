// Form rows shared by the record forms: the step heading above a group of
// fields, and the binding of validation errors (Error::field) to the text
// fields that show them inline. Header-only, like image_view.hpp, so the UI
// kit's build file does not change.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <imgui.h>

#include "data/result.hpp"
#include "kiosk/ui/text_field.hpp"
#include "kiosk/ui/widgets.hpp"

namespace madoguchi::ui {

// A muted heading with half a gap above it ("Step 2  URL（半角英数字のみ）").
inline void step_heading(Ui& ui, const std::string& heading) {
    ImGui::Dummy(ImVec2(0, ui.metrics.gap() * 0.5f));
    text(ui, heading, theme::kMuted);
}

// The text fields of one form by the record field each one edits.
class FormFields {
public:
    FormFields(std::initializer_list<std::pair<std::string_view, TextField*>> fields) : fields_(fields) {}

    void clear_errors() const {
        for (const auto& [name, f] : fields_) f->error.reset();
    }
    void clear_values() const {
        for (const auto& [name, f] : fields_) f->clear();
    }
    TextField* find(std::string_view name) const {
        for (const auto& [n, f] : fields_)
            if (n == name) return f;
        return nullptr;
    }
    // Each error goes to its field, which shows the first one inline; errors
    // of anything else (a choice, the record as a whole) are returned for
    // the form to show on its own.
    Errors place(const Errors& errors) const {
        Errors rest;
        for (const Error& e : errors) {
            if (TextField* f = find(e.field)) {
                if (!f->error) f->error = e;
            } else {
                rest.push_back(e);
            }
        }
        return rest;
    }

private:
    std::vector<std::pair<std::string_view, TextField*>> fields_;
};

}  // namespace madoguchi::ui
