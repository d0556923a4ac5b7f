// e2e: kiosks' staff audit events on the real server — stored once per
// device and event_id whatever the retries, validated field by field,
// append-only in the database, read back by head-office staff in order.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include <string>

#include "tests/server/server_process.hpp"

using namespace madoguchi::server_test;
using nlohmann::json;

namespace {

json event(const std::string& id, std::int64_t at, const std::string& action = "staff.sign_in") {
    return {{"event_id", id}, {"at_ms", at}, {"staff_id", "staff"}, {"action", action},
            {"registrant", ""}, {"detail", ""}};
}

// The result code of running `sql` on the server's database file.
int exec_on_server_db(const ServerProcess& server, const char* sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((server.data_dir() + "/server.sqlite3").c_str(), &db) == SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return rc;
}

}  // namespace

TEST_CASE("audit events: idempotent per event_id, conflicts refused, append-only, listed for staff") {
    ServerProcess server({"--staff-token", "staff-secret"});
    ApiClient kiosk(server.port());
    const std::string device = kiosk.enroll("kiosk-audit-1");
    ApiClient other(server.port());
    const std::string other_device = other.enroll("kiosk-audit-2");
    const std::string path = "/v1/device/audit-events";

    // Device token required.
    ApiClient anonymous(server.port());
    CHECK(anonymous.send("POST", path, event(ApiClient::new_key(), 1000)).status == 401);

    const std::string id1 = ApiClient::new_key(), id2 = ApiClient::new_key();
    json e1 = event(id1, 1000);
    json e2 = event(id2, 2000, "page.captured");
    e2["registrant"] = ApiClient::new_key();
    e2["detail"] = "front:good";
    const std::string key = ApiClient::new_key();
    auto first = kiosk.send("POST", path, e1, key);
    REQUIRE(first.status == 201);
    CHECK(first.body["event_id"] == id1);
    CHECK(first.body["received_at_ms"].get<std::int64_t>() > 0);
    // The same request replayed (same key): the stored reply.
    auto replay = kiosk.send("POST", path, e1, key);
    CHECK(replay.status == 201);
    CHECK(replay.body == first.body);
    // The same event under a new key (the kiosk lost its key): stored once, 200.
    auto again = kiosk.send("POST", path, e1);
    CHECK(again.status == 200);
    CHECK(again.body == first.body);
    // The same event_id with other content: refused.
    json changed = e1;
    changed["action"] = "staff.sign_out";
    auto conflict = kiosk.send("POST", path, changed);
    CHECK(conflict.status == 409);
    CHECK(conflict.body["error"]["code"] == "audit_event.conflict");
    REQUIRE(kiosk.send("POST", path, e2).status == 201);
    // Another device may use the same event_id: events are per device.
    CHECK(other.send("POST", path, e1).status == 201);

    // Field checks, each refused with its field named.
    struct Bad {
        const char* field;
        json value;
    };
    const Bad bad[] = {{"event_id", ""},
                       {"event_id", "not a uuid!"},
                       {"event_id", 12},
                       {"at_ms", 0},
                       {"at_ms", "1000"},
                       {"at_ms", 1.5},
                       {"staff_id", ""},
                       {"staff_id", std::string(65, 's')},
                       {"staff_id", "山田"},
                       {"action", "SignIn"},
                       {"action", "staff"},
                       {"action", "staff.sign_in; DROP TABLE"},
                       {"registrant", "山田 太郎"},
                       {"detail", std::string(201, 'd')},
                       {"detail", "line\nbreak"},
                       {"detail", "保険者番号 12345678"},
                       {"extra", "x"}};
    for (const Bad& b : bad) {
        CAPTURE(b.field);
        CAPTURE(b.value.dump());
        json body = event(ApiClient::new_key(), 3000);
        body[b.field] = b.value;
        auto r = kiosk.send("POST", path, body);
        CHECK(r.status == 422);
        bool named = false;
        for (const auto& e : r.body["errors"]) named = named || e["field"] == (std::string(b.field) == "extra" ? "" : b.field);
        CHECK_MESSAGE(named, r.raw);
    }
    CHECK(kiosk.send("POST", path, json::array()).status == 400);

    // Head office reads a device's events in order; staff token required.
    CHECK(kiosk.get("/v1/staff/audit-events?device_id=" + device).status == 401);
    const httplib::Headers staff_h{{"X-Staff-Token", "staff-secret"}};
    auto list = kiosk.get("/v1/staff/audit-events?device_id=" + device, staff_h);
    REQUIRE(list.status == 200);
    REQUIRE(list.body["items"].size() == 2);
    CHECK(list.body["items"][0]["event_id"] == id1);
    CHECK(list.body["items"][0]["action"] == "staff.sign_in");
    CHECK(list.body["items"][1]["registrant"] == e2["registrant"]);
    CHECK(list.body["items"][1]["detail"] == "front:good");
    CHECK(kiosk.get("/v1/staff/audit-events?device_id=" + other_device, staff_h).body["items"].size() == 1);
    CHECK(kiosk.get("/v1/staff/audit-events", staff_h).status == 400);

    // Append-only in the database itself.
    CHECK(exec_on_server_db(server, "UPDATE audit_events SET staff_id='someone else'") != SQLITE_OK);
    CHECK(exec_on_server_db(server, "DELETE FROM audit_events") != SQLITE_OK);
    CHECK(kiosk.get("/v1/staff/audit-events?device_id=" + device, staff_h).body["items"].size() == 2);
}
