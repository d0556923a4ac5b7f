// Masking burns uniform pixels before encoding: nothing of the original
// region survives in the image or in the encoded bytes.
#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "data/imaging/document_capture.hpp"
#include "data/imaging/document_mask.hpp"
#include "data/imaging/image_codec.hpp"
#include "tests/data/imaging/synthetic_document.hpp"

using namespace madoguchi;

namespace {

bool region_uniform(const Image& img, PixelRect r, MaskColour colour) {
    for (int y = r.y; y < r.y + r.height; ++y) {
        for (int x = r.x; x < r.x + r.width; ++x) {
            for (int c = 0; c < img.channels; ++c) {
                if (img.at(x, y)[c] != colour[static_cast<std::size_t>(c)]) return false;
            }
        }
    }
    return true;
}

bool contains(const std::vector<std::uint8_t>& haystack, const std::vector<std::uint8_t>& needle) {
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) != haystack.end();
}

// Rows of `r` in the original that carry ink: the bytes a leak would
// reproduce. (Rows of bare background repeat elsewhere on the card.)
std::vector<std::vector<std::uint8_t>> inked_rows(const Image& img, PixelRect r) {
    std::vector<std::vector<std::uint8_t>> rows;
    for (int y = r.y; y < r.y + r.height; ++y) {
        const std::uint8_t* p = img.at(r.x, y);
        std::vector<std::uint8_t> row(p, p + static_cast<std::ptrdiff_t>(r.width * img.channels));
        if (std::any_of(row.begin(), row.end(), [](std::uint8_t v) { return v < 100; })) rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace

TEST_CASE("masked pixels are uniform, the rest and the input are untouched") {
    const Image card = synthetic::draw_card(320, 202, 11);
    const PixelRect number{20, 40, 150, 24};
    const PixelRect qr{250, 130, 60, 60};
    const PixelRect masks[] = {number, qr};
    auto masked = apply_masks(card, masks);
    REQUIRE(masked.ok());
    CHECK(region_uniform(*masked, number, kMaskBlack));
    CHECK(region_uniform(*masked, qr, kMaskBlack));
    CHECK(masked->at(10, 10)[0] == card.at(10, 10)[0]);
    CHECK(masked->at(200, 100)[1] == card.at(200, 100)[1]);
    CHECK(card.at(30, 50)[0] != 0);  // input unchanged

    const MaskColour grey{128, 128, 128};
    auto grey_masked = apply_masks(card, masks, grey);
    REQUIRE(grey_masked.ok());
    CHECK(region_uniform(*grey_masked, number, grey));
}

TEST_CASE("no trace of the original region in the raw or PNG output") {
    const Image card = synthetic::draw_card(320, 202, 5);
    const PixelRect number{24, 60, 180, 30};
    const auto secret_rows = inked_rows(card, number);
    // The region really has content (ink strokes), so a leak would be visible.
    REQUIRE(secret_rows.size() >= 5);

    const PixelRect masks[] = {number};
    auto masked = apply_masks(card, masks);
    REQUIRE(masked.ok());
    for (const auto& row : secret_rows) CHECK_FALSE(contains(masked->bytes, row));

    auto png = encode_masked_document(card, masks, ImageEncoding::png);
    REQUIRE(png.ok());
    for (const auto& row : secret_rows) CHECK_FALSE(contains(*png, row));
    auto decoded = decode_image(*png);
    REQUIRE(decoded.ok());
    CHECK(decoded->bytes == masked->bytes);
    CHECK(region_uniform(*decoded, number, kMaskBlack));
}

TEST_CASE("JPEG output keeps the masked area flat") {
    const Image card = synthetic::draw_card(320, 202, 9);
    const PixelRect number{32, 64, 160, 32};  // 8x8-block aligned
    const PixelRect masks[] = {number};
    auto jpg = encode_masked_document(card, masks, ImageEncoding::jpeg, 90);
    REQUIRE(jpg.ok());
    auto decoded = decode_image(*jpg);
    REQUIRE(decoded.ok());
    // Chroma is subsampled 2x, so stay one block inside the edge.
    int worst = 0;
    for (int y = number.y + 8; y < number.y + number.height - 8; ++y) {
        for (int x = number.x + 8; x < number.x + number.width - 8; ++x) {
            for (int c = 0; c < 3; ++c) worst = std::max(worst, static_cast<int>(decoded->at(x, y)[c]));
        }
    }
    CHECK(worst <= 4);
}

TEST_CASE("masks are clipped; a mask wholly outside is an error") {
    const Image gray = to_gray(synthetic::draw_card(100, 63));
    const PixelRect partly[] = {{90, 50, 40, 40}};
    auto clipped = apply_masks(gray, partly);
    REQUIRE(clipped.ok());
    CHECK(clipped->at(99, 62)[0] == 0);
    CHECK(clipped->at(89, 49)[0] == gray.at(89, 49)[0]);

    const PixelRect outside[] = {{200, 10, 5, 5}};
    auto refused = apply_masks(gray, outside);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "mask.outside");
    CHECK_FALSE(encode_masked_document(gray, outside).ok());
}

TEST_CASE("relative rectangles convert outwards to pixels") {
    const PixelRect r = to_pixels({0.1, 0.2, 0.25, 0.1}, 101, 63);
    CHECK(r.x == 10);
    CHECK(r.y == 12);
    CHECK(r.x + r.width >= 35);
    CHECK(r.y + r.height >= 19);
    CHECK(to_pixels({1.2, 0, 0.1, 0.1}, 100, 100).empty());
}
