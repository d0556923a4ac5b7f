// Retake checks: generated cards with each defect, and the thresholds on
// measured figures (table-driven).
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <set>
#include <string>

#include "data/imaging/capture_quality.hpp"
#include "data/imaging/document_capture.hpp"
#include "tests/data/imaging/synthetic_document.hpp"

using namespace madoguchi;

namespace {

std::set<std::string> codes(const Errors& errors) {
    std::set<std::string> out;
    for (const auto& e : errors) out.insert(e.code);
    return out;
}

}  // namespace

TEST_CASE("generated captures: each defect gives its own retake reason") {
    // Card at 300 dpi (1011 px) would be slow under ASan; 250 dpi keeps the
    // same proportions with fewer pixels.
    const Image card = synthetic::draw_card(843, 531);
    const synthetic::Rgb mat{45, 50, 60};
    const auto good = synthetic::place_rotated(card, 1100, 800, {550, 400}, 4, mat).frame;

    struct Row {
        std::string name;
        std::function<Image()> make;
        std::set<std::string> expected;
    };
    const Row rows[] = {
        {"good", [&] { return good; }, {}},
        {"slightly soft (sigma 0.8 px)", [&] { return synthetic::blur(good, 0.8); }, {}},
        {"blurred (sigma 3 px)", [&] { return synthetic::blur(good, 3.0); }, {"capture.blurred"}},
        {"out of focus (sigma 5 px)", [&] { return synthetic::blur(good, 5.0); }, {"capture.blurred"}},
        {"dim but usable (x0.6)", [&] { return synthetic::expose(good, 0.6, 0); }, {}},
        {"too dark (x0.3)", [&] { return synthetic::expose(good, 0.3, 0); }, {"capture.too_dark"}},
        {"too bright (+140)", [&] { return synthetic::expose(good, 1.0, 140); }, {"capture.too_bright"}},
        {"small glint (r 15 px)", [&] { return synthetic::add_glare(good, {500, 380}, 15); }, {}},
        {"glare (r 60 px)", [&] { return synthetic::add_glare(good, {500, 380}, 60); }, {"capture.glare"}},
        {"too far away", [&] {
             return synthetic::place_rotated(synthetic::draw_card(480, 302), 1100, 800, {550, 400}, 4, mat).frame;
         }, {"capture.low_resolution"}},
        {"far and blurred", [&] {
             return synthetic::blur(synthetic::place_rotated(synthetic::draw_card(480, 302), 1100, 800, {550, 400}, 4, mat).frame, 4.0);
         }, {"capture.low_resolution", "capture.blurred"}},
    };
    for (const auto& row : rows) {
        CAPTURE(row.name);
        auto doc = prepare_document(row.make());
        REQUIRE(doc.ok());
        CAPTURE(doc->metrics.sharpness);
        CAPTURE(doc->metrics.mean);
        CAPTURE(doc->metrics.p5);
        CAPTURE(doc->metrics.p95);
        CAPTURE(doc->metrics.glare_fraction);
        CAPTURE(doc->metrics.effective_dpi);
        CHECK(codes(doc->problems) == row.expected);
        for (const auto& e : doc->problems) {
            CHECK_FALSE(e.message_ja.empty());
            CHECK_FALSE(e.message_en.empty());
        }
    }
}

TEST_CASE("thresholds on measured figures") {
    const QualityMetrics good{.sharpness = 900, .mean = 200, .p5 = 60, .p50 = 225, .p95 = 232, .glare_fraction = 0, .effective_dpi = 300};
    struct Row {
        std::string name;
        std::function<void(QualityMetrics&)> change;
        std::set<std::string> expected;
    };
    const Row rows[] = {
        {"good", [](QualityMetrics&) {}, {}},
        {"sharpness at limit", [](QualityMetrics& m) { m.sharpness = 60; }, {}},
        {"sharpness below", [](QualityMetrics& m) { m.sharpness = 59; }, {"capture.blurred"}},
        {"paper dark", [](QualityMetrics& m) { m.p95 = 100; }, {"capture.too_dark"}},
        {"mean dark", [](QualityMetrics& m) { m.mean = 60; }, {"capture.too_dark"}},
        {"ink washed out", [](QualityMetrics& m) { m.p5 = 170; }, {"capture.too_bright"}},
        {"glare on tinted card", [](QualityMetrics& m) { m.glare_fraction = 0.02; }, {"capture.glare"}},
        {"white paper saturates: not glare", [](QualityMetrics& m) { m.glare_fraction = 0.5; m.p50 = 250; m.p95 = 255; }, {}},
        {"199 dpi", [](QualityMetrics& m) { m.effective_dpi = 199; }, {"capture.low_resolution"}},
        {"200 dpi", [](QualityMetrics& m) { m.effective_dpi = 200; }, {}},
    };
    for (const auto& row : rows) {
        CAPTURE(row.name);
        QualityMetrics m = good;
        row.change(m);
        CHECK(codes(check_quality(m)) == row.expected);
    }
    QualityThresholds strict;
    strict.min_dpi = 400;
    CHECK(codes(check_quality(good, strict)) == std::set<std::string>{"capture.low_resolution"});
}

TEST_CASE("effective dpi follows the document's physical size") {
    CHECK(measure_quality(make_image(2022, 1275, 3, 128), kIdCardFormat).effective_dpi == doctest::Approx(600).epsilon(0.01));
    CHECK(measure_quality(make_image(1275, 2022, 3, 128), kIdCardFormat).effective_dpi == doctest::Approx(600).epsilon(0.01));
    CHECK(measure_quality(make_image(248, 351, 1, 128), kA4Format).effective_dpi == doctest::Approx(30).epsilon(0.01));
    // A flat grey image has no detail at all.
    CHECK(measure_quality(make_image(700, 440, 1, 128), kIdCardFormat).sharpness == doctest::Approx(0));
}
