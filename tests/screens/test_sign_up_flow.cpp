// Sign-up through the touch screen: consent before any personal field,
// inline errors that keep what was typed, a stored account with its outbox
// row and registration number, and a sign-out that leaves nothing behind.
#include <doctest/doctest.h>

#include <cstdio>

#include <nlohmann/json.hpp>

#include "services/registration_number.hpp"
#include "tests/screens/account_fixture.hpp"

using namespace madoguchi;
using madoguchi::testing::AccountFixture;
using madoguchi::testing::fill;

namespace {

std::int64_t pending_rows(AccountFixture& f) {
    auto c = f.store->outbox().counts();
    REQUIRE(c.ok());
    return c->pending;
}

}  // namespace

TEST_CASE("sign-up: consent first, inline errors keep input, saved with outbox row, sign-out wipes") {
    AccountFixture f;
    auto& d = f.d();
    const int taps_at_start = d.tap_count();
    REQUIRE_OK(d.tap("attract.start"));
    REQUIRE(d.screen() == "home");
    REQUIRE_OK(d.tap("home.sign_up"));
    REQUIRE(d.screen() == "sign_up");

    // No personal field before the purpose of use is agreed to.
    CHECK(d.find("sign_up.purpose"));
    CHECK_FALSE(d.find("sign_up.username"));
    CHECK_FALSE(d.find("sign_up.email"));
    CHECK_FALSE(d.tap("sign_up.next"));  // disabled until consent
    CHECK(d.screen() == "sign_up");
    REQUIRE_OK(d.tap("sign_up.consent"));
    REQUIRE_OK(d.tap("sign_up.next"));
    REQUIRE(d.find("sign_up.username"));

    // Wrong e-mail and passwords that differ: both shown inline, nothing lost.
    REQUIRE_OK(fill(d, "sign_up.username", "yamada2024"));
    CHECK(d.value("sign_up.profile_url").find("yamada2024") != std::string::npos);
    REQUIRE_OK(fill(d, "sign_up.email", "taro.example.jp"));
    REQUIRE_OK(fill(d, "sign_up.password", "kiosk2024pass"));
    REQUIRE_OK(fill(d, "sign_up.password_confirm", "kiosk2024pasz"));
    REQUIRE_OK(d.tap("sign_up.submit"));
    CHECK(d.screen() == "sign_up");
    CHECK_FALSE(d.error("sign_up.email").empty());
    CHECK_FALSE(d.error("sign_up.password_confirm").empty());
    CHECK(d.error("sign_up.username").empty());
    CHECK(d.value("sign_up.username") == "yamada2024");
    CHECK(d.value("sign_up.email") == "taro.example.jp");
    CHECK(pending_rows(f) == 0);

    // Fix them; the account is stored with its outbox row.
    REQUIRE_OK(fill(d, "sign_up.email", "taro@example.jp"));
    REQUIRE_OK(fill(d, "sign_up.password_confirm", "kiosk2024pass"));
    REQUIRE_OK(d.tap("sign_up.submit"));
    REQUIRE(d.find("sign_up.registration_number"));
    const std::string client_id = f.ui.app.session().account_client_id;
    REQUIRE_FALSE(client_id.empty());
    CHECK(d.value("sign_up.registration_number") == registration_number_for(client_id));
    CHECK(d.value("sign_up.delivery") == "queued");  // no server: waits for the connection

    auto rows = f.store->outbox().list(OutboxState::pending);
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 1);
    CHECK(rows->front().operation == "account.create");
    CHECK(rows->front().entity_client_id == client_id);
    auto payload = nlohmann::json::parse(rows->front().payload);
    CHECK(payload["username"] == "yamada2024");
    CHECK(payload["email"] == "taro@example.jp");
    CHECK(payload["sign_up"]["consented_purpose_of_use"] == true);
    auto account = f.store->accounts().get(client_id);
    REQUIRE(account.ok());
    REQUIRE(account->has_value());
    CHECK((*account)->registration_number == registration_number_for(client_id));

    std::printf("sign-up taps (excluding typing): %d\n", d.tap_count() - taps_at_start);

    d.advance_seconds(10);  // let the earlier error toast expire (it sits over the button)
    REQUIRE_OK(d.tap("sign_up.continue"));
    d.frames(2);  // the navigation is applied after the frame
    INFO("screen after continue: " << d.screen());
    REQUIRE(d.screen() == "home");
    CHECK(d.value("home.signed_in_as") == "yamada2024");
    CHECK_FALSE(d.find("home.sign_up"));  // guests only

    // Sign-out: back to attract with nothing of this person on screen.
    REQUIRE_OK(d.tap("home.sign_out"));
    d.frames(2);
    CHECK(d.screen() == "attract");
    CHECK(f.ui.app.session().account_client_id.empty());
    CHECK(f.ui.app.session().display_name.empty());
    for (const auto& r : f.ui.app.registry().all()) {
        CHECK(r.value.find("yamada2024") == std::string::npos);
        CHECK(r.value.find("taro@") == std::string::npos);
    }
    // The queued sign-up stays in the outbox until the server has it.
    CHECK(pending_rows(f) == 1);
}

TEST_CASE("sign-up typed halfway is gone after the idle wipe") {
    AccountFixture f;
    auto& d = f.d();
    REQUIRE_OK(d.tap("attract.start"));
    REQUIRE_OK(d.tap("home.sign_up"));
    REQUIRE_OK(d.tap("sign_up.consent"));
    REQUIRE_OK(d.tap("sign_up.next"));
    REQUIRE_OK(d.tap("sign_up.username"));
    REQUIRE_OK(d.type("secretname"));
    d.advance_seconds(90 + 16);
    CHECK(d.screen() == "attract");
    CHECK_FALSE(f.ui.app.keyboard().is_open());
    for (const auto& r : f.ui.app.registry().all()) CHECK(r.value.find("secretname") == std::string::npos);
    REQUIRE_OK(d.tap("attract.start"));
    REQUIRE_OK(d.tap("home.sign_up"));
    CHECK_FALSE(d.find("sign_up.username"));  // consent asked again
    CHECK(pending_rows(f) == 0);
}
