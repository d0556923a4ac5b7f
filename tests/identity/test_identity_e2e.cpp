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
