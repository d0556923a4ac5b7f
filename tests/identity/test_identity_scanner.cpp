// The staff capture screen on a real SANE scanner: SaneScanner over SANE's
// `test` backend (enabled through SANE_CONFIG_DIR). Scanned over the whole
// glass (no card area configured) a test pattern has no background around a
// document, so the pipeline answers with a retake reason — which is what this
// checks, with progress, device errors shown with what to do, and nothing
// written to disk. (A card-area scan uploaded: test_identity_e2e_sane.cpp.)
#include <doctest/doctest.h>

#include <filesystem>

#include "platform/scanner/sane_scanner.hpp"
#include "tests/data/store/temp_store.hpp"
#include "tests/identity/sane_test_backend.hpp"
#include "tests/identity/staff_fixture.hpp"

using namespace madoguchi;
using namespace madoguchi::testing;

// libsane-test leaks its own line buffers (see tests/platform/test_sane_scanner.cpp).
extern "C" const char* __lsan_default_suppressions() { return "leak:libsane-test.so\n"; }

namespace {

void make_registrant(Store& store) {
    Account a;
    a.username = "scanuser";
    a.email = "scan@example.jp";
    a.registration_number = "K-SCAN-1";
    SignUpRequest r{a.username, a.email, "kiosk-Passw0rd", "kiosk-Passw0rd", true};
    REQUIRE(store.accounts().create(a, r).ok());
}

int files_under(const std::filesystem::path& dir) {
    int n = 0;
    std::error_code ec;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir, ec)) n += e.is_regular_file();
    return n;
}

}  // namespace

TEST_CASE("two scans through the SANE test backend: progress, a retake reason, nothing stored") {
    sane_test_backend();
    TempStore ts;
    make_registrant(*ts);
    SaneScanner scanner;
    TempDir no_camera;
    StaffFixture f(*ts, no_camera.path(), &scanner, "", "", [&] { return ts.now_ms; });
    // A small page keeps the scan fast under ASan.
    IdentityScanProfile profile;
    profile.device_options = {{"test-picture", "Color pattern"}};
    f.staff.set_scan_profile(profile);
    f.enter_staff_mode();
    REQUIRE_OK(f.d().tap("staff.registrant.0"));
    REQUIRE_OK(f.d().tap("staff.type.drivers_license"));
    REQUIRE_OK(f.d().tap("staff.start_capture"));
    REQUIRE(f.pump_until([&] { return f.d().find("staff.scanner") != nullptr; }));
    CHECK(f.d().find("staff.scanner")->value.find("test:0") != std::string::npos);
    const int files_before = files_under(ts.dir.path() / "files");

    for (int scan = 0; scan < 2; ++scan) {
        CAPTURE(scan);
        REQUIRE_OK(f.d().tap("staff.scan"));
        bool saw_progress = false;
        REQUIRE(f.pump_until([&] {
            saw_progress = saw_progress || f.d().find("staff.scan.progress");
            return !f.staff.job().running && !f.staff.job().frame.has_value();
        }));
        f.d().frames(2);
        CHECK(f.staff.job().progress == doctest::Approx(1.0));
        CHECK(f.staff.job().dpi == 300);
        // A colour pattern is no document: the retake reason is shown.
        const WidgetRecord* err = f.d().find("staff.capture.error");
        const WidgetRecord* quality = f.d().find("staff.quality");
        REQUIRE((err || quality));
        if (err) {
            CHECK(err->value.rfind("document.", 0) == 0);
            CHECK_FALSE(err->error.empty());
        } else {
            CHECK(quality->value != "ok");
            REQUIRE_OK(f.d().tap("staff.retake"));
        }
        (void)saw_progress;  // a fast scan may finish between two frames
    }
    CHECK(files_under(ts.dir.path() / "files") == files_before);
    auto rows = f.staff.audit_log().entries();
    REQUIRE(rows.ok());
    int scans = 0, captured = 0;
    for (const auto& r : *rows) {
        scans += r.action == "scan.started";
        captured += r.action == audit_action::page_captured;
    }
    CHECK(scans == 2);
    CHECK(captured == 2);
}

TEST_CASE("scanner device errors are shown with what to do") {
    sane_test_backend();
    TempStore ts;
    make_registrant(*ts);
    SaneScanner scanner;
    TempDir no_camera;
    StaffFixture f(*ts, no_camera.path(), &scanner, "", "", [&] { return ts.now_ms; });
    f.enter_staff_mode();
    REQUIRE_OK(f.d().tap("staff.registrant.0"));
    REQUIRE_OK(f.d().tap("staff.type.my_number_card_front"));
    REQUIRE_OK(f.d().tap("staff.start_capture"));
    REQUIRE(f.pump_until([&] { return f.d().find("staff.scanner") != nullptr; }));
    struct Row {
        const char* status;
        const char* code;
        const char* ja_hint;
    };
    for (const Row& row : {Row{"SANE_STATUS_COVER_OPEN", "scanner.cover_open", "閉じて"},
                           Row{"SANE_STATUS_JAMMED", "scanner.jammed", "取り除いて"},
                           Row{"SANE_STATUS_NO_DOCS", "scanner.no_docs", "セットして"}}) {
        CAPTURE(row.code);
        IdentityScanProfile profile;
        profile.device_options = {{"read-return-value", row.status}};
        f.staff.set_scan_profile(profile);
        REQUIRE_OK(f.d().tap("staff.scan"));
        REQUIRE(f.pump_until([&] { return !f.staff.job().running && f.d().find("staff.capture.error"); }));
        const WidgetRecord* err = f.d().find("staff.capture.error");
        CHECK(err->value == row.code);
        CHECK(err->error.find(row.ja_hint) != std::string::npos);
        CHECK(f.d().screen() == "staff_capture");
    }
}
