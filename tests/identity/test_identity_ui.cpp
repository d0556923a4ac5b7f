// Staff mode through the touch screen on the real app and store: PIN
// lockout and the audit log (every staff action leaves its row; the table
// refuses UPDATE and DELETE), and the masking step (a generated health
// insurance card with digits: the masked rectangle is uniform in the stored
// image, and no byte on disk holds the unmasked pixels or any plaintext image).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include "data/imaging/image_codec.hpp"
#include "data/store/audit_log.hpp"
#include "data/store/sqlite.hpp"
#include "kiosk/ui/image_view.hpp"
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
    AuditLog log(*ts, [&] { return ts.now_ms; });
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
    AuditLog again(*ts);
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

TEST_CASE("staff mode ends with a sign-out row: by the exit button, and by the idle wipe deep in the capture flow") {
    TempStore ts;
    make_registrant(*ts, "wipeuser");
    CameraDir cam;
    StaffFixture f(*ts, cam.dir.path(), nullptr, "", "", [&] { return ts.now_ms; });
    auto sign_outs = [&] {
        auto rows = f.staff.audit_log().entries();
        REQUIRE(rows.ok());
        std::vector<AuditEntry> out;
        for (const auto& r : *rows)
            if (r.action == audit_action::staff_sign_out) out.push_back(r);
        return out;
    };

    f.enter_staff_mode();
    REQUIRE(f.d().screen() == "staff_home");
    REQUIRE_OK(f.d().tap("staff.leave"));
    CHECK(f.d().screen() == "attract");
    REQUIRE(sign_outs().size() == 1);  // the button's row only, not a second one from the wipe it causes
    CHECK(sign_outs()[0].detail == StaffService::kExitButton);
    CHECK(sign_outs()[0].staff_id == "staff");

    // Staff walk away in the middle of a capture: the idle wipe ends staff mode.
    f.enter_staff_mode();
    REQUIRE_OK(f.d().tap("staff.registrant.0"));
    REQUIRE_OK(f.d().tap("staff.type.drivers_license"));
    REQUIRE_OK(f.d().tap("staff.start_capture"));
    REQUIRE(f.d().screen() == "staff_capture");
    CHECK_FALSE(f.staff.draft().registrant.empty());
    f.d().advance_seconds(90 + 15 + 1);
    f.d().frames(2);
    CHECK(f.d().screen() == "attract");
    const auto rows = sign_outs();
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].detail == StaffService::kSessionEnded);
    CHECK(f.staff.staff_id().empty());
    CHECK(f.staff.draft().registrant.empty());  // nothing captured outlives staff mode
    // The log reads in order: sign-in, ..., sign-out, for each staff session.
    const auto a = actions(f.staff.audit_log());
    CHECK(count(a, audit_action::staff_sign_in) == 2);
    CHECK(a.back() == audit_action::staff_sign_out);
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

