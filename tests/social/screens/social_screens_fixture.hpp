// The kiosk as app/main.cpp wires it (KioskBackend: store, sync engine,
// AccountService, ProfileService, SectionServices, SocialService…) behind the
// real app and headless driver, against the real madoguchi-server on
// 127.0.0.1 — what every social screen test starts from (one per test case:
// each gets its own server and kiosk directories). Helpers sign people up
// on this kiosk and wait until the platform has them.
#pragma once

#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "data/model/profile.hpp"
#include "data/model/skill.hpp"
#include "data/store/store.hpp"
#include "services/account_service.hpp"
#include "services/bank_account_service.hpp"
#include "services/company_service.hpp"
#include "services/identity_service.hpp"
#include "services/kiosk_backend.hpp"
#include "services/my_page_service.hpp"
#include "services/nda_service.hpp"
#include "services/profile_service.hpp"
#include "services/section_service.hpp"
#include "services/social_service.hpp"
#include "services/staff_service.hpp"
#include "tests/net/server_database_query.hpp"
#include "tests/net/server_process.hpp"
#include "tests/net/temp_dir.hpp"
#include "tests/screens/account_fixture.hpp"

namespace madoguchi::testing {

struct SocialScreensKiosk {
    SocialScreensKiosk() : server(dir / "server") {
        server.start(0);
        KioskBackendConfig c;
        c.data_dir = dir / "kiosk";
        c.server_url = server.base_url();
        c.start_sync = true;
        c.kiosk_id = "kiosk-social-01";
        c.enrollment_code = "madoguchi-dev";
        c.suggestions_dir = std::string(MADOGUCHI_ASSETS_DIR) + "/suggestions";
        c.nda_dir = std::string(MADOGUCHI_ASSETS_DIR) + "/nda";
        auto b = KioskBackend::open(c, [this](std::function<void()> task) { ui.app.run_queue().post(std::move(task)); });
        REQUIRE_MESSAGE(b.ok(), (b.ok() ? "" : b.error().message_en));
        backend = std::move(*b);
        Services& s = ui.app.services();
        s.accounts = &backend->accounts();
        s.profiles = &backend->profiles();
        s.on_session_end = [this](const std::string& id) { (void)backend->accounts().sign_out(id); };
        s.staff = &backend->staff();
        s.identity = &backend->identity();
        s.companies = &backend->companies();
        s.bank_accounts = &backend->bank_accounts();
        s.sections = &backend->sections();
        s.nda = &backend->nda();
        s.my_page = &backend->my_page();
        s.social = &backend->social();
    }
    ~SocialScreensKiosk() {
        ui.app.wipe_session();
        backend.reset();  // joins its workers while the app still takes their posts
    }

    UiDriver& d() { return *ui.driver; }
    Store& store() { return backend->store(); }
    SocialService& social() { return backend->social(); }
    std::string viewer() const { return ui.app.session().account_client_id; }

    // Frames (running the UI queue) until `done`, or fails after `timeout`.
    template <typename Pred>
    void wait_for(const char* what, Pred done, std::chrono::seconds timeout = std::chrono::seconds(60)) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (!done()) {
            REQUIRE_MESSAGE(std::chrono::steady_clock::now() < deadline, "timed out waiting for " << what);
            d().frames(1);
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        d().frames(2);  // what the reply changed is drawn
    }
    bool outbox_drained() {
        auto c = store().outbox().counts();
        REQUIRE(c.ok());
        return c->pending == 0 && c->sending == 0;
    }
    // Every queued row delivered (none left as a dead letter).
    void wait_delivered() {
        wait_for("the outbox to drain", [&] { return outbox_drained(); });
        auto c = store().outbox().counts();
        REQUIRE(c.ok());
        CHECK(c->dead_letter == 0);
    }
    std::int64_t server_count(const std::string& sql) const { return test::server_db_count(server.data_dir(), sql); }

    // Signs `username` up on this kiosk through AccountService (as the
    // sign-up screen does) and returns the account's id; not yet sent.
    std::string sign_up(const std::string& username) {
        SignUpRequest r{username, username + "@example.jp", "kiosk2024pass", "kiosk2024pass", true};
        auto out = backend->accounts().sign_up(r);
        REQUIRE_MESSAGE(out.ok(), (out.ok() ? "" : out.errors.front().message_en));
        return out.account.meta.client_id;
    }
    // A public profile (nickname, self-introduction, status) and skills, saved
    // through the services the profile and skills screens use.
    void give_profile(const std::string& owner, const std::string& username, const std::string& nickname,
                      const std::vector<Skill>& skills) {
        Profile p;
        p.username = username;
        p.nickname = nickname;
        p.self_introduction = "溶接の仕事を10年しています。\nよろしくお願いします。";
        p.family_name = "山田";
        p.given_name = "花子";
        p.family_name_kana = "ヤマダ";
        p.given_name_kana = "ハナコ";
        p.birth_date = {1990, 4, 1};
        p.postal_code = "1000001";
        p.prefecture = "東京都";
        p.city = "千代田区";
        p.town = "千代田";
        p.address_line = "1-1";
        p.phone = "09012345678";
        p.status = WorkStatus::depends_on_work;
        p.hourly_rate_yen = 1500;
        p.show_age_bracket = true;
        p.preferred_prefecture = "22";
        p.preferred_municipality = "221309";
        auto saved = backend->profiles().save(owner, p);
        REQUIRE_MESSAGE(saved.ok(), (saved.ok() ? "" : saved.errors.front().field + ": " + saved.errors.front().message_en));
        for (const Skill& s : skills) {
            auto out = backend->sections().skills.save(owner, s);
            REQUIRE_MESSAGE(out.ok(), (out.ok() ? "" : out.errors.front().message_en));
        }
    }
    // Until the platform has these accounts (and everything else queued).
    void wait_on_server(const std::vector<std::string>& accounts) {
        wait_delivered();
        for (const std::string& a : accounts)
            REQUIRE(server_count("SELECT COUNT(*) FROM accounts WHERE client_id='" + a + "'") == 1);
    }

    // Ends whoever is at the kiosk, then signs `username` in through the
    // screens (attract -> ログイン -> username + password, as a person does:
    // the session token reaches the sync engine and SocialService) and
    // leaves them on My page. The account must be on the server.
    void sign_in(const std::string& username) {
        ui.app.wipe_session();
        d().frames(2);
        REQUIRE_OK(d().tap("attract.start"));
        REQUIRE_OK(d().tap("home.sign_in"));
        REQUIRE_OK(fill(d(), "sign_in.login", username));
        REQUIRE_OK(fill(d(), "sign_in.password", "kiosk2024pass"));
        REQUIRE_OK(d().tap("sign_in.submit"));
        wait_for("the sign-in", [&] { return d().screen() == "home"; });
        d().advance_seconds(5);  // the welcome toast fades
    }
    // Until every SocialService read queued so far has answered and its
    // outcome is drawn.
    void settle_reads() {
        wait_for("social reads", [&] { return !social().busy(); });
    }
    // The platform goes away (reads answer offline, writes stay queued) and
    // comes back on the same port with the same data.
    void go_offline() { server.stop(); }
    void go_online() { server.start(); }

    test::TempDir dir;
    test::ServerProcess server;
    UiFixture ui;
    std::unique_ptr<KioskBackend> backend;
};

}  // namespace madoguchi::testing
