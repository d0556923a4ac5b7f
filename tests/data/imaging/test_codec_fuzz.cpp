// Hostile image bytes: truncated and bit-flipped PNG/JPEG (and MJPEG frames
// given default Huffman tables) must fail cleanly or decode to a consistent
// Image — never crash or read out of bounds (run under ASan).
// MADOGUCHI_FAULT_ITERATIONS sets the number of mutations (default 300).
#include <doctest/doctest.h>

#include <cstdlib>
#include <vector>

#include "data/imaging/document_capture.hpp"
#include "data/imaging/image_codec.hpp"
#include "tests/data/imaging/synthetic_document.hpp"

using namespace madoguchi;

namespace {

int iterations() {
    const char* env = std::getenv("MADOGUCHI_FAULT_ITERATIONS");
    const int n = env ? std::atoi(env) : 0;
    return n > 0 ? n : 300;
}

void check_consistent(const Result<Image>& r) {
    if (!r) {
        CHECK_FALSE(r.error().code.empty());
        CHECK_FALSE(r.error().message_ja.empty());
        return;
    }
    CHECK(r->width > 0);
    CHECK(r->height > 0);
    CHECK((r->channels == 1 || r->channels == 3));
    CHECK(r->bytes.size() == r->row_bytes() * static_cast<std::size_t>(r->height));
}

}  // namespace

TEST_CASE("truncated and corrupted images fail cleanly") {
    const Image card = synthetic::draw_card(120, 76, 21);
    const auto png = *encode_png(card);
    const auto jpeg = *encode_jpeg(card, 80);
    std::uint32_t state = 12345;
    auto next = [&] {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    };
    const int n = iterations();
    for (const auto* original : {&png, &jpeg}) {
        for (std::size_t len = 0; len < original->size(); len += std::max<std::size_t>(1, original->size() / 64)) {
            check_consistent(decode_image(std::span(original->data(), len)));
        }
        for (int i = 0; i < n; ++i) {
            std::vector<std::uint8_t> mutated = *original;
            const int flips = 1 + static_cast<int>(next() % 8);
            for (int f = 0; f < flips; ++f) mutated[next() % mutated.size()] ^= static_cast<std::uint8_t>(1u << (next() % 8));
            auto decoded = decode_image(mutated);
            check_consistent(decoded);
            // Whatever decodes must also survive the rest of the pipeline.
            if (decoded && i % 25 == 0) {
                auto doc = prepare_document(*decoded);
                if (doc) CHECK_FALSE(doc->image.empty());
            }
        }
    }
}

TEST_CASE("images that claim absurd sizes are refused before allocation") {
    // A PNG header claiming 60000 x 60000 pixels (3.6 GP) with no data.
    std::vector<std::uint8_t> png = *encode_png(make_image(1, 1, 1));
    // IHDR width/height at bytes 16..23.
    const std::uint8_t big[8] = {0, 0, 0xEA, 0x60, 0, 0, 0xEA, 0x60};
    std::copy(big, big + 8, png.begin() + 16);
    auto r = decode_image(png);
    REQUIRE_FALSE(r.ok());
    CHECK((r.error().code == "image.too_large" || r.error().code == "image.decode"));
}
