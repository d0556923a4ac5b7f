// The real app, store and services for the company and bank screens: an
// account signed up through AccountService (so the session has an owner),
// CompanyService pointed at a server URL, BankAccountService on the built
// Zengin data set, wired into Services the way app/main.cpp wires them.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "data/datasets/bank_directory.hpp"
#include "services/bank_account_service.hpp"
#include "services/company_service.hpp"
#include "tests/screens/account_fixture.hpp"

namespace madoguchi::testing {

inline std::unique_ptr<BankDirectory> open_bank_directory() {
    auto d = BankDirectory::open(std::string(MADOGUCHI_DATASET_DIR) + "/banks.bin");
    REQUIRE_MESSAGE(d.ok(), (d.ok() ? "" : d.error().message_en));
    return std::make_unique<BankDirectory>(std::move(*d));
}

struct BankCompanyFixture {
    explicit BankCompanyFixture(std::string server_url = "", std::string device_token = "")
        : account(server_url),
          companies(*account.store, server_url, device_token,
                    [this](std::function<void()> task) { account.ui.app.run_queue().post(std::move(task)); }),
          banks(open_bank_directory()),
          bank_accounts(*account.store, banks.get()) {
        auto& s = account.ui.app.services();
        s.companies = &companies;
        s.bank_accounts = &bank_accounts;
    }

    UiDriver& d() { return account.d(); }
    Store& store() { return *account.store; }

    // From the attract screen through sign-up (the session then has an
    // owner) to a section of My page.
    void open(const std::string& tile) {
        auto& dr = d();
        REQUIRE_OK(sign_up_through_screens(dr, "bankco2026", "bankco@example.jp"));
        REQUIRE(dr.screen() == "home");
        owner = account.ui.app.session().account_client_id;
        REQUIRE_FALSE(owner.empty());
        dr.advance_seconds(10);  // the sign-up toast may sit over the tiles
        REQUIRE_OK(dr.tap(tile));
        REQUIRE(dr.screen() != "home");
    }

    // Frames until `done()` holds (worker results arrive through the run queue).
    template <typename Pred>
    bool pump_until(Pred done, int max_frames = 1500) {
        for (int i = 0; i < max_frames; ++i) {
            if (done()) return true;
            d().frames(1);
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        return done();
    }

    AccountFixture account;
    CompanyService companies;
    std::unique_ptr<BankDirectory> banks;
    BankAccountService bank_accounts;
    std::string owner;
};

// Tap the field, clear it, paste `text` (kanji and anything the keys cannot
// type), close the keyboard.
inline Status paste_into(UiDriver& d, const std::string& id, const std::string& text) {
    if (auto s = d.tap(id); !s) return s;
    if (auto s = clear_open_field(d, id); !s) return s;
    if (auto s = d.paste(text); !s) return s;
    return d.tap("kbd.done");
}

}  // namespace madoguchi::testing
