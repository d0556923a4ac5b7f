// Finding and straightening generated cards placed at known corners.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "data/imaging/document_capture.hpp"
#include "data/imaging/document_locator.hpp"
#include "data/imaging/image_resize.hpp"
#include "data/imaging/perspective_warp.hpp"
#include "tests/data/imaging/synthetic_document.hpp"

using namespace madoguchi;

namespace {

constexpr synthetic::Rgb kDarkMat{45, 50, 60};

double corner_error(const Quad& found, const Quad& truth) {
    double worst = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        worst = std::max(worst, std::hypot(found.corners[i].x - truth.corners[i].x, found.corners[i].y - truth.corners[i].y));
    }
    return worst;
}

// Mean absolute difference over the inner 90% of two same-sized images.
double interior_difference(const Image& a, const Image& b) {
    REQUIRE(a.width == b.width);
    REQUIRE(a.height == b.height);
    double total = 0;
    std::size_t n = 0;
    for (int y = a.height / 20; y < a.height * 19 / 20; ++y) {
        for (int x = a.width / 20; x < a.width * 19 / 20; ++x) {
            for (int c = 0; c < a.channels; ++c) total += std::abs(a.at(x, y)[c] - b.at(x, y)[c]);
            n += static_cast<std::size_t>(a.channels);
        }
    }
    return total / static_cast<double>(n);
}

}  // namespace

TEST_CASE("rotated cards: corners found and content restored") {
    const Image card = synthetic::draw_card(640, 403);
    struct Row {
        double degrees;
        PointF centre;
    };
    const Row rows[] = {{0, {480, 360}}, {4, {450, 380}}, {-12, {500, 350}}, {25, {480, 360}}, {-35, {480, 360}}};
    for (const auto& row : rows) {
        CAPTURE(row.degrees);
        const auto scene = synthetic::place_rotated(card, 960, 720, row.centre, row.degrees, kDarkMat);
        auto quad = locate_document(scene.frame);
        REQUIRE(quad.ok());
        // Analysis runs at 480 px: one analysis pixel is 2 frame pixels.
        CHECK(corner_error(*quad, scene.corners) < 4.0);

        CaptureOptions options;
        auto doc = prepare_document(scene.frame, options);
        REQUIRE(doc.ok());
        CHECK(std::abs(doc->image.width - card.width) <= 6);
        CHECK(std::abs(doc->image.height - card.height) <= 6);
        const Image same_size = resize_image(doc->image, card.width, card.height);
        CHECK(interior_difference(same_size, card) < 22.0);
    }
}

TEST_CASE("a pale card is found on a white scanner lid and on grey") {
    const Image card = synthetic::draw_card(640, 403);
    for (const synthetic::Rgb lid : {synthetic::Rgb{250, 250, 250}, synthetic::Rgb{240, 240, 240}, synthetic::Rgb{200, 200, 200}}) {
        CAPTURE(int(lid[0]));
        const auto scene = synthetic::place_rotated(card, 960, 720, {480, 360}, 5, lid);
        auto quad = locate_document(scene.frame);
        REQUIRE(quad.ok());
        CHECK(corner_error(*quad, scene.corners) < 4.0);
    }
}

TEST_CASE("perspective: a card photographed at an angle is restored to ID-1 proportions") {
    const Image card = synthetic::draw_card(640, 403);
    const Quad keystone{{PointF{230, 150}, PointF{750, 170}, PointF{820, 560}, PointF{150, 540}}};
    const auto scene = synthetic::place_on_quad(card, 960, 720, keystone, kDarkMat);
    auto quad = locate_document(scene.frame);
    REQUIRE(quad.ok());
    CHECK(corner_error(*quad, keystone) < 4.0);
    auto doc = prepare_document(scene.frame);
    REQUIRE(doc.ok());
    const double aspect = static_cast<double>(doc->image.width) / doc->image.height;
    CHECK(aspect == doctest::Approx(kIdCardFormat.aspect()).epsilon(0.01));
    const Image same_size = resize_image(doc->image, card.width, card.height);
    CHECK(interior_difference(same_size, card) < 25.0);
}

TEST_CASE("a card placed sideways comes out portrait and a quarter turn restores it") {
    const Image card = synthetic::draw_card(480, 302);
    const auto scene = synthetic::place_rotated(card, 720, 720, {360, 360}, 90, kDarkMat);
    auto doc = prepare_document(scene.frame);
    REQUIRE(doc.ok());
    CHECK(doc->image.height > doc->image.width);
    const Image upright = rotate_quarter_turns(doc->image, -1);
    CHECK(upright.width > upright.height);
    const Image same_size = resize_image(upright, card.width, card.height);
    CHECK(interior_difference(same_size, card) < 25.0);
}

TEST_CASE("a document cut by the frame edge is refused") {
    const Image card = synthetic::draw_card(640, 403);
    for (const PointF centre : {PointF{250, 360}, PointF{480, 150}, PointF{800, 600}}) {
        const auto scene = synthetic::place_rotated(card, 960, 720, centre, 3, kDarkMat);
        auto quad = locate_document(scene.frame);
        REQUIRE_FALSE(quad.ok());
        CHECK(quad.error().code == "document.not_inside");
        CHECK(quad.error().message_ja.find("はみ出") != std::string::npos);
    }
}

TEST_CASE("an empty frame has no document") {
    const Image empty = make_image(640, 480, 3, 50);
    auto quad = locate_document(empty);
    REQUIRE_FALSE(quad.ok());
    CHECK(quad.error().code == "document.not_found");
    auto doc = prepare_document(empty);
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.error().code == "document.not_found");
}

TEST_CASE("crop can be turned off for a page that fills the glass") {
    const Image page = synthetic::draw_page(420, 594);
    CaptureOptions options;
    options.crop_to_document = false;
    options.format = kA4Format;
    auto doc = prepare_document(page, options);
    REQUIRE(doc.ok());
    CHECK_FALSE(doc->found);
    CHECK(doc->image.bytes == page.bytes);
    // 594 px over 297 mm is 50 dpi: far too few pixels to read.
    CHECK(doc->metrics.effective_dpi == doctest::Approx(50.8).epsilon(0.01));
    REQUIRE_FALSE(doc->problems.empty());
    CHECK(doc->problems.front().code == "capture.low_resolution");
}
