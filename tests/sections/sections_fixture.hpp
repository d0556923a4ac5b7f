// The real app, store and services with a signed-up session, for the UI
// flows of the record sections (skills, qualifications, career, hobbies).
#pragma once

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "data/rules/age.hpp"
#include "services/section_service.hpp"
#include "tests/screens/account_fixture.hpp"

namespace madoguchi::testing {

struct SectionsFixture : AccountFixture {
    SectionsFixture() : sections(*store, std::string(MADOGUCHI_ASSETS_DIR) + "/suggestions") {
        ui.app.services().sections = &sections;
    }
    SectionServices sections;

    // Signs up through the screens (offline: the account is queued) and
    // opens a section from My page.
    void sign_up_and_open(const std::string& tile, const std::string& screen) {
        auto& d = this->d();
        REQUIRE_OK(sign_up_through_screens(d));
        REQUIRE_OK(d.tap(tile));
        d.frames(2);
        INFO(shown_errors());
        REQUIRE(d.screen() == screen);
    }

    std::string owner() { return ui.app.session().account_client_id; }

    // Pending outbox rows of one entity type, oldest first.
    std::vector<OutboxRow> rows(const std::string& entity_type) {
        auto all = store->outbox().list(OutboxState::pending);
        REQUIRE(all.ok());
        std::vector<OutboxRow> out;
        for (auto& r : *all)
            if (r.entity_type == entity_type) out.push_back(std::move(r));
        return out;
    }

    // Every inline error on screen and the screen code (for failure messages).
    std::string shown_errors() {
        std::string out = "screen=" + d().screen();
        for (const auto& r : ui.app.registry().all())
            if (!r.error.empty() || r.id.ends_with(".error")) out += " | " + r.id + ": " + r.error;
        return out;
    }

    // Lets an error toast (drawn over the lower buttons) expire.
    void settle() { d().advance_seconds(5); }

    // Draws frames (real time passing for a worker thread) until `done`;
    // false after ~20 s.
    template <typename Done>
    bool pump_until(Done&& done) {
        for (int i = 0; i < 2000; ++i) {
            if (done()) return true;
            d().frames(1);
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return done();
    }

    // The year the year-month pickers start from (Japan time).
    const int year = japan_date(std::chrono::system_clock::now()).year;
};

// A picker's registry value: "2023-04".
inline std::string ym(int y, int m) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    return buf;
}

inline nlohmann::json payload_of(const OutboxRow& r) { return nlohmann::json::parse(r.payload); }

// fill() for a field holding more than its helper clears (a cut paste):
// backspaces until empty, then types `text`.
inline Status refill(UiDriver& d, const std::string& id, const std::string& text) {
    if (auto s = tap_in_view(d, id); !s) return s;
    for (int round = 0; round < 20 && !d.value(id).empty(); ++round)
        if (auto s = clear_open_field(d, id); !s) return s;
    if (auto s = type_keys(d, text); !s) return s;
    if (auto s = tap_key(d, "kbd.done"); !s) return s;
    d.frames(2);
    return ok_status();
}

// A paste of `n` bytes of text (what a hardware keyboard's paste could bring).
inline std::string big_paste(std::size_t n) {
    std::string s;
    while (s.size() < n) s += "あいうえおかきくけこ";
    return s;
}

}  // namespace madoguchi::testing
