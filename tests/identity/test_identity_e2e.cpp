// e2e, camera path: staff PIN -> registrant -> 運転免許証 -> front and back
// captured through the UI (FileCamera replaying generated cards on a desk:
// locate + straighten; the scanner path is test_identity_e2e_sane.cpp) ->
// quality check -> encrypted store -> the real SyncEngine uploads it to the
// real server on 127.0.0.1 -> staff verify through the staff endpoint ->
// the images are gone from the kiosk and from the server's data directory,
// and the user's status reads 確認済み.
#include <doctest/doctest.h>

#include <filesystem>

#include "tests/data/store/temp_store.hpp"
#include "tests/identity/identity_e2e_steps.hpp"
#include "tests/identity/staff_fixture.hpp"
#include "tests/net/kiosk_fixture.hpp"

using namespace madoguchi;
using namespace madoguchi::testing;

TEST_CASE("e2e: driver's license captured by staff is uploaded, verified, destroyed everywhere; status 確認済み") {
    test::KioskFixture kf;
    const Account reg = kf.sign_up_offline("ichiro2024");
    TempDir cam;
    write_png(cam.path() / "a_card.png", make_practice_card(300, "31415926").frame);
    write_png(cam.path() / "b_card.png", make_practice_card(300, "27182818").frame);
    StaffFixture f(kf.store(), cam.path(), nullptr, kf.server().base_url(), kf.device_token());

    // Staff side, through the touch screen.
    f.enter_staff_mode();
    REQUIRE(f.d().screen() == "staff_home");
    REQUIRE_OK(f.d().tap("staff.registrant.0"));
    REQUIRE_OK(f.d().tap("staff.type.drivers_license"));
    REQUIRE_OK(f.d().tap("staff.start_capture"));
    for (const char* side : {"front", "back"}) {
        CAPTURE(side);
        REQUIRE(f.staff.draft().next_side() == side);
        f.capture_with_camera();
        REQUIRE(f.d().find("staff.quality"));
        REQUIRE(f.d().find("staff.quality")->value == "ok");
        REQUIRE_OK(f.d().tap("staff.page.confirm"));
    }
    REQUIRE_OK(f.d().tap("staff.submit"));
    REQUIRE(f.d().find("staff.submitted"));

    upload_verify_and_check_destroyed(kf, f, reg);
}

// Staff's audit trail leaves the kiosk through the outbox like any record.
TEST_CASE("e2e: a staff session's audit rows reach the server exactly once, in order") {
    test::KioskFixture kf;
    (void)kf.sign_up_offline("auditee2024");
    TempDir cam;
    StaffFixture f(kf.store(), cam.path(), nullptr, kf.server().base_url(), kf.device_token());
    // A wrong PIN, then a staff session: sign-in, registrant, type, exit.
    REQUIRE_OK(f.d().tap("attract.staff"));
    for (char c : std::string("0000")) REQUIRE_OK(f.d().tap(std::string("pin.key.") + c));
    REQUIRE_OK(f.d().tap("pin.enter"));
    for (char c : std::string("1357")) REQUIRE_OK(f.d().tap(std::string("pin.key.") + c));
    REQUIRE_OK(f.d().tap("pin.enter"));
    REQUIRE(f.d().screen() == "staff_home");
    REQUIRE_OK(f.d().tap("staff.registrant.0"));
    REQUIRE_OK(f.d().tap("staff.type.drivers_license"));
    REQUIRE_OK(f.d().tap("header.back"));
    REQUIRE(f.d().screen() == "staff_home");
    REQUIRE_OK(f.d().tap("staff.leave"));
    REQUIRE(f.d().screen() == "attract");

    auto local = f.staff.audit_log().entries();
    REQUIRE_OK(local);
    const auto n = static_cast<std::int64_t>(local->size());
    REQUIRE(n >= 4);  // pin_failed, sign_in, registrant.opened, sign_out (the type is chosen at "start capture")
    // Each row queued with it, in the same transaction: one outbox row per audit row.
    // (Scoped: a statement left stepped on a row keeps its read snapshot open,
    // and wait_drained would then read the outbox as it was before the sync.)
    {
        auto queued = kf.store().db().prepare("SELECT count(*) FROM outbox WHERE operation='audit_event.create'");
        REQUIRE(queued.ok());
        REQUIRE(queued->step().value());
        CHECK(queued->column_int64(0) == n);
    }

    for (int round = 0; round < 2; ++round) {  // a second sync sends nothing again
        CAPTURE(round);
        SyncEngine engine(kf.engine_config(), kf.store_opener(), kf.event_sink());
        engine.start();
        const bool drained = kf.wait_drained(std::chrono::seconds(90));
        engine.stop();
        if (!drained) {  // say which rows are stuck and why
            auto rows = kf.store().db().prepare("SELECT operation, state, attempts, last_error FROM outbox WHERE state != 'done'");
            REQUIRE(rows.ok());
            while (rows->step().value())
                MESSAGE(rows->column_text(0) << " " << rows->column_text(1) << " " << rows->column_int64(2) << " "
                                              << rows->column_text(3));
        }
        REQUIRE(drained);
        CHECK(kf.server_count("SELECT count(*) FROM audit_events") == n);
        CHECK(kf.server_count("SELECT count(DISTINCT event_id) FROM audit_events") == n);
    }
    // The server's copy is the kiosk's log, row for row and in order.
    const auto actions = kf.server_strings("SELECT action || '|' || staff_id || '|' || registrant || '|' || detail "
                                           "FROM audit_events ORDER BY at_ms, rowid");
    REQUIRE(actions.size() == local->size());
    for (std::size_t i = 0; i < actions.size(); ++i) {
        const AuditEntry& e = (*local)[i];
        CHECK(actions[i] == e.action + "|" + e.staff_id + "|" + e.registrant + "|" + e.detail);
    }
    CHECK(actions.front().rfind("staff.pin_failed|", 0) == 0);
    CHECK(actions.back() == "staff.sign_out|staff||exit");
}
