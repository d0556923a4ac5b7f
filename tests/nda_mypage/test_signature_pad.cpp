// Signature pad: the empty / too-small rules (table-driven) and the PNG
// rendered from strokes (ink exactly where the strokes went).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "data/imaging/image_codec.hpp"
#include "kiosk/ui/signature_pad.hpp"

using namespace madoguchi;
using ui::SignaturePoint;
using ui::SignatureStroke;

namespace {

SignatureStroke line(SignaturePoint a, SignaturePoint b, int n = 20) {
    SignatureStroke s;
    for (int i = 0; i <= n; ++i) {
        const float t = static_cast<float>(i) / static_cast<float>(n);
        s.push_back({a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t});
    }
    return s;
}

int ink_near(const Image& img, int cx, int cy, int r) {
    int n = 0;
    for (int y = cy - r; y <= cy + r; ++y)
        for (int x = cx - r; x <= cx + r; ++x)
            if (x >= 0 && y >= 0 && x < img.width && y < img.height && *img.at(x, y) < 128) ++n;
    return n;
}

}  // namespace

TEST_CASE("check_signature refuses empty and too-small signatures") {
    struct Case {
        const char* what;
        std::vector<SignatureStroke> strokes;
        const char* code;  // nullptr = accepted
    };
    const std::vector<Case> cases{
        {"nothing", {}, "signature.empty"},
        {"strokes without points", {SignatureStroke{}, SignatureStroke{}}, "signature.empty"},
        {"a tap", {{{0.5f, 0.5f}}}, "signature.too_small"},
        {"several taps", {{{0.2f, 0.5f}}, {{0.6f, 0.5f}}, {{0.9f, 0.5f}}}, "signature.too_small"},
        {"a short tick", {line({0.50f, 0.50f}, {0.53f, 0.55f})}, "signature.too_small"},
        {"a small scribble", {line({0.4f, 0.4f}, {0.45f, 0.6f}), line({0.45f, 0.6f}, {0.5f, 0.4f})},
         "signature.too_small"},
        {"a long flat line", {line({0.1f, 0.5f}, {0.9f, 0.52f})}, nullptr},
        {"a tall stroke", {line({0.5f, 0.1f}, {0.52f, 0.9f}), line({0.52f, 0.9f}, {0.5f, 0.1f})}, nullptr},
        {"a name-like zigzag",
         {line({0.1f, 0.6f}, {0.2f, 0.3f}), line({0.2f, 0.3f}, {0.3f, 0.7f}), line({0.35f, 0.4f}, {0.6f, 0.6f})},
         nullptr},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        auto s = ui::check_signature(c.strokes);
        if (c.code) {
            REQUIRE_FALSE(s.ok());
            CHECK(s.error().code == c.code);
            CHECK(s.error().field == "signature");
            CHECK_FALSE(s.error().message_ja.empty());
            CHECK_FALSE(s.error().message_en.empty());
        } else {
            CHECK(s.ok());
        }
    }
}

TEST_CASE("render_signature puts ink where the strokes went and nowhere else") {
    const std::vector<SignatureStroke> strokes{line({0.1f, 0.2f}, {0.9f, 0.2f}), line({0.5f, 0.1f}, {0.5f, 0.9f}),
                                               {{0.8f, 0.8f}}};
    auto png = ui::signature_png(strokes);
    REQUIRE(png.ok());
    REQUIRE(png->size() > 8);
    CHECK((*png)[0] == 0x89);
    CHECK((*png)[1] == 'P');
    auto img = decode_image(*png);
    REQUIRE(img.ok());
    CHECK(img->width == ui::kSignaturePngWidth);
    CHECK(img->height == ui::kSignaturePngHeight);
    const Image gray = to_gray(*img);
    const auto px = [&](float x, float y) {
        return std::pair{static_cast<int>(x * (gray.width - 1)), static_cast<int>(y * (gray.height - 1))};
    };
    // On the horizontal stroke, the vertical one, and the single dot.
    for (auto [x, y] : {px(0.1f, 0.2f), px(0.3f, 0.2f), px(0.9f, 0.2f), px(0.5f, 0.5f), px(0.5f, 0.9f),
                        px(0.8f, 0.8f)}) {
        INFO("at " << x << "," << y);
        CHECK(ink_near(gray, x, y, 1) > 0);
    }
    // Far from every stroke: white.
    for (auto [x, y] : {px(0.2f, 0.6f), px(0.8f, 0.5f), px(0.05f, 0.95f), px(0.95f, 0.05f)}) {
        INFO("at " << x << "," << y);
        CHECK(ink_near(gray, x, y, 4) == 0);
    }
    // Nothing drawn: an all-white image.
    const Image blank = ui::render_signature({}, 90, 30, 6.0f);
    for (auto b : blank.bytes) REQUIRE(b == 255);
}

TEST_CASE("add_stroke clamps points into the pad and clear empties it") {
    ui::SignaturePad pad;
    CHECK(pad.empty());
    pad.add_stroke({{-0.5f, 0.5f}, {1.5f, 2.0f}});
    pad.add_stroke({});  // ignored
    REQUIRE(pad.strokes().size() == 1);
    CHECK(pad.strokes()[0][0].x == 0.0f);
    CHECK(pad.strokes()[0][1].x == 1.0f);
    CHECK(pad.strokes()[0][1].y == 1.0f);
    pad.error = Error{"signature.empty", "signature", "ja", "en"};
    pad.clear();
    CHECK(pad.empty());
    CHECK_FALSE(pad.error);
}
