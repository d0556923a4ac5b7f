// The real app (UiFixture) plus a real store in a temporary directory and
// the real AccountService wired the way app/main.cpp wires it.
#pragma once

#include <memory>
#include <string>

#include "services/account_service.hpp"
#include "tests/data/store/temp_store.hpp"
#include "tests/kiosk/shell/ui_fixture.hpp"

namespace madoguchi::testing {

struct AccountFixture {
    explicit AccountFixture(std::string server_url = "")
        : accounts(*store, std::move(server_url), "",
                   [this](std::function<void()> task) { ui.app.run_queue().post(std::move(task)); }) {
        ui.app.services().accounts = &accounts;
    }
    UiFixture ui;
    TempStore store;
    AccountService accounts;
    UiDriver& d() { return *ui.driver; }
};

// Clears a field the keyboard is open on (backspace until empty).
inline Status clear_open_field(UiDriver& d, const std::string& id) {
    for (int i = 0; i < 300 && !d.value(id).empty(); ++i)
        if (auto s = d.tap("kbd.bs"); !s) return s;
    return ok_status();
}

// Taps the field, replaces its text by typing, closes the keyboard.
inline Status fill(UiDriver& d, const std::string& id, const std::string& text) {
    if (auto s = d.tap(id); !s) return s;
    if (auto s = clear_open_field(d, id); !s) return s;
    if (auto s = d.type(text); !s) return s;
    return d.tap("kbd.done");
}

}  // namespace madoguchi::testing
