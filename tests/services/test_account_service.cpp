// AccountService: sign-up is validated, stored with its outbox row and a
// registration number; sign-in with the server down reports "offline"
// through the UI queue and never blocks the caller.
#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "data/store/store.hpp"
#include "services/account_service.hpp"
#include "services/registration_number.hpp"
#include "tests/data/store/temp_store.hpp"

using namespace madoguchi;
using madoguchi::testing::TempStore;

namespace {

SignUpRequest good_request() {
    SignUpRequest r;
    r.username = "yamada2024";
    r.email = "taro@example.jp";
    r.password = "Kiosk-Pass-2024!";
    r.password_confirm = r.password;
    r.consented_purpose_of_use = true;
    return r;
}

// A stand-in for App::run_queue(): tasks posted from the worker, run here.
struct TestQueue {
    std::mutex m;
    std::vector<std::function<void()>> tasks;
    void post(std::function<void()> t) {
        std::lock_guard lock(m);
        tasks.push_back(std::move(t));
    }
    int run() {
        std::vector<std::function<void()>> batch;
        {
            std::lock_guard lock(m);
            batch.swap(tasks);
        }
        for (auto& t : batch) t();
        return static_cast<int>(batch.size());
    }
};

bool has_field(const Errors& e, const std::string& field) {
    for (const auto& x : e)
        if (x.field == field) return true;
    return false;
}

}  // namespace

TEST_CASE("registration numbers are short, upper-case and stable") {
    CHECK(registration_number_for("1a2b3c4d-0000-4000-8000-000000000000") == "MD-1A2B-3C4D");
    CHECK(registration_number_for("1a2b3c4d-0000-4000-8000-000000000000") ==
          registration_number_for("1a2b3c4d-0000-4000-8000-000000000000"));
    CHECK(registration_number_for("") == "MD-0000-0000");
}

TEST_CASE("a valid sign-up is stored with one account.create outbox row and a registration number") {
    TempStore ts;
    AccountService svc(*ts, "", "", nullptr);
    auto out = svc.sign_up(good_request());
    REQUIRE(out.ok());
    CHECK_FALSE(out.account.meta.client_id.empty());
    CHECK(out.account.registration_number == registration_number_for(out.account.meta.client_id));
    auto stored = ts->accounts().get(out.account.meta.client_id);
    REQUIRE(stored.ok());
    REQUIRE(stored->has_value());
    CHECK((*stored)->username == "yamada2024");
    CHECK((*stored)->email == "taro@example.jp");

    auto rows = ts->outbox().list(OutboxState::pending);
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 1);
    const auto& row = rows->front();
    CHECK(row.operation == "account.create");
    CHECK(row.entity_client_id == out.account.meta.client_id);
    auto payload = nlohmann::json::parse(row.payload);
    CHECK(payload["sign_up"]["password"] == "Kiosk-Pass-2024!");
    CHECK_FALSE(payload["sign_up"].contains("password_confirm"));
    CHECK(payload["sign_up"]["consented_purpose_of_use"] == true);

    auto delivery = svc.sign_up_delivery(out.account.meta.client_id);
    REQUIRE(delivery.ok());
    CHECK(*delivery == SignUpDelivery::queued);
}

TEST_CASE("full-width input is normalized before it is stored") {
    TempStore ts;
    AccountService svc(*ts, "", "", nullptr);
    auto r = good_request();
    r.email = "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ";
    auto out = svc.sign_up(r);
    REQUIRE(out.ok());
    CHECK(out.account.email == "taro@example.jp");
}

