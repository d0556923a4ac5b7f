// Staff mode through the touch screen on the real app and store: PIN
// lockout and the audit log (every staff action leaves its row; the table
// refuses UPDATE and DELETE), and the masking step (a generated health
// insurance card with digits: the masked rectangle is uniform in the stored
// image, and no byte on disk holds the unmasked pixels or any plaintext image).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "data/imaging/image_codec.hpp"
#include "data/store/audit_log.hpp"
#include "data/store/sqlite.hpp"
#include "tests/data/store/temp_store.hpp"
#include "tests/identity/staff_fixture.hpp"

using namespace madoguchi;
using namespace madoguchi::testing;

namespace {

Account make_registrant(Store& store, const std::string& username) {
    Account a;
    a.username = username;
    a.email = username + "@example.jp";
    a.registration_number = "K-0001-" + username.substr(0, 3);
    SignUpRequest r;
    r.username = a.username;
    r.email = a.email;
    r.password = "kiosk-Passw0rd";
    r.password_confirm = r.password;
    r.consented_purpose_of_use = true;
    auto saved = store.accounts().create(a, r);
    REQUIRE_MESSAGE(saved.ok(), (saved.ok() ? "" : saved.error().message_en));
    return *saved;
}

std::vector<std::string> actions(AuditLog& log) {
    auto rows = log.entries();
    REQUIRE(rows.ok());
    std::vector<std::string> out;
    for (const auto& r : *rows) out.push_back(r.action);
    return out;
}

std::size_t count(const std::vector<std::string>& v, std::string_view what) {
    return static_cast<std::size_t>(std::count(v.begin(), v.end(), what));
}

// max - min of every channel inside `r` (inset by `inset` px), 0 = uniform.
int spread(const Image& img, PixelRect r, int inset) {
    int lo = 255, hi = 0;
    for (int y = r.y + inset; y < r.y + r.height - inset; ++y)
        for (int x = r.x + inset; x < r.x + r.width - inset; ++x)
            for (int c = 0; c < img.channels; ++c) {
                lo = std::min<int>(lo, img.at(x, y)[c]);
                hi = std::max<int>(hi, img.at(x, y)[c]);
            }
    return hi - lo;
}

struct CameraDir {
    TempDir dir;
    CameraDir() {
        write_png(dir.path() / "a_card.png", make_practice_card(300, "12345678").frame);
        write_png(dir.path() / "b_card.png", make_practice_card(300, "90817263").frame);
    }
};

}  // namespace

TEST_CASE("audit log is append-only: UPDATE and DELETE are refused") {
    TempStore ts;
    AuditLog log(ts->db(), [&] { return ts.now_ms; });
    REQUIRE(log.append("staff", audit_action::staff_sign_in).ok());
    REQUIRE(log.append("staff", audit_action::registrant_opened, "reg-1").ok());
    CHECK_FALSE(log.append("", audit_action::staff_sign_in).ok());
    CHECK_FALSE(ts->db().exec("UPDATE staff_audit_log SET staff_id='someone else'").ok());
    CHECK_FALSE(ts->db().exec("DELETE FROM staff_audit_log").ok());
    auto rows = log.entries();
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 2);
    CHECK((*rows)[0].staff_id == "staff");
    CHECK((*rows)[1].registrant == "reg-1");
    CHECK((*rows)[1].at_ms == ts.now_ms);
    auto later = log.entries_after((*rows)[0].id);
    REQUIRE(later.ok());
    CHECK(later->size() == 1);
    // Survives a restart (the table is part of the store schema).
    ts.reopen();
    AuditLog again(ts->db());
    CHECK(again.entries()->size() == 2);
}

TEST_CASE("wrong staff PINs lock the pad and each leaves an audit row; the right one signs in") {
    TempStore ts;
    CameraDir cam;
    StaffFixture f(*ts, cam.dir.path(), nullptr, "", "", [&] { return ts.now_ms; });
    for (int i = 0; i < 5; ++i) {
        if (i == 0) REQUIRE_OK(f.d().tap("attract.staff"));
        for (char c : std::string("2468")) REQUIRE_OK(f.d().tap(std::string("pin.key.") + c));
        REQUIRE_OK(f.d().tap("pin.enter"));
        CHECK(f.d().screen() == "staff_pin");
    }
    const WidgetRecord* status = f.d().find("pin.status");
    REQUIRE(status);
    CHECK(status->value == "locked");
    CHECK(count(actions(f.staff.audit_log()), audit_action::pin_failed) == 5);
    // Locked: the pad is gone, so not even the right PIN gets through.
    CHECK_FALSE(f.d().find("pin.key.1"));
    f.d().advance_seconds(31);
    for (char c : std::string("1357")) REQUIRE_OK(f.d().tap(std::string("pin.key.") + c));
    REQUIRE_OK(f.d().tap("pin.enter"));
    CHECK(f.d().screen() == "staff_home");
    const auto a = actions(f.staff.audit_log());
    CHECK(count(a, audit_action::pin_failed) == 5);
    CHECK(count(a, audit_action::staff_sign_in) == 1);
    REQUIRE_OK(f.d().tap("staff.leave"));
    CHECK(f.d().screen() == "attract");
    CHECK(count(actions(f.staff.audit_log()), audit_action::staff_sign_out) == 1);
}

