// The real app, store and services with a signed-up session, for the UI
// flows of the record sections (skills, qualifications, career, hobbies).
#pragma once

#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

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
};

inline nlohmann::json payload_of(const OutboxRow& r) { return nlohmann::json::parse(r.payload); }

// A paste of `n` bytes of text (what a hardware keyboard's paste could bring).
inline std::string big_paste(std::size_t n) {
    std::string s;
    while (s.size() < n) s += "あいうえおかきくけこ";
    return s;
}

}  // namespace madoguchi::testing
