// Device enrolment against the real server: a fresh kiosk enrols once with
// the enrolment code, keeps the token encrypted, and sign-up (through the
// outbox) and sign-in then work; a wrong code is reported, a server that is
// down at start-up is waited for; every service has the token as soon as it
// arrives; a server that forgets the device gets a new enrolment.
#include <doctest/doctest.h>

#include <optional>

#include "data/store/store.hpp"
#include "services/account_service.hpp"
#include "services/company_service.hpp"
#include "services/device_enrolment.hpp"
#include "tests/data/store/temp_store.hpp"
#include "tests/profile_e2e/backend_harness.hpp"

using namespace madoguchi;
using namespace madoguchi::testing;

namespace {

SignUpRequest sign_up_request(const std::string& username) {
    SignUpRequest r;
    r.username = username;
    r.email = username + "@example.jp";
    r.password = "kiosk2024pass";
    r.password_confirm = r.password;
    r.consented_purpose_of_use = true;
    return r;
}

struct SignInResult {
    bool done = false;
    SignInOutcome outcome;
};

SignInOutcome sign_in(KioskBackend& b, PostedTasks& tasks, const std::string& login, const std::string& password) {
    auto result = std::make_shared<SignInResult>();
    REQUIRE(b.accounts().sign_in(SignInRequest{login, password}, [result](SignInOutcome o) {
        result->outcome = std::move(o);
        result->done = true;
    }));
    REQUIRE(wait_until(tasks, [&] { return result->done; }));
    return result->outcome;
}

}  // namespace

TEST_CASE("first start enrols once, keeps the token encrypted; sign-up reaches the server and sign-in works") {
    test::TempDir dir;
    test::ServerProcess server(dir / "server");
    server.start(0);
    const std::string url = server.base_url();
    PostedTasks tasks;
    const KioskBackendConfig config = backend_config(dir / "kiosk", url);
    std::string token;
    {
        auto b = open_backend(config, tasks);
        REQUIRE(b->enrolment() != nullptr);
        REQUIRE(wait_until(tasks, [&] { return b->enrolment()->state() == EnrolmentState::enrolled; }));
        tasks.pump();  // the answer reaches the services on the UI queue
        auto stored = stored_device_credentials(b->store(), url);
        REQUIRE(stored.ok());
        REQUIRE(stored->has_value());
        token = (*stored)->device_token;
        CHECK(token.size() >= 20);
        CHECK(server_count(server, "SELECT COUNT(*) FROM devices WHERE kiosk_id='kiosk-e2e-01'") == 1);

        // Sign-up is local first; the enrolled sync engine delivers it.
        auto up = b->accounts().sign_up(sign_up_request("enrol2026"));
        REQUIRE(up.ok());
        REQUIRE(wait_until(tasks, [&] {
            auto d = b->accounts().sign_up_delivery(up.account.meta.client_id);
            return d.ok() && *d == SignUpDelivery::sent;
        }));
        CHECK(server_count(server, "SELECT COUNT(*) FROM accounts WHERE username='enrol2026'") == 1);
        REQUIRE(b->accounts().sign_out(up.account.meta.client_id).ok());

        const SignInOutcome in = sign_in(*b, tasks, "enrol2026", "kiosk2024pass");
        INFO(in.error.message_en);
        CHECK(in.ok);
        CHECK_FALSE(in.offline);
        CHECK(in.account.username == "enrol2026");
        const SignInOutcome wrong = sign_in(*b, tasks, "enrol2026", "wrong-password-1");
        CHECK_FALSE(wrong.ok);
        CHECK(wrong.error.code == "sign_in.invalid");
    }
    // Encrypted at rest: the token is nowhere in the database files.
    for (const char* f : {"/store.db", "/store.db-wal"}) {
        CAPTURE(f);
        CHECK(read_file_bytes(dir / "kiosk" + f).find(token) == std::string::npos);
    }
    // Next start: the stored token is used, no second device on the server.
    {
        auto b = open_backend(config, tasks);
        CHECK(b->enrolment() == nullptr);
        const SignInOutcome in = sign_in(*b, tasks, "enrol2026@example.jp", "kiosk2024pass");
        INFO(in.error.message_en);
        CHECK(in.ok);
        CHECK(server_count(server, "SELECT COUNT(*) FROM devices") == 1);
    }
}

