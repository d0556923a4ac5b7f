// Camera: YUYV/MJPEG conversion, V4L2 error paths (no video device on CI),
// and the file-backed camera feeding the document pipeline.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "data/imaging/document_capture.hpp"
#include "data/imaging/image_codec.hpp"
#include "platform/camera/file_camera.hpp"
#include "platform/camera/pixel_formats.hpp"
#include "platform/camera/v4l2_camera.hpp"
#include "tests/data/imaging/synthetic_document.hpp"

using namespace madoguchi;

namespace {

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        char pattern[] = "/tmp/madoguchi-camera-XXXXXX";
        REQUIRE(::mkdtemp(pattern) != nullptr);
        path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

void write_file(const std::filesystem::path& p, const std::vector<std::uint8_t>& bytes) {
    std::ofstream out(p, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

// The JPEG without its DHT segments, as an MJPEG webcam sends frames.
std::vector<std::uint8_t> strip_huffman_tables(const std::vector<std::uint8_t>& jpeg) {
    std::vector<std::uint8_t> out(jpeg.begin(), jpeg.begin() + 2);
    std::size_t i = 2;
    while (i + 4 <= jpeg.size()) {
        const std::uint8_t marker = jpeg[i + 1];
        if (marker == 0xDA) break;
        const std::size_t length = static_cast<std::size_t>(jpeg[i + 2]) << 8 | jpeg[i + 3];
        if (marker != 0xC4) out.insert(out.end(), jpeg.begin() + static_cast<std::ptrdiff_t>(i), jpeg.begin() + static_cast<std::ptrdiff_t>(i + 2 + length));
        i += 2 + length;
    }
    out.insert(out.end(), jpeg.begin() + static_cast<std::ptrdiff_t>(i), jpeg.end());
    return out;
}

}  // namespace

TEST_CASE("YUYV to RGB, BT.601 limited range") {
    struct Row {
        std::uint8_t y, u, v;
        std::uint8_t r, g, b;
    };
    const Row rows[] = {
        {16, 128, 128, 0, 0, 0},        // black
        {235, 128, 128, 255, 255, 255}, // white
        {126, 128, 128, 128, 128, 128}, // mid grey
        {82, 90, 240, 255, 1, 0},       // red
        {145, 54, 34, 0, 255, 1},       // green
        {41, 240, 110, 0, 0, 255},      // blue
    };
    for (const auto& row : rows) {
        CAPTURE(int(row.y));
        const std::vector<std::uint8_t> pair{row.y, row.u, row.y, row.v};
        auto img = yuyv_to_rgb(pair, 2, 1, 4);
        REQUIRE(img.ok());
        for (int x = 0; x < 2; ++x) {
            CHECK(std::abs(img->at(x, 0)[0] - row.r) <= 2);
            CHECK(std::abs(img->at(x, 0)[1] - row.g) <= 2);
            CHECK(std::abs(img->at(x, 0)[2] - row.b) <= 2);
        }
    }
}

TEST_CASE("YUYV rows may be padded; bad sizes are refused") {
    // 2x2 image, 8 bytes per line (4 bytes of padding).
    const std::vector<std::uint8_t> data{16, 128, 235, 128, 9, 9, 9, 9, 235, 128, 16, 128};
    auto img = yuyv_to_rgb(data, 2, 2, 8);
    REQUIRE(img.ok());
    CHECK(img->at(0, 0)[0] == 0);
    CHECK(img->at(1, 0)[0] == 255);
    CHECK(img->at(0, 1)[0] == 255);
    CHECK(img->at(1, 1)[0] == 0);
    CHECK(yuyv_to_rgb(data, 3, 1, 8).error().code == "camera.frame");  // odd width
    CHECK_FALSE(yuyv_to_rgb(data, 2, 3, 8).ok());                       // short buffer
}

TEST_CASE("MJPEG frames without Huffman tables decode with the standard ones") {
    const Image card = synthetic::draw_card(96, 60, 4);
    auto jpeg = encode_jpeg(card, 85);
    REQUIRE(jpeg.ok());
    const auto stripped = strip_huffman_tables(*jpeg);
    REQUIRE(stripped.size() < jpeg->size());
    CHECK_FALSE(decode_image(stripped).ok());  // what a plain decoder does with MJPEG

    auto original = decode_image(*jpeg);
    auto restored = mjpeg_to_rgb(stripped);
    REQUIRE(original.ok());
    REQUIRE(restored.ok());
    CHECK(restored->bytes == original->bytes);

    CHECK(with_default_huffman_tables(*jpeg) == *jpeg);  // already complete
    const std::vector<std::uint8_t> not_jpeg{1, 2, 3, 4, 5};
    CHECK(with_default_huffman_tables(not_jpeg) == not_jpeg);
    CHECK(mjpeg_to_rgb(not_jpeg).error().code == "camera.frame");
}

TEST_CASE("V4L2: missing device, non-camera device, calls out of order") {
    V4l2Camera missing("/dev/video63");
    auto opened = missing.open();
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == "camera.not_found");
    CHECK(opened.error().message_ja.find("見つかりません") != std::string::npos);
    CHECK(missing.start().error().code == "camera.not_open");
    CHECK(missing.capture_still().error().code == "camera.not_started");
    CHECK_FALSE(missing.latest_frame());
    missing.stop();  // harmless when never started

    V4l2Camera not_video("/dev/null");
    auto refused = not_video.open();
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "camera.not_a_camera");
}