TEST_CASE("health insurance card: masking through the UI burns the numbers out before anything is stored") {
    TempStore ts;
    CameraDir cam;
    const Account reg = make_registrant(*ts, "hanako");
    StaffFixture f(*ts, cam.dir.path(), nullptr, "", "", [&] { return ts.now_ms; });
    f.enter_staff_mode();
    REQUIRE(f.d().screen() == "staff_home");
    const WidgetRecord* row = f.d().find("staff.registrant.0");
    REQUIRE(row);
    CHECK(row->label.find(reg.registration_number) != std::string::npos);
    CHECK(row->label.find("未提出") != std::string::npos);
    REQUIRE_OK(f.d().tap("staff.registrant.0"));
    REQUIRE(f.d().screen() == "staff_registrant");
    CHECK(f.d().find("staff.my_number_warning"));
    REQUIRE_OK(f.d().tap("staff.type.health_insurance_card"));
    REQUIRE_OK(f.d().tap("staff.start_capture"));
    REQUIRE(f.d().screen() == "staff_capture");

    // Front: captured, good quality, then the mask step refuses to go on
    // without a mask.
    f.capture_with_camera();
    REQUIRE(f.d().find("staff.quality"));
    CHECK(f.d().find("staff.quality")->value == "ok");
    REQUIRE_OK(f.d().tap("staff.page.confirm"));
    CHECK(f.d().screen() == "staff_capture");
    CHECK(f.d().find("staff.mask.canvas"));  // still on the mask step

    // A finger drag over the card adds a rectangle; the preset then covers
    // the usual number area exactly.
    const WidgetRecord* canvas = f.d().find("staff.mask.canvas");
    REQUIRE(canvas);
    const RelativeRect area = typical_number_area();
    f.drag(canvas->rect.x + canvas->rect.w * 0.75f, canvas->rect.y + canvas->rect.h * 0.70f,
           canvas->rect.x + canvas->rect.w * 0.95f, canvas->rect.y + canvas->rect.h * 0.90f);
    CHECK(f.d().find("staff.mask.canvas")->value == "1");
    REQUIRE_OK(f.d().tap("staff.mask.preset"));
    CHECK(f.d().find("staff.mask.canvas")->value == "2");
    const CapturedPage* front = f.staff.draft().page("front");
    REQUIRE(front);
    REQUIRE(front->masks.size() == 2);
    CHECK_FALSE(front->masks[0].empty());
    const PixelRect mask = front->masks[1];
    const PixelRect digits = to_pixels(area, front->document.width, front->document.height);
    // The mask covers the digits.
    CHECK(mask.x <= digits.x);
    CHECK(mask.y <= digits.y);
    CHECK(mask.x + mask.width >= digits.x + digits.width);
    CHECK(mask.y + mask.height >= digits.y + digits.height);
    // The unmasked digits as they are in memory: a run of pixels with ink.
    const Image unmasked = front->document;
    CHECK(spread(unmasked, digits, 0) > 100);
    REQUIRE_OK(f.d().tap("staff.page.confirm"));

    // Back: no mask needed.
    f.capture_with_camera();
    CHECK(f.d().find("staff.quality")->value == "ok");
    CHECK_FALSE(f.d().find("staff.mask.canvas"));
    REQUIRE_OK(f.d().tap("staff.page.confirm"));
    REQUIRE(f.d().find("staff.submit"));
    REQUIRE_OK(f.d().tap("staff.submit"));
    CHECK(f.d().find("staff.submitted"));

    // Stored: one document, queued, each page readable only through the store.
    auto docs = ts->identity_documents().list(reg.meta.client_id);
    REQUIRE(docs.ok());
    REQUIRE(docs->size() == 1);
    const IdentityDocument& doc = docs->front();
    CHECK(doc.type == DocumentType::health_insurance_card);
    REQUIRE(doc.pages.size() == 2);
    auto outbox = ts->outbox().counts();
    REQUIRE(outbox.ok());
    CHECK(outbox->pending >= 2);  // account.create + identity_document.upload
    auto plain = ts->files().read(doc.pages[0].file_id, reg.meta.client_id);
    REQUIRE(plain.ok());
    auto stored = decode_image(*plain);
    REQUIRE(stored.ok());
    REQUIRE(stored->width == unmasked.width);
    REQUIRE(stored->height == unmasked.height);
    // JPEG may ring across the mask's edge: one 8-px block in, it is flat black.
    CHECK(spread(*stored, mask, 8) <= 2);
    CHECK(stored->at(mask.x + mask.width / 2, mask.y + mask.height / 2)[0] <= 2);

    // No byte on disk is a plaintext image or the unmasked pixels: every
    // file under the store directory (database, WAL, encrypted files).
    std::string needle;  // 48 bytes of a row through the digits, unmasked
    {
        const int y = digits.y + digits.height / 2;
        for (int x = digits.x; x < digits.x + 16; ++x)
            needle.append(reinterpret_cast<const char*>(unmasked.at(x, y)), 3);
    }
    int files_seen = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(ts.dir.path())) {
        if (!e.is_regular_file()) continue;
        ++files_seen;
        const std::string bytes = read_all(e.path());
        INFO(e.path().string());
        CHECK(bytes.find(std::string("JFIF\0", 5)) == std::string::npos);  // JPEG (stb writes a JFIF header)
        CHECK(bytes.find("\x89PNG\r\n\x1a\n") == std::string::npos);
        CHECK(bytes.find(needle) == std::string::npos);
    }
    CHECK(files_seen >= 3);

    const auto a = actions(f.staff.audit_log());
    CHECK(count(a, audit_action::staff_sign_in) == 1);
    CHECK(count(a, audit_action::registrant_opened) == 1);
    CHECK(count(a, audit_action::document_type_chosen) == 1);
    CHECK(count(a, audit_action::page_captured) == 2);
    CHECK(count(a, audit_action::mask_applied) == 1);  // one row per confirmed side (detail: count)
    CHECK(count(a, audit_action::document_submitted) == 1);
    auto rows = f.staff.audit_log().entries();
    for (const auto& r : *rows) {
        if (r.action == audit_action::staff_sign_in) continue;
        CHECK(r.registrant == reg.meta.client_id);
    }
}