TEST_CASE("each invalid sign-up field is reported by name and nothing is stored") {
    struct Case {
        const char* what;
        std::function<void(SignUpRequest&)> spoil;
        const char* field;
    };
    const std::vector<Case> cases{
        {"username with kana", [](SignUpRequest& r) { r.username = "やまだ"; }, "username"},
        {"empty username", [](SignUpRequest& r) { r.username.clear(); }, "username"},
        {"email without @", [](SignUpRequest& r) { r.email = "taro.example.jp"; }, "email"},
        {"short password", [](SignUpRequest& r) { r.password = r.password_confirm = "abc"; }, "password"},
        {"passwords differ", [](SignUpRequest& r) { r.password_confirm = "Other-Pass-2024!"; }, "password_confirm"},
        {"no consent", [](SignUpRequest& r) { r.consented_purpose_of_use = false; }, "consented_purpose_of_use"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        TempStore ts;
        AccountService svc(*ts, "", "", nullptr);
        auto r = good_request();
        c.spoil(r);
        auto out = svc.sign_up(r);
        CHECK_FALSE(out.ok());
        CHECK(has_field(out.errors, c.field));
        for (const auto& e : out.errors) {
            CHECK_FALSE(e.message_ja.empty());
            CHECK_FALSE(e.message_en.empty());
        }
        auto counts = ts->outbox().counts();
        REQUIRE(counts.ok());
        CHECK(counts->pending == 0);
    }
}

TEST_CASE("sign-in with the server down reports offline through the UI queue") {
    TempStore ts;
    TestQueue q;
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    AccountService svc(*ts, "http://127.0.0.1:1", "", [&q](std::function<void()> t) { q.post(std::move(t)); });
    std::optional<SignInOutcome> got;
    REQUIRE(svc.sign_in(SignInRequest{"yamada2024", "Kiosk-Pass-2024!"}, [&](SignInOutcome o) { got = o; }));
    for (int i = 0; i < 500 && !got; ++i) {
        q.run();
        if (!got) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    REQUIRE(got.has_value());
    CHECK_FALSE(got->ok);
    CHECK(got->offline);
    CHECK_FALSE(got->error.message_ja.empty());
    CHECK_FALSE(svc.sign_in_running());
}

TEST_CASE("sign-in without a server configured is offline, not a hang") {
    TempStore ts;
    TestQueue q;
    AccountService svc(*ts, "", "", [&q](std::function<void()> t) { q.post(std::move(t)); });
    std::optional<SignInOutcome> got;
    REQUIRE(svc.sign_in(SignInRequest{"a", "b"}, [&](SignInOutcome o) { got = o; }));
    for (int i = 0; i < 500 && !got; ++i) {
        q.run();
        if (!got) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    REQUIRE(got.has_value());
    CHECK(got->offline);
}

TEST_CASE("an e-mail change is queued only when both addresses match and are valid") {
    TempStore ts;
    AccountService svc(*ts, "", "", nullptr);
    auto account = svc.sign_up(good_request());
    REQUIRE(account.ok());
    const std::string owner = account.account.meta.client_id;

    struct Case {
        const char* what;
        const char* email;
        const char* confirm;
        const char* field;  // nullptr = accepted
    };
    const std::vector<Case> cases{
        {"not an address", "hanako", "hanako", "new_email"},
        {"confirmation differs", "hanako@example.jp", "hanako@example.com", "new_email_confirm"},
        {"full-width, same address", "ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ", "hanako@example.jp", nullptr},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        EmailChangeRequest r;
        r.new_email = c.email;
        r.new_email_confirm = c.confirm;
        Errors errs = svc.request_email_change(owner, r);
        if (c.field) CHECK(has_field(errs, c.field));
        else CHECK(errs.empty());
    }
    auto rows = ts->outbox().list(OutboxState::pending);
    REQUIRE(rows.ok());
    int changes = 0;
    for (const auto& row : *rows) {
        if (row.operation != "email_change.request") continue;
        ++changes;
        CHECK(row.owner_client_id == owner);
        CHECK(nlohmann::json::parse(row.payload)["new_email"] == "hanako@example.jp");
    }
    CHECK(changes == 1);
    CHECK_FALSE(svc.request_email_change("", EmailChangeRequest{{}, "a@example.jp", "a@example.jp"}).empty());
}
