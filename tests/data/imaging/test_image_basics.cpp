// Image conversions, crop/rotate, codec round trips and the homography.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "data/imaging/image.hpp"
#include "data/imaging/image_codec.hpp"
#include "data/imaging/image_resize.hpp"
#include "data/imaging/perspective_warp.hpp"
#include "tests/data/imaging/synthetic_document.hpp"

using namespace madoguchi;

TEST_CASE("to_gray uses BT.601 weights and to_rgb replicates") {
    Image rgb = make_image(3, 1, 3);
    const std::uint8_t px[] = {255, 0, 0, 0, 255, 0, 0, 0, 255};
    rgb.bytes.assign(px, px + 9);
    const Image gray = to_gray(rgb);
    REQUIRE(gray.channels == 1);
    CHECK(gray.bytes == std::vector<std::uint8_t>{76, 150, 29});
    const Image back = to_rgb(gray);
    CHECK(back.channels == 3);
    CHECK(back.bytes[3] == 150);
    CHECK(back.bytes[4] == 150);
    CHECK(back.bytes[5] == 150);
}

TEST_CASE("crop clips to the image") {
    Image img = make_image(4, 3, 1);
    for (std::size_t i = 0; i < img.bytes.size(); ++i) img.bytes[i] = static_cast<std::uint8_t>(i);
    const Image c = crop(img, {2, 1, 10, 10});
    CHECK(c.width == 2);
    CHECK(c.height == 2);
    CHECK(c.bytes == std::vector<std::uint8_t>{6, 7, 10, 11});
    CHECK(crop(img, {5, 5, 2, 2}).empty());
}

TEST_CASE("rotate_quarter_turns moves pixels clockwise") {
    Image img = make_image(3, 2, 1);
    // 0 1 2
    // 3 4 5
    for (std::size_t i = 0; i < 6; ++i) img.bytes[i] = static_cast<std::uint8_t>(i);
    const Image cw = rotate_quarter_turns(img, 1);
    REQUIRE(cw.width == 2);
    REQUIRE(cw.height == 3);
    // 3 0
    // 4 1
    // 5 2
    CHECK(cw.bytes == std::vector<std::uint8_t>{3, 0, 4, 1, 5, 2});
    CHECK(rotate_quarter_turns(img, -1).bytes == std::vector<std::uint8_t>{2, 5, 1, 4, 0, 3});
    CHECK(rotate_quarter_turns(img, 2).bytes == std::vector<std::uint8_t>{5, 4, 3, 2, 1, 0});
    CHECK(rotate_quarter_turns(rotate_quarter_turns(img, 3), 1).bytes == img.bytes);
}

TEST_CASE("PNG round trip is exact for gray and RGB") {
    const Image card = synthetic::draw_card(160, 101, 7);
    for (const Image& img : {card, to_gray(card)}) {
        auto png = encode_png(img);
        REQUIRE(png.ok());
        CHECK(png->size() > 8);
        CHECK((*png)[1] == 'P');
        auto decoded = decode_image(*png);
        REQUIRE(decoded.ok());
        CHECK(decoded->width == img.width);
        CHECK(decoded->height == img.height);
        CHECK(decoded->channels == img.channels);
        CHECK(decoded->bytes == img.bytes);
    }
}

TEST_CASE("JPEG round trip is close") {
    const Image card = synthetic::draw_card(160, 101, 3);
    auto jpg = encode_jpeg(card, 95);
    REQUIRE(jpg.ok());
    CHECK((*jpg)[0] == 0xFF);
    CHECK((*jpg)[1] == 0xD8);
    auto decoded = decode_image(*jpg);
    REQUIRE(decoded.ok());
    REQUIRE(decoded->bytes.size() == card.bytes.size());
    double total = 0;
    for (std::size_t i = 0; i < card.bytes.size(); ++i) total += std::abs(card.bytes[i] - decoded->bytes[i]);
    CHECK(total / static_cast<double>(card.bytes.size()) < 6.0);
}

TEST_CASE("decoding refuses garbage and encoding refuses malformed images") {
    const std::vector<std::uint8_t> garbage{1, 2, 3, 4, 5, 6, 7, 8};
    auto bad = decode_image(garbage);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == "image.decode");
    CHECK_FALSE(bad.error().message_ja.empty());
    CHECK_FALSE(decode_image(std::vector<std::uint8_t>{}).ok());
    Image broken = make_image(4, 4, 3);
    broken.bytes.resize(5);
    CHECK(encode_png(broken).error().code == "image.invalid");
    CHECK_FALSE(read_image_file("/nonexistent/x.png").ok());
}

TEST_CASE("resize and shrink_to_fit keep the aspect ratio") {
    const Image card = synthetic::draw_card(400, 252);
    const Image half = resize_image(card, 200, 126);
    CHECK(half.width == 200);
    CHECK(half.height == 126);
    const Image fit = shrink_to_fit(card, 100);
    CHECK(fit.width == 100);
    CHECK(fit.height == 63);
    CHECK(shrink_to_fit(card, 1000).width == 400);
}

TEST_CASE("homography maps the four corners and the warp size follows the sides") {
    const std::array<PointF, 4> from{PointF{0, 0}, PointF{100, 0}, PointF{100, 50}, PointF{0, 50}};
    const std::array<PointF, 4> to{PointF{10, 20}, PointF{200, 5}, PointF{220, 140}, PointF{0, 120}};
    auto h = homography_between(from, to);
    REQUIRE(h);
    for (std::size_t i = 0; i < 4; ++i) {
        const PointF p = h->apply(from[i]);
        CHECK(p.x == doctest::Approx(to[i].x).epsilon(1e-9));
        CHECK(p.y == doctest::Approx(to[i].y).epsilon(1e-9));
    }
    const std::array<PointF, 4> line{PointF{0, 0}, PointF{1, 1}, PointF{2, 2}, PointF{3, 3}};
    CHECK_FALSE(homography_between(from, line));

    const Quad q{{PointF{0, 0}, PointF{300, 0}, PointF{300, 100}, PointF{0, 100}}};
    const WarpSize free = upright_size(q);
    CHECK(free.width == 300);
    CHECK(free.height == 100);
    const WarpSize snapped = upright_size(q, 1.5);
    CHECK(snapped.width == 300);
    CHECK(snapped.height == 200);
}
