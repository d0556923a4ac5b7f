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
        ui.app.services().on_session_end = [this](const std::string& id) { (void)accounts.sign_out(id); };
    }
    UiFixture ui;
    TempStore store;
    AccountService accounts;
    UiDriver& d() { return *ui.driver; }
};

// Drags the form (from its left margin, clear of nested lists) until the
// whole widget is on the display: the driver treats a widget that is only
// partly on screen as visible, and its centre may then be off the display.
inline Status reveal(UiDriver& d, const std::string& id) {
    d.frames(1);
    const ImVec2 display = d.runner().display_size();
    for (int attempt = 0; attempt < 30; ++attempt) {
        const WidgetRecord* r = d.find(id);
        if (!r) return Error{"driver", "", "no widget " + id, "no widget " + id};
        const float bottom_limit = display.y - 8.0f;
        if (r->visible && r->rect.y + r->rect.h <= bottom_limit && r->rect.y >= 0) return ok_status();
        const float dir = r->rect.y + r->rect.h > bottom_limit ? -1.0f : 1.0f;
        InjectedPointer p{6.0f, display.y * 0.5f, true};
        d.runner().run_frame(&p, 1.0f / 60.0f);
        for (int step = 0; step < 6; ++step) {
            p.y += dir * display.y * 0.03f;
            d.runner().run_frame(&p, 1.0f / 60.0f);
        }
        p.down = false;
        d.runner().run_frame(&p, 1.0f / 60.0f);
        d.frames(2);
    }
    return ok_status();  // let the driver try its own way
}

// Taps on the on-screen keyboard (keys, backspace, candidates, layout
// switches, 完了) made through the helpers below: a flow's taps excluding
// typing are d.tap_count() - keyboard_taps().
inline int& keyboard_taps() {
    static int taps = 0;
    return taps;
}

// Runs `action` (typing on the keyboard) and counts its taps as keyboard taps.
template <typename Action>
Status on_keyboard(UiDriver& d, Action&& action) {
    const int before = d.tap_count();
    Status s = action();
    keyboard_taps() += d.tap_count() - before;
    return s;
}

// Types `text` key by key / taps one keyboard key, counted as typing.
inline Status type_keys(UiDriver& d, const std::string& text) {
    return on_keyboard(d, [&] { return d.type(text); });
}
inline Status tap_key(UiDriver& d, const std::string& id) {
    return on_keyboard(d, [&] { return d.tap(id); });
}

// Reveals the widget, then taps it.
inline Status tap_in_view(UiDriver& d, const std::string& id) {
    if (auto s = reveal(d, id); !s) return s;
    return d.tap(id);
}

// Clears a field the keyboard is open on (backspace until empty).
inline Status clear_open_field(UiDriver& d, const std::string& id) {
    for (int i = 0; i < 300 && !d.value(id).empty(); ++i)
        if (auto s = tap_key(d, "kbd.bs"); !s) return s;
    return ok_status();
}

// Taps the field, replaces its text by typing, closes the keyboard.
inline Status fill(UiDriver& d, const std::string& id, const std::string& text) {
    if (auto s = tap_in_view(d, id); !s) return s;
    if (auto s = clear_open_field(d, id); !s) return s;
    if (auto s = type_keys(d, text); !s) return s;
    if (auto s = tap_key(d, "kbd.done"); !s) return s;
    // The form grows back under the closed keyboard and its scroll clamps
    // over the next frames: let it settle before the next tap aims.
    d.frames(2);
    return ok_status();
}

// Signs up through the screens from the attract screen (offline: the account
// is queued) and leaves the person on My page, signed in.
inline Status sign_up_through_screens(UiDriver& d, const std::string& username = "yamada2024",
                                      const std::string& email = "taro@example.jp") {
    for (const char* id : {"attract.start", "home.sign_up", "sign_up.consent", "sign_up.next"})
        if (auto s = d.tap(id); !s) return s;
    if (auto s = fill(d, "sign_up.username", username); !s) return s;
    if (auto s = fill(d, "sign_up.email", email); !s) return s;
    if (auto s = fill(d, "sign_up.password", "kiosk2024pass"); !s) return s;
    if (auto s = fill(d, "sign_up.password_confirm", "kiosk2024pass"); !s) return s;
    if (auto s = d.tap("sign_up.submit"); !s) return s;
    if (!d.find("sign_up.registration_number"))
        return Error{"driver", "", "sign-up did not show a registration number",
                     "sign-up did not show a registration number"};
    d.advance_seconds(10);  // a toast may sit over the button
    if (auto s = d.tap("sign_up.continue"); !s) return s;
    d.frames(2);
    return ok_status();
}

}  // namespace madoguchi::testing
