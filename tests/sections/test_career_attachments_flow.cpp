// Career attachments (【9】 Step 9) through the touch screen: a page
// photographed by FileCamera is shown as a thumbnail, stored encrypted (no
// plaintext bytes anywhere under the store's directory) and queued with the
// career record; removed after a confirmation; the 10-attachment limit.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "data/imaging/image_codec.hpp"
#include "data/rules/field_limits.hpp"
#include "data/store/store.hpp"
#include "platform/camera/file_camera.hpp"
#include "tests/sections/sections_fixture.hpp"

using namespace madoguchi;
using namespace madoguchi::testing;

namespace {

// A folder with one "certificate" picture for FileCamera: a light page with
// dark bars (something a thumbnail visibly shows).
struct PageFolder {
    TempDir dir;
    PageFolder() {
        Image img = make_image(320, 240, 3, 235);
        for (int y = 40; y < 200; y += 24)
            for (int yy = y; yy < y + 10; ++yy)
                for (int x = 30; x < 290; ++x) {
                    std::uint8_t* p = img.at(x, yy);
                    p[0] = 20;
                    p[1] = static_cast<std::uint8_t>(x % 200);
                    p[2] = 60;
                }
        auto png = encode_png(img);
        REQUIRE(png.ok());
        std::ofstream out(dir.path() / "page.png", std::ios::binary);
        out.write(reinterpret_cast<const char*>(png->data()), static_cast<std::streamsize>(png->size()));
    }
};

std::string file_bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Whether `needle` occurs in any file under `dir` (database, WAL, files).
bool found_under(const std::filesystem::path& dir, const std::string& needle) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.is_regular_file() && file_bytes(e.path()).find(needle) != std::string::npos) return true;
    return false;
}

struct AttachmentFixture : SectionsFixture {
    PageFolder pages;
    FileCamera camera{pages.dir.path().string()};
    AttachmentFixture() {
        sections.attachments.set_capture_devices(&camera, nullptr, [this](std::function<void()> task) {
            ui.app.run_queue().post(std::move(task));
        });
    }

    // Taps a capture button and waits for the worker's answer.
    void capture(const std::string& button) {
        REQUIRE_OK(d().tap(button));
        REQUIRE(pump_until([&] { return d().value("careers.attachments.status") != "capturing"; }));
        d().frames(2);
    }
};

}  // namespace