TEST_CASE("FileCamera replays a folder in name order and loops") {
    TempDir dir;
    const Image a = synthetic::draw_card(64, 40, 1);
    const Image b = synthetic::draw_card(64, 40, 2);
    const Image c = to_gray(synthetic::draw_card(64, 40, 3));
    write_file(dir.path / "02.jpg", *encode_jpeg(b, 95));
    write_file(dir.path / "01.png", *encode_png(a));
    write_file(dir.path / "03.PNG", *encode_png(c));
    write_file(dir.path / "notes.txt", {'h', 'i'});

    FileCamera camera(dir.path.string());
    CHECK(camera.start().error().code == "camera.not_open");
    REQUIRE(camera.open().ok());
    REQUIRE(camera.files().size() == 3);
    CHECK(camera.files()[0].ends_with("01.png"));
    CHECK_FALSE(camera.latest_frame());  // not started
    REQUIRE(camera.start().ok());

    auto f1 = camera.latest_frame();
    auto f2 = camera.latest_frame();
    auto f3 = camera.latest_frame();
    auto f4 = camera.latest_frame();
    REQUIRE((f1 && f2 && f3 && f4));
    CHECK(f1->sequence == 1);
    CHECK(f4->sequence == 4);
    CHECK(f1->image->bytes == a.bytes);
    CHECK(f2->image->width == 64);
    CHECK(f3->image->channels == 3);  // gray file delivered as RGB
    CHECK(f3->image->bytes == to_rgb(c).bytes);
    CHECK(f4->image->bytes == a.bytes);  // looped

    auto still = camera.capture_still();
    REQUIRE(still.ok());
    CHECK(still->bytes == a.bytes);
    camera.stop();
    CHECK_FALSE(camera.latest_frame());
    CHECK(camera.capture_still().error().code == "camera.not_started");
}

TEST_CASE("FileCamera with a frame period holds the image between periods") {
    TempDir dir;
    write_file(dir.path / "a.png", *encode_png(synthetic::draw_card(32, 20, 1)));
    write_file(dir.path / "b.png", *encode_png(synthetic::draw_card(32, 20, 2)));
    FileCamera camera(dir.path.string(), {std::chrono::hours(1)});
    REQUIRE(camera.open().ok());
    REQUIRE(camera.start().ok());
    const auto first = camera.latest_frame();
    const auto again = camera.latest_frame();
    REQUIRE((first && again));
    CHECK(first->sequence == again->sequence);
    CHECK(first->image == again->image);  // same shared frame, no copy
}

TEST_CASE("FileCamera errors: missing folder, no images, unreadable file") {
    FileCamera missing("/nonexistent/folder");
    CHECK(missing.open().error().code == "camera.not_found");

    TempDir empty;
    FileCamera none(empty.path.string());
    CHECK(none.open().error().code == "camera.no_images");

    TempDir broken;
    write_file(broken.path / "bad.jpg", {0xFF, 0xD8, 0xFF, 0x00, 0x01});
    FileCamera bad(broken.path.string());
    REQUIRE(bad.open().ok());
    REQUIRE(bad.start().ok());
    CHECK_FALSE(bad.latest_frame());
    CHECK(bad.capture_still().error().code == "image.decode");
}

TEST_CASE("a still from the file camera goes through the document pipeline") {
    TempDir dir;
    const auto scene = synthetic::place_rotated(synthetic::draw_card(700, 441), 900, 640, {450, 320}, -6, {40, 40, 48});
    write_file(dir.path / "scene.png", *encode_png(scene.frame));
    FileCamera camera(dir.path.string());
    REQUIRE(camera.open().ok());
    REQUIRE(camera.start().ok());
    auto still = camera.capture_still();
    REQUIRE(still.ok());
    auto doc = prepare_document(*still);
    REQUIRE(doc.ok());
    CHECK(doc->problems.empty());
    CHECK(std::abs(doc->image.width - 700) <= 6);
}