TEST_CASE("a mask dragged in any direction covers the dragged rectangle in the stored image (within 2 px)") {
    TempStore ts;
    CameraDir cam;
    const Account reg = make_registrant(*ts, "masako");
    StaffFixture f(*ts, cam.dir.path(), nullptr, "", "", [&] { return ts.now_ms; });
    f.enter_staff_mode();
    REQUIRE_OK(f.d().tap("staff.registrant.0"));
    REQUIRE_OK(f.d().tap("staff.type.health_insurance_card"));
    REQUIRE_OK(f.d().tap("staff.start_capture"));
    f.capture_with_camera();
    REQUIRE(f.d().find("staff.quality")->value == "ok");
    const WidgetRecord* c = f.d().find("staff.mask.canvas");
    REQUIRE(c);
    const WidgetRect canvas = c->rect;
    const CapturedPage* front = f.staff.draft().page("front");
    REQUIRE(front);
    const Image unmasked = front->document;
    // The image is letterboxed inside the editor: the canvas is the image's
    // own rectangle on screen.
    CHECK(canvas.w / canvas.h == doctest::Approx(double(unmasked.width) / unmasked.height).epsilon(0.01));

    struct Drag {
        const char* direction;
        float x0, y0, x1, y1;  // fractions of the canvas
    };
    const Drag drags[] = {{"down-right", 0.05f, 0.10f, 0.25f, 0.30f},
                          {"up-left", 0.55f, 0.30f, 0.35f, 0.10f},
                          {"up-right", 0.05f, 0.90f, 0.25f, 0.70f},
                          {"down-left", 0.55f, 0.70f, 0.35f, 0.90f}};
    std::vector<PixelRect> expected;
    for (const Drag& g : drags) {
        const std::string direction = g.direction;
        CAPTURE(direction);
        const float x0 = canvas.x + canvas.w * g.x0, y0 = canvas.y + canvas.h * g.y0;
        const float x1 = canvas.x + canvas.w * g.x1, y1 = canvas.y + canvas.h * g.y1;
        REQUIRE_OK(f.d().drag(x0, y0, x1, y1));
        // Screen points -> document pixels through the canvas rectangle.
        const double s = unmasked.width / double(canvas.w);
        const int ex0 = int(std::lround((std::min(x0, x1) - canvas.x) * s));
        const int ey0 = int(std::lround((std::min(y0, y1) - canvas.y) * s));
        const int ex1 = int(std::lround((std::max(x0, x1) - canvas.x) * s));
        const int ey1 = int(std::lround((std::max(y0, y1) - canvas.y) * s));
        expected.push_back(PixelRect{ex0, ey0, ex1 - ex0, ey1 - ey0});
        REQUIRE(front->masks.size() == expected.size());
        const PixelRect& m = front->masks.back();
        CHECK(std::abs(m.x - ex0) <= 2);
        CHECK(std::abs(m.y - ey0) <= 2);
        CHECK(std::abs(m.x + m.width - ex1) <= 2);
        CHECK(std::abs(m.y + m.height - ey1) <= 2);
    }
    CHECK(f.d().find("staff.mask.canvas")->value == "4");
    // A tap (no drag) adds no mask.
    REQUIRE_OK(f.d().drag(canvas.x + canvas.w * 0.8f, canvas.y + canvas.h * 0.5f, canvas.x + canvas.w * 0.8f,
                          canvas.y + canvas.h * 0.5f));
    CHECK(front->masks.size() == 4);
    REQUIRE_OK(f.d().tap("staff.page.confirm"));
    f.capture_with_camera();
    REQUIRE_OK(f.d().tap("staff.page.confirm"));
    REQUIRE_OK(f.d().tap("staff.submit"));
    REQUIRE(f.d().find("staff.submitted"));

    auto docs = ts->identity_documents().list(reg.meta.client_id);
    REQUIRE(docs.ok());
    REQUIRE(docs->size() == 1);
    auto plain = ts->files().read(docs->front().pages[0].file_id, reg.meta.client_id);
    REQUIRE(plain.ok());
    auto stored = decode_image(*plain);
    REQUIRE(stored.ok());
    REQUIRE(stored->width == unmasked.width);
    // Mean |stored - unmasked| of the first channel over a rectangle's outline.
    auto outline_diff = [&](PixelRect r) {
        double sum = 0;
        int n = 0;
        auto at = [&](int x, int y) {
            if (x < 0 || y < 0 || x >= unmasked.width || y >= unmasked.height) return;
            sum += std::abs(int(stored->at(x, y)[0]) - int(unmasked.at(x, y)[0]));
            ++n;
        };
        for (int x = r.x; x < r.x + r.width; ++x) at(x, r.y), at(x, r.y + r.height - 1);
        for (int y = r.y; y < r.y + r.height; ++y) at(r.x, y), at(r.x + r.width - 1, y);
        return n ? sum / n : 0.0;
    };
    auto outline_max = [&](PixelRect r) {
        int hi = 0;
        for (int x = r.x; x < r.x + r.width; ++x)
            hi = std::max({hi, int(stored->at(x, r.y)[0]), int(stored->at(x, r.y + r.height - 1)[0])});
        for (int y = r.y; y < r.y + r.height; ++y)
            hi = std::max({hi, int(stored->at(r.x, y)[0]), int(stored->at(r.x + r.width - 1, y)[0])});
        return hi;
    };
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const std::string direction = drags[i].direction;
        CAPTURE(direction);
        const PixelRect& e = expected[i];
        // 2 px inside the dragged rectangle: burned black (JPEG keeps it near 0).
        CHECK(outline_max(PixelRect{e.x + 2, e.y + 2, e.width - 4, e.height - 4}) <= 40);
        // Two 8-px JPEG blocks in (the mask is not block-aligned), flat black.
        CHECK(spread(*stored, e, 16) <= 2);
        // 3 px outside it: the document as captured (only JPEG's error).
        CHECK(outline_diff(PixelRect{e.x - 3, e.y - 3, e.width + 6, e.height + 6}) < 20);
    }
}

TEST_CASE("image view: a busy scan is previewed coarser instead of overflowing the draw list") {
    // Noise: no two neighbouring cells alike, one run per cell at full size
    // (320 x 202 = 64,640 rectangles: 258,560 vertices, past ImGui's 65,536).
    Image noise = make_image(1011, 638, 3);
    std::uint32_t x = 12345;
    for (auto& b : noise.bytes) b = static_cast<std::uint8_t>((x = x * 1103515245u + 12345u) >> 24);
    ui::ImageView busy;
    busy.set_image(noise);
    CHECK(busy.run_count() <= ui::ImageView::kMaxRuns);
    CHECK(busy.source_width() == 1011);  // touches still map to the full image
    // A card keeps the full preview size.
    ui::ImageView card;
    card.set_image(make_practice_card(300).frame);
    CHECK(card.run_count() <= ui::ImageView::kMaxRuns);
    CHECK(card.run_count() > 1000);
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
