// CareerAttachmentService with the scanner: a page read by SANE's real `test`
// backend becomes an encrypted JPEG attachment in the store; a scanner
// error reaches the form as its message; no scanner, no capture.
#include <doctest/doctest.h>

#include <dlfcn.h>
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <mutex>
#include <thread>
#include <vector>

#include "data/imaging/image_codec.hpp"
#include "data/rules/validate_records.hpp"
#include "data/store/store.hpp"
#include "platform/scanner/sane_scanner.hpp"
#include "services/career_attachment_service.hpp"
#include "tests/data/store/temp_store.hpp"

using namespace madoguchi;

// The SANE test backend leaks its own line buffers (see test_sane_scanner.cpp).
extern "C" const char* __lsan_default_suppressions() { return "leak:libsane-test.so\n"; }

namespace {

// SANE_CONFIG_DIR pointing at a private folder that enables only `test`.
struct TestBackend {
    testing::TempDir dir;
    TestBackend() {
        static void* const keep = ::dlopen(MADOGUCHI_SANE_BACKEND_DIR "/libsane-test.so.1", RTLD_NOW | RTLD_NODELETE);
        (void)keep;
        std::ofstream(dir.path() / "dll.conf") << "test\n";
        std::ofstream(dir.path() / "test.conf") << "number_of_devices 1\n";
        ::setenv("SANE_CONFIG_DIR", dir.path().c_str(), 1);
    }
};

// The UI run queue: tasks posted by the worker, run by the test's thread.
struct RunQueue {
    std::mutex mutex;
    std::vector<std::function<void()>> tasks;
    void post(std::function<void()> t) {
        std::lock_guard lock(mutex);
        tasks.push_back(std::move(t));
    }
    template <typename Done>
    bool run_until(Done&& done) {
        for (int i = 0; i < 3000 && !done(); ++i) {
            std::vector<std::function<void()>> now;
            {
                std::lock_guard lock(mutex);
                now.swap(tasks);
            }
            for (auto& t : now) t();
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return done();
    }
};

struct ScannerFixture {
    TestBackend backend;
    SaneScanner scanner;
    testing::TempStore store;
    RunQueue queue;
    CareerAttachmentService service{*store};
    ScannerFixture() {
        service.set_capture_devices(nullptr, &scanner, [this](std::function<void()> t) { queue.post(std::move(t)); });
        ScanSettings s;
        s.resolution_dpi = 100;
        s.area = ScanArea{0, 0, 60, 40};
        s.device_options = {{"test-picture", "Grid"}};
        service.set_scan_settings(s);
    }
    AttachmentCaptureOutcome capture() {
        AttachmentCaptureOutcome got;
        bool answered = false;
        REQUIRE(service.capture("owner-1", AttachmentSource::scanner, 0, [&](AttachmentCaptureOutcome out) {
            got = std::move(out);
            answered = true;
        }));
        REQUIRE(queue.run_until([&] { return answered; }));
        return got;
    }
};

}  // namespace

TEST_CASE("a scanned page becomes an encrypted JPEG attachment of its owner") {
    ScannerFixture f;
    CHECK(f.service.has_scanner());
    CHECK_FALSE(f.service.has_camera());
    auto out = f.capture();
    INFO((out.error ? out.error->message_en : std::string()));
    REQUIRE(out.ok());
    CHECK(out.attachment.mime_type == "image/jpeg");
    CHECK(out.attachment.file_name.starts_with("scan-"));
    CHECK(out.thumbnail.width == kAttachmentThumbnailSide);  // 60 x 40 mm: wider than tall
    auto plain = f.store->files().read(out.attachment.file_id, "owner-1");
    REQUIRE(plain.ok());
    auto image = decode_image(*plain);
    REQUIRE(image.ok());
    // 60 x 40 mm at 100 dpi, the test backend's 10 mm grid: white, then black.
    CHECK(image->width == doctest::Approx(60 / 25.4 * 100).epsilon(0.02));
    CHECK(image->height == doctest::Approx(40 / 25.4 * 100).epsilon(0.02));
    CHECK(image->at(5, 5)[0] > 200);
    CHECK(image->at(45, 5)[0] < 60);
    // Another owner cannot read it; the bytes on disk are not the JPEG.
    CHECK_FALSE(f.store->files().read(out.attachment.file_id, "owner-2").ok());
    std::ifstream in(f.store->files().path_of(out.attachment.file_id), std::ios::binary);
    std::string disk((std::istreambuf_iterator<char>(in)), {});
    CHECK(disk.find(std::string("\xFF\xD8\xFF", 3)) == std::string::npos);
    // The service's thumbnail of the stored file (what an edit form shows).
    auto thumb = f.service.thumbnail("owner-1", out.attachment.file_id);
    REQUIRE(thumb.ok());
    CHECK(thumb->width == kAttachmentThumbnailSide);
}

TEST_CASE("a scanner error is the outcome's message; nothing is stored") {
    ScannerFixture f;
    ScanSettings s;
    s.resolution_dpi = 100;
    s.area = ScanArea{0, 0, 20, 20};
    s.device_options = {{"no-such-option", "yes"}};
    f.service.set_scan_settings(s);
    auto out = f.capture();
    REQUIRE_FALSE(out.ok());
    CHECK(out.error->code.starts_with("scanner."));
    CHECK_FALSE(out.error->message_ja.empty());
    CHECK(out.error->field == "attachments");  // shown under the attachments list
    CHECK(out.attachment.file_id.empty());
}

TEST_CASE("no device: capture refuses at once; room and size limits from data/rules") {
    testing::TempStore store;
    CareerAttachmentService service(*store);
    CHECK_FALSE(service.has_camera());
    CHECK_FALSE(service.has_scanner());
    CHECK_FALSE(service.capture("o", AttachmentSource::camera, 0, [](AttachmentCaptureOutcome) { FAIL("ran"); }));
    CHECK_FALSE(service.capture("o", AttachmentSource::scanner, 0, [](AttachmentCaptureOutcome) { FAIL("ran"); }));

    struct Row {
        std::size_t attached;
        bool ok;
    };
    for (const Row& r : {Row{0, true}, Row{9, true}, Row{10, false}, Row{11, false}}) {
        CAPTURE(r.attached);
        CHECK(CareerAttachmentService::check_room(r.attached).ok() == r.ok);
    }
    struct SizeRow {
        std::size_t bytes;
        bool ok;
    };
    for (const SizeRow& r : {SizeRow{0, true}, SizeRow{10u << 20, true}, SizeRow{(10u << 20) + 1, false}}) {
        CAPTURE(r.bytes);
        auto s = check_attachment_size(r.bytes);
        CHECK(s.ok() == r.ok);
        if (!s) {
            CHECK(s.error().code == "attachments.too_large");
            CHECK(s.error().message_ja.find("10MB") != std::string::npos);
        }
    }
    // An empty capture is refused before it is encoded.
    auto empty = CareerAttachmentService::encode(Image{});
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().code == "attachments.empty");
}