TEST_CASE("a wrong enrolment code is reported for the technician; sign-in says the kiosk is not enrolled") {
    test::TempDir dir;
    test::ServerProcess server(dir / "server");
    server.start(0);
    PostedTasks tasks;
    auto b = open_backend(backend_config(dir / "kiosk", server.base_url(), "not-the-code"), tasks);
    REQUIRE(b->enrolment() != nullptr);
    REQUIRE(wait_until(tasks, [&] { return b->enrolment()->state() == EnrolmentState::refused; }));
    const Error e = b->enrolment()->last_error();
    CHECK(e.code == "device.enrollment_code_invalid");
    CHECK(e.field == "enrollment_code");
    CHECK_FALSE(e.message_ja.empty());
    auto stored = stored_device_credentials(b->store(), server.base_url());
    REQUIRE(stored.ok());
    CHECK_FALSE(stored->has_value());
    CHECK(server_count(server, "SELECT COUNT(*) FROM devices") == 0);

    const SignInOutcome in = sign_in(*b, tasks, "nobody2026", "kiosk2024pass");
    CHECK_FALSE(in.ok);
    CHECK_FALSE(in.offline);
    CHECK(in.error.code == "sign_in.device_not_enrolled");
}

TEST_CASE("server down at start-up: enrolment waits, retries with one key, and enrols when the server comes up") {
    test::TempDir dir;
    test::ServerProcess server(dir / "server");
    server.start(0);
    const int port = server.port();
    const std::string url = server.base_url();
    server.stop();

    TempStore store;
    PostedTasks tasks;
    DeviceEnrolmentConfig config{url, "kiosk-e2e-02", "madoguchi-dev", ""};
    config.first_retry = std::chrono::milliseconds(50);
    config.max_retry = std::chrono::milliseconds(200);
    const StoreConfig sc = store.config();
    DeviceEnrolment enrolment(config, [sc] { return Store::open(sc); }, tasks.poster());
    std::optional<Result<DeviceCredentials>> answer;
    enrolment.start([&](Result<DeviceCredentials> r) { answer = std::move(r); });
    REQUIRE(wait_until(tasks, [&] { return enrolment.state() == EnrolmentState::waiting_to_retry; }));
    CHECK(enrolment.last_error().code == "net.offline");
    CHECK_FALSE(answer.has_value());

    server.start(port);
    REQUIRE(wait_until(tasks, [&] { return answer.has_value(); }));
    REQUIRE(answer->ok());
    CHECK(enrolment.state() == EnrolmentState::enrolled);
    auto stored = stored_device_credentials(*store, url);
    REQUIRE(stored.ok());
    REQUIRE(stored->has_value());
    CHECK((*stored)->device_token == (*answer)->device_token);
    CHECK(server_count(server, "SELECT COUNT(*) FROM devices") == 1);
}

TEST_CASE("stored credentials belong to one server URL; another server gets none") {
    TempStore store;
    REQUIRE(store_device_credentials(*store, "http://127.0.0.1:8088", DeviceCredentials{"dev-1", "tok-1"}).ok());
    auto same = stored_device_credentials(*store, "http://127.0.0.1:8088");
    REQUIRE(same.ok());
    REQUIRE(same->has_value());
    CHECK((*same)->device_id == "dev-1");
    CHECK((*same)->device_token == "tok-1");
    auto other = stored_device_credentials(*store, "https://platform.example.jp");
    REQUIRE(other.ok());
    CHECK_FALSE(other->has_value());
    // A server change enrols again and replaces the secret.
    REQUIRE(store_device_credentials(*store, "https://platform.example.jp", DeviceCredentials{"dev-2", "tok-2"}).ok());
    auto old = stored_device_credentials(*store, "http://127.0.0.1:8088");
    REQUIRE(old.ok());
    CHECK_FALSE(old->has_value());
}

TEST_CASE("no server URL: enrolment ends at once with a message, nothing is attempted") {
    TempStore store;
    PostedTasks tasks;
    const StoreConfig sc = store.config();
    DeviceEnrolment enrolment(DeviceEnrolmentConfig{"", "kiosk-e2e-03", "madoguchi-dev", ""},
                              [sc] { return Store::open(sc); }, tasks.poster());
    std::optional<Result<DeviceCredentials>> answer;
    enrolment.start([&](Result<DeviceCredentials> r) { answer = std::move(r); });
    REQUIRE(wait_until(tasks, [&] { return answer.has_value(); }, std::chrono::seconds(10)));
    REQUIRE_FALSE(answer->ok());
    CHECK(answer->error().code == "device.no_server");
    CHECK(enrolment.state() == EnrolmentState::refused);
}