TEST_CASE("My Number card: only the front is asked for; a back is refused before anything is kept") {
    TempStore ts;
    CameraDir cam;
    make_registrant(*ts, "taro");
    StaffFixture f(*ts, cam.dir.path(), nullptr, "", "", [&] { return ts.now_ms; });
    f.enter_staff_mode();
    REQUIRE_OK(f.d().tap("staff.registrant.0"));
    REQUIRE_OK(f.d().tap("staff.type.my_number_card_front"));
    REQUIRE_OK(f.d().tap("staff.start_capture"));
    CHECK(f.staff.draft().next_side() == "front");
    auto refused = f.staff.accept_frame("back", make_practice_card().frame);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "document.my_number_back");
    CHECK(f.staff.draft().page("back") == nullptr);
    CHECK(count(actions(f.staff.audit_log()), audit_action::capture_refused) == 1);
}

TEST_CASE("passport issued after 2020-02-03 is refused at the type choice") {
    TempStore ts;
    CameraDir cam;
    make_registrant(*ts, "jiro");
    StaffFixture f(*ts, cam.dir.path(), nullptr, "", "", [&] { return ts.now_ms; });
    f.enter_staff_mode();
    REQUIRE_OK(f.d().tap("staff.registrant.0"));
    REQUIRE_OK(f.d().tap("staff.type.passport"));
    CHECK(f.d().find("staff.passport_issued"));
    // The default 2019 stepped on to 2021: refused inline, nothing chosen.
    REQUIRE_OK(f.d().tap("staff.passport_issued.year.plus"));
    REQUIRE_OK(f.d().tap("staff.passport_issued.year.plus"));
    REQUIRE_OK(f.d().tap("staff.start_capture"));
    CHECK(f.d().screen() == "staff_registrant");
    CHECK_FALSE(f.staff.draft().type.has_value());
    // Back to 2019: accepted, the capture asks for the photo page first.
    REQUIRE_OK(f.d().tap("staff.passport_issued.year.minus"));
    REQUIRE_OK(f.d().tap("staff.passport_issued.year.minus"));
    REQUIRE_OK(f.d().tap("staff.start_capture"));
    CHECK(f.d().screen() == "staff_capture");
    CHECK(f.staff.draft().next_side() == "page1");
}
