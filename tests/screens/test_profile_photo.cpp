// 【5】 step 1 through the touch screen: the profile photo taken with the
// camera interface (FileCamera replaying two generated pictures), shown for
// a check, retaken, kept encrypted in the file store and queued with the
// profile.put row so the sync engine uploads it.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include <nlohmann/json.hpp>

#include "data/imaging/image_codec.hpp"
#include "platform/camera/file_camera.hpp"
#include "tests/screens/profile_fixture.hpp"

using namespace madoguchi;
using namespace madoguchi::testing;

namespace {

Image solid(int w, int h, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    Image img = make_image(w, h, 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint8_t* p = img.at(x, y);
            p[0] = r, p[1] = g, p[2] = b;
        }
    return img;
}

void write_png_file(const std::filesystem::path& path, const Image& image) {
    auto png = encode_png(image);
    REQUIRE(png.ok());
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(png->data()), static_cast<std::streamsize>(png->size()));
}

// Frames until the photo step shows `state` (captures run on a worker).
bool wait_photo_state(UiDriver& d, const std::string& state) {
    for (int i = 0; i < 1000; ++i) {
        if (d.value("profile.photo") == state) return true;
        d.frames(1);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return d.value("profile.photo") == state;
}

std::string file_bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("profile photo: take, check, retake, keep; stored encrypted and queued with the profile") {
    TempDir pictures;
    write_png_file(pictures.path() / "a_red.png", solid(1600, 1200, 220, 30, 30));
    write_png_file(pictures.path() / "b_blue.png", solid(1200, 1600, 30, 30, 220));
    FileCamera camera(pictures.path().string());
    ProfileFixture f;
    f.profiles.set_camera(&camera, [&f](std::function<void()> task) { f.ui.app.run_queue().post(std::move(task)); });
    auto& d = f.d();
    sign_up_and_open_profile(f);
    CHECK(d.value("profile.photo") == "none");
    CHECK(d.find("profile.photo.preview") == nullptr);

    REQUIRE_OK(tap_in_view(d, "profile.photo.take"));
    REQUIRE(wait_photo_state(d, "preview"));
    CHECK(d.find("profile.photo.preview") != nullptr);
    CHECK(d.find("profile.photo.use") != nullptr);
    // Not stored before the person keeps it.
    auto rows = f.store->outbox().list(OutboxState::pending);
    REQUIRE(rows.ok());
    for (const auto& r : *rows) CHECK(r.file_ids.empty());

    REQUIRE_OK(tap_in_view(d, "profile.photo.retake"));
    REQUIRE(wait_photo_state(d, "preview"));
    REQUIRE_OK(tap_in_view(d, "profile.photo.use"));
    CHECK(d.value("profile.photo") == "kept");
    CHECK(d.find("profile.photo.preview") != nullptr);

    REQUIRE_OK(fill(d, "profile.nickname", "taro"));
    REQUIRE_OK(type_and_convert(d, "profile.family_name", "yamada", "山田"));
    REQUIRE_OK(type_and_convert(d, "profile.given_name", "tarou", "太郎"));
    REQUIRE_OK(fill(d, "profile.family_kana", "ヤマダ"));
    REQUIRE_OK(fill(d, "profile.given_kana", "タロウ"));
    REQUIRE_OK(fill(d, "profile.postal", "1000001"));
    REQUIRE_OK(tap_in_view(d, "profile.postal_lookup"));
    REQUIRE_OK(fill(d, "profile.phone", "09012345678"));
    REQUIRE_OK(tap_in_view(d, "profile.save"));

    rows = f.store->outbox().list(OutboxState::pending);
    REQUIRE(rows.ok());
    const OutboxRow* put = nullptr;
    for (const auto& r : *rows)
        if (r.operation == "profile.put") put = &r;
    REQUIRE(put != nullptr);
    const std::string photo_id = nlohmann::json::parse(put->payload)["photo_file_id"];
    REQUIRE_FALSE(photo_id.empty());
    REQUIRE(put->file_ids.size() == 1);  // the sync engine uploads it before the PUT
    CHECK(put->file_ids[0] == photo_id);
    CHECK(f.store->files().file_exists(photo_id));

    // The kept photo is the retaken one, shrunk to ≤ 800 px, a JPEG. (The
    // first shot is the camera's current frame, the retake the next one.)
    const std::string owner = f.ui.app.session().account_client_id;
    auto bytes = f.store->files().read(photo_id, owner);
    REQUIRE(bytes.ok());
    REQUIRE(bytes->size() > 3);
    CHECK((*bytes)[0] == 0xFF);
    CHECK((*bytes)[1] == 0xD8);
    auto photo = decode_image(*bytes);
    REQUIRE(photo.ok());
    CHECK(std::max(photo->width, photo->height) == 800);
    CHECK(photo->width * 3 == photo->height * 4);  // 1600x1200: the red one came round again
    const std::uint8_t* centre = photo->at(photo->width / 2, photo->height / 2);
    CHECK(centre[0] > 150);
    CHECK(centre[2] < 100);
    // Encrypted at rest: no JPEG/JFIF bytes anywhere in the kiosk's files.
    for (const auto& e : std::filesystem::recursive_directory_iterator(f.store.dir.path())) {
        if (!e.is_regular_file()) continue;
        CAPTURE(e.path().string());
        CHECK(file_bytes(e.path()).find("JFIF") == std::string::npos);
    }

    // Back on the form later: the kept photo shows again (decrypted for the preview).
    REQUIRE_OK(d.tap("header.back"));
    REQUIRE_OK(d.tap("home.profile"));
    d.frames(2);
    CHECK(d.value("profile.photo") == "kept");
    CHECK(d.find("profile.photo.preview") != nullptr);
}

TEST_CASE("profile photo: a camera that fails says so next to the step; no camera, no button") {
    TempDir empty;  // FileCamera over an empty folder: open() fails with camera.*
    FileCamera camera(empty.path().string());
    ProfileFixture f;
    auto& d = f.d();
    sign_up_and_open_profile(f);
    CHECK(d.find("profile.photo.take") == nullptr);  // no camera configured yet

    f.profiles.set_camera(&camera, [&f](std::function<void()> task) { f.ui.app.run_queue().post(std::move(task)); });
    d.frames(2);
    REQUIRE_OK(tap_in_view(d, "profile.photo.take"));
    REQUIRE(wait_photo_state(d, "none"));
    for (int i = 0; i < 100 && d.find("profile.photo")->error.empty(); ++i) {
        d.frames(1);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    CHECK_FALSE(d.find("profile.photo")->error.empty());
    CHECK(d.find("profile.photo.take") != nullptr);  // try again is possible
}
