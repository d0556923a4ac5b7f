// AccountFixture plus the profile service over the built postal data set and
// the real kana→kanji converter on the keyboard; helpers that sign up
// through the screens and convert on the candidate bar.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "data/datasets/local_gov_directory.hpp"
#include "data/datasets/postal_directory.hpp"
#include "kiosk/ime/kana_kanji_converter.hpp"
#include "services/profile_service.hpp"
#include "tests/screens/account_fixture.hpp"

namespace madoguchi::testing {


inline std::unique_ptr<ime::KanaKanjiConverter> open_converter() {
    auto c = ime::KanaKanjiConverter::open(ime::compiled_skk_dictionaries(MADOGUCHI_IME_DICTIONARY_DIR));
    REQUIRE_MESSAGE(c.ok(), "SKK dictionaries missing: build madoguchi_ime_dictionaries");
    return std::move(*c);
}

struct ProfileFixture : AccountFixture {
    explicit ProfileFixture(std::string server_url = "")
        : AccountFixture(std::move(server_url)),
          postal(PostalDirectory::open(std::string(MADOGUCHI_DATASET_DIR) + "/postal.bin")),
          local_gov(LocalGovDirectory::open(std::string(MADOGUCHI_DATASET_DIR) + "/localgov.bin")),
          profiles(*store, postal ? &*postal : nullptr, local_gov ? &*local_gov : nullptr),
          converter(open_converter()) {
        ui.app.services().profiles = &profiles;
        ui.app.keyboard().set_converter(converter.get());
    }
    ~ProfileFixture() { ui.app.keyboard().set_converter(nullptr); }
    Result<PostalDirectory> postal;
    Result<LocalGovDirectory> local_gov;
    ProfileService profiles;
    std::unique_ptr<ime::KanaKanjiConverter> converter;
};

// Taps the candidate-bar key showing `text`.
inline Status tap_candidate(UiDriver& d, const std::string& text) {
    d.frames(1);
    for (int i = 0; i < 20; ++i) {
        const WidgetRecord* r = d.find("kbd.cand." + std::to_string(i));
        if (!r) break;
        if (r->label == text) return tap_key(d, r->id);
    }
    std::string shown;
    for (const WidgetRecord* r : d.app().registry().with_prefix("kbd.cand.")) shown += r->label + " ";
    return Error{"driver", "", "no candidate " + text + " (bar: " + shown + ")", "no candidate " + text};
}

// Romaji on the romaji layout, then the candidate `kanji`.
inline Status type_and_convert(UiDriver& d, const std::string& id, const std::string& romaji, const std::string& kanji) {
    if (auto s = tap_in_view(d, id); !s) return s;
    if (auto s = tap_key(d, "kbd.layout.romaji"); !s) return s;
    if (auto s = type_keys(d, romaji); !s) return s;
    if (auto s = tap_candidate(d, kanji); !s) return s;
    if (auto s = tap_key(d, "kbd.done"); !s) return s;
    d.frames(2);
    return ok_status();
}

// Signs up through the screens and opens the profile from the home menu.
inline void sign_up_and_open_profile(ProfileFixture& f) {
    auto& d = f.d();
    REQUIRE_OK(sign_up_through_screens(d));
    REQUIRE_OK(d.tap("home.profile"));
    REQUIRE(d.screen() == "profile");
}

}  // namespace madoguchi::testing