TEST_CASE("career attachments: camera → thumbnail → encrypted in the file store → queued; remove confirmed") {
    AttachmentFixture f;
    auto& d = f.d();
    f.sign_up_and_open("home.careers", "careers");
    REQUIRE_OK(d.tap("careers.add"));
    CHECK(d.value("careers.attachments.count") == "0");
    REQUIRE(d.find("careers.attach.camera"));
    CHECK(d.find("careers.attach.camera")->enabled);
    CHECK_FALSE(d.find("careers.attach.scanner")->enabled);  // no scanner in this kiosk
    CHECK(d.find("careers.attach.camera")->rect.h >= 48.0f);

    REQUIRE_OK(d.tap("careers.category.0"));
    REQUIRE_OK(d.tap("careers.from.set"));
    REQUIRE_OK(fill(d, "careers.company", "まどぐちしょうじ"));

    f.capture("careers.attach.camera");
    INFO(f.shown_errors());
    REQUIRE(d.value("careers.attachments.status") == "idle");
    REQUIRE(d.value("careers.attachments.count") == "1");
    const std::string name = d.value("careers.attachment.0");
    CHECK(name.starts_with("photo-"));
    CHECK(name.ends_with(".jpg"));
    CHECK(d.value("careers.attachment.0.preview") == "shown");
    CHECK(d.find("careers.attachment.0.remove"));
    // What was typed before the capture is still there.
    CHECK(d.value("careers.company") == "まどぐちしょうじ");

    REQUIRE_OK(d.tap("careers.save"));
    d.frames(2);
    INFO(f.shown_errors());
    REQUIRE(d.value("careers.count") == "1");
    auto rows = f.rows("career");
    REQUIRE(rows.size() == 1);
    auto p = payload_of(rows[0]);
    REQUIRE(p["attachments"].size() == 1);
    const std::string file_id = p["attachments"][0]["file_id"];
    CHECK(p["attachments"][0]["mime_type"] == "image/jpeg");
    CHECK(p["attachments"][0]["file_name"] == name);
    // Queued with the record: the sync engine uploads the file with the row.
    CHECK(std::find(rows[0].file_ids.begin(), rows[0].file_ids.end(), file_id) != rows[0].file_ids.end());

    // Encrypted at rest: the plaintext JPEG decrypts back, and neither its
    // header nor a run of its body is in any file of the store.
    auto plain = f.store->files().read(file_id, f.owner());
    REQUIRE(plain.ok());
    REQUIRE(plain->size() > 1000);
    CHECK((*plain)[0] == 0xFF);
    CHECK((*plain)[1] == 0xD8);
    const std::string body(reinterpret_cast<const char*>(plain->data()) + plain->size() / 2, 48);
    const auto store_dir = f.store.dir.path();
    CHECK(std::filesystem::exists(f.store->files().path_of(file_id)));
    CHECK_FALSE(found_under(store_dir, body));
    CHECK_FALSE(found_under(store_dir, std::string("\xFF\xD8\xFF", 3)));
    CHECK_FALSE(found_under(store_dir, "JFIF"));
    f.settle();

    // Edit: the stored attachment shows its thumbnail (decrypted from the store).
    REQUIRE_OK(d.tap("careers.row.0"));
    CHECK(d.value("careers.attachments.count") == "1");
    CHECK(d.value("careers.attachment.0") == name);
    CHECK(d.value("careers.attachment.0.preview") == "shown");
    // Removing asks first; cancelling keeps it.
    REQUIRE_OK(d.tap("careers.attachment.0.remove"));
    REQUIRE(d.find("confirm.cancel"));
    REQUIRE_OK(d.tap("confirm.cancel"));
    d.frames(2);
    CHECK(d.value("careers.attachments.count") == "1");
    REQUIRE_OK(d.tap("careers.attachment.0.remove"));
    REQUIRE_OK(d.tap("confirm.ok"));
    d.frames(2);
    CHECK(d.value("careers.attachments.count") == "0");
    CHECK_FALSE(d.find("careers.attachment.0"));
    REQUIRE_OK(d.tap("careers.update"));
    d.frames(2);
    rows = f.rows("career");
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].operation == "career.update");
    CHECK(payload_of(rows[1])["attachments"].empty());
    CHECK(rows[1].file_ids.empty());
}

TEST_CASE("career attachments: at most 10, then the buttons say why they are off") {
    AttachmentFixture f;
    auto& d = f.d();
    f.sign_up_and_open("home.careers", "careers");
    REQUIRE_OK(d.tap("careers.add"));
    for (std::size_t i = 0; i < limits::kAttachmentsMax; ++i) {
        f.capture("careers.attach.camera");
        INFO(f.shown_errors());
        REQUIRE(d.value("careers.attachments.count") == std::to_string(i + 1));
    }
    REQUIRE(d.find("careers.attach.camera"));
    CHECK_FALSE(d.find("careers.attach.camera")->enabled);
    CHECK(d.value("careers.attachments.limit").find("10個まで") != std::string::npos);
    // The limit is also a rule of the record and of the service.
    CHECK(CareerAttachmentService::check_room(limits::kAttachmentsMax).error().code == "attachments.too_many");
    AttachmentCaptureOutcome late;
    bool answered = false;
    CHECK(f.sections.attachments.capture(f.owner(), AttachmentSource::camera, limits::kAttachmentsMax,
                                         [&](AttachmentCaptureOutcome out) {
                                             late = std::move(out);
                                             answered = true;
                                         }));
    REQUIRE(f.pump_until([&] { return answered; }));
    REQUIRE(late.error);
    CHECK(late.error->code == "attachments.too_many");
    CHECK(late.error->message_ja.find("10個まで") != std::string::npos);
    // Still nothing lost: the ten are in the form.
    CHECK(d.value("careers.attachments.count") == "10");
}