namespace {

// A company put on the platform directly (as another kiosk would have).
void put_platform_company(const std::string& url, const std::string& token, const std::string& name) {
    PlatformReader platform(url, token);
    Company c;
    c.meta.client_id = "cmp-e2e-token-1";
    c.url_slug = "madoguchitoken1";
    c.name = name;
    c.description = "端末トークンの試験用の会社です。";
    c.postal_code = "1000001";
    c.address = "東京都千代田区千代田1-1";
    c.phone = "0312345678";
    c.email = "info@example.jp";
    auto put = platform.api.put_company(c, "e2e-company-token-1");
    REQUIRE_MESSAGE(put.ok(), (put.ok() ? "" : put.error().message_en));
}

CompanySearchOutcome search_companies(KioskBackend& b, PostedTasks& tasks, const std::string& query) {
    auto out = std::make_shared<std::optional<CompanySearchOutcome>>();
    REQUIRE(b.companies().search(query, [out](CompanySearchOutcome o) { *out = std::move(o); }));
    REQUIRE(wait_until(tasks, [&] { return out->has_value(); }));
    return **out;
}

}  // namespace

TEST_CASE("first start: company search has the device token as soon as enrolment answers, in the same run") {
    test::TempDir dir;
    test::ServerProcess server(dir / "server");
    server.start(0);
    const std::string url = server.base_url();
    PostedTasks tasks;
    auto b = open_backend(backend_config(dir / "kiosk", url), tasks);
    REQUIRE(b->enrolment() != nullptr);
    REQUIRE(wait_until(tasks, [&] { return b->enrolment()->state() == EnrolmentState::enrolled; }));
    tasks.pump();
    auto stored = stored_device_credentials(b->store(), url);
    REQUIRE(stored.ok());
    REQUIRE(stored->has_value());
    const std::string token = (*stored)->device_token;
    CHECK(b->device_token()->token() == token);  // the one source every service reads

    put_platform_company(url, token, "窓口トークン商事株式会社");
    const CompanySearchOutcome found = search_companies(*b, tasks, "窓口トークン");
    INFO(found.error.code << " " << found.error.message_en);
    CHECK(found.ok);
    CHECK_FALSE(found.offline);
    REQUIRE(found.companies.size() == 1);
    CHECK(found.companies[0].name == "窓口トークン商事株式会社");
}

TEST_CASE("the server forgets the device (data reset): the kiosk drops the token, enrols again, queued rows arrive") {
    test::TempDir dir;
    test::ServerProcess first(dir / "server-a");
    first.start(0);
    const int port = first.port();
    const std::string url = first.base_url();
    PostedTasks tasks;
    auto b = open_backend(backend_config(dir / "kiosk", url), tasks);
    REQUIRE(wait_until(tasks, [&] { return b->enrolment() && b->enrolment()->state() == EnrolmentState::enrolled; }));
    tasks.pump();
    const std::string old_token = b->device_token()->token();
    REQUIRE_FALSE(old_token.empty());

    // The platform goes away while a person signs up: the row waits.
    first.stop();
    auto up = b->accounts().sign_up(sign_up_request("reset2026"));
    REQUIRE(up.ok());
    tasks.pump();
    // It comes back with its data reset (same URL, empty database): it
    // answers 401 device.token_invalid to the old token.
    test::ServerProcess reset(dir / "server-b");
    reset.start(port);
    REQUIRE(wait_until(tasks, [&] {
        auto d = b->accounts().sign_up_delivery(up.account.meta.client_id);
        return d.ok() && *d == SignUpDelivery::sent;
    }, std::chrono::seconds(90)));
    CHECK(server_count(reset, "SELECT COUNT(*) FROM accounts WHERE username='reset2026'") == 1);
    CHECK(server_count(reset, "SELECT COUNT(*) FROM devices WHERE kiosk_id='kiosk-e2e-01'") == 1);
    // A new token, stored for the same URL and handed to every service.
    auto stored = stored_device_credentials(b->store(), url);
    REQUIRE(stored.ok());
    REQUIRE(stored->has_value());
    const std::string new_token = (*stored)->device_token;
    CHECK(new_token != old_token);
    CHECK(b->device_token()->token() == new_token);
    // Nothing was dropped or parked on the way.
    auto counts = b->store().outbox().counts();
    REQUIRE(counts.ok());
    CHECK(counts->dead_letter == 0);
    CHECK(counts->pending == 0);
    put_platform_company(url, new_token, "窓口再登録商事株式会社");
    const CompanySearchOutcome found = search_companies(*b, tasks, "窓口再登録");
    CHECK(found.ok);
    CHECK(found.companies.size() == 1);
}
