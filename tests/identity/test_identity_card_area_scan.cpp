// A scan the source already cut to the card (sheet-fed card scanner, or a
// card-sized scan area): the pipeline checks the frame's size instead of
// looking for a background it does not have, and still judges its quality
// (table-driven on generated cards). And the scanner profile (scanner.json)
// each scan is built from.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <string>

#include "data/imaging/document_capture.hpp"
#include "services/identity_scan_profile.hpp"
#include "tests/data/imaging/synthetic_document.hpp"
#include "tests/data/store/temp_store.hpp"

using namespace madoguchi;

namespace {

std::set<std::string> codes(const Errors& errors) {
    std::set<std::string> out;
    for (const auto& e : errors) out.insert(e.code);
    return out;
}

CaptureOptions card_area_options(int dpi) {
    CaptureOptions o;
    o.format = kIdCardFormat;
    o.frame_is_document = true;
    o.frame_dpi = dpi;
    return o;
}

}  // namespace

TEST_CASE("card-area scan: the frame is the card; size checked, quality still judged") {
    // ID-1 at 300 dpi: 85.6 x 53.98 mm = 1011 x 638 px.
    const Image card = synthetic::draw_card(1011, 638);

    struct Row {
        std::string name;
        std::function<Image()> make;
        int dpi;
        std::string error;               // prepare_document's error code, or "" when it returns a page
        std::set<std::string> problems;  // retake reasons of the page
    };
    const Row rows[] = {
        {"card filling the frame", [&] { return card; }, 300, "", {}},
        {"resolution unknown: shape only", [&] { return card; }, 0, "", {}},
        {"area rounded to 86 x 54 mm", [&] { return synthetic::draw_card(1016, 638); }, 300, "", {}},
        {"fed sideways (portrait)", [&] { return rotate_quarter_turns(card, 1); }, 300, "", {}},
        {"blurred", [&] { return synthetic::blur(card, 3.0); }, 300, "", {"capture.blurred"}},
        {"dark", [&] { return synthetic::expose(card, 0.25, 0); }, 300, "", {"capture.too_dark"}},
        {"glare", [&] { return synthetic::add_glare(card, {500, 300}, 90); }, 300, "", {"capture.glare"}},
        {"nothing fed: white", [&] { return make_image(1011, 638, 3, 250); }, 300, "document.not_found", {}},
        {"nothing fed: black", [&] { return make_image(1011, 638, 3, 5); }, 300, "document.not_found", {}},
        {"same pixels said to be 600 dpi", [&] { return card; }, 600, "document.wrong_size", {}},
        {"an A4-shaped area", [&] { return synthetic::draw_page(1011, 1430); }, 0, "document.wrong_size", {}},
        {"the whole glass (80 x 100 mm)", [&] { return synthetic::draw_card(945, 1181); }, 300, "document.wrong_size", {}},
    };
    for (const auto& row : rows) {
        CAPTURE(row.name);
        const Image frame = row.make();
        auto doc = prepare_document(frame, card_area_options(row.dpi));
        if (!row.error.empty()) {
            REQUIRE_FALSE(doc.ok());
            CHECK(doc.error().code == row.error);
            CHECK_FALSE(doc.error().message_ja.empty());
            CHECK_FALSE(doc.error().message_en.empty());
            continue;
        }
        REQUIRE(doc.ok());
        CHECK(codes(doc->problems) == row.problems);
        // Nothing cropped or resampled: the page is the scan.
        CHECK(doc->image.width == frame.width);
        CHECK(doc->image.height == frame.height);
        CHECK_FALSE(doc->found.has_value());
    }
}

TEST_CASE("card-area scan: the locator alone refuses the same frame (why the source's cut is trusted)") {
    // No background around the card: the border ring is the card's own print.
    CaptureOptions located;
    located.format = kIdCardFormat;
    auto doc = prepare_document(synthetic::draw_card(1011, 638), located);
    REQUIRE_FALSE(doc.ok());
    CHECK((doc.error().code == "document.not_found" || doc.error().code == "document.not_inside"));
}

TEST_CASE("scanner profile: scanner.json keys, checks, and the settings per document type") {
    auto p = parse_identity_scan_profile(R"({"device": "fujitsu:fi-800R:1", "resolution_dpi": 600, "mode": "gray",
        "source": "ADF Front", "card_area": {"left_mm": 1, "top_mm": 0, "width_mm": 85.6, "height_mm": 54},
        "device_options": {"page-height": "54"}})");
    REQUIRE(p.ok());
    CHECK(p->device == "fujitsu:fi-800R:1");
    CHECK(p->resolution_dpi == 600);
    CHECK(p->mode == ColourMode::gray);
    REQUIRE(p->card_area.has_value());
    CHECK(p->card_area->left_mm == 1);

    const ScanSettings license = identity_scan_settings(*p, DocumentType::drivers_license, 300, ColourMode::colour);
    CHECK(license.resolution_dpi == 300);  // staff's choice wins over the preselection
    CHECK(license.mode == ColourMode::colour);
    CHECK(license.source == "ADF Front");
    REQUIRE(license.area.has_value());
    CHECK(license.area->width_mm == doctest::Approx(85.6));
    REQUIRE(license.device_options.size() == 1);
    CHECK(identity_scan_is_document(*p, DocumentType::drivers_license));
    for (DocumentType card : {DocumentType::health_insurance_card, DocumentType::residence_card,
                              DocumentType::my_number_card_front})
        CHECK(identity_scan_is_document(*p, card));
    for (DocumentType page : {DocumentType::passport, DocumentType::residence_record}) {
        CHECK_FALSE(identity_scan_is_document(*p, page));
        CHECK_FALSE(identity_scan_settings(*p, page, 300, ColourMode::colour).area.has_value());
    }
    // No card area: cards are located on the whole glass.
    CHECK_FALSE(identity_scan_is_document(IdentityScanProfile{}, DocumentType::drivers_license));
    CHECK_FALSE(identity_scan_settings({}, DocumentType::drivers_license, 300, ColourMode::colour).area.has_value());

    struct Bad {
        const char* json;
        const char* why;
    };
    for (const Bad& b : {Bad{R"([])", "not an object"}, Bad{R"({"resolutoin_dpi": 300})", "typo'd key"},
                         Bad{R"({"resolution_dpi": "300"})", "wrong type"}, Bad{R"({"resolution_dpi": 5000})", "out of range"},
                         Bad{R"({"mode": "color"})", "unknown mode"},
                         Bad{R"({"card_area": {"left_mm": 0, "top_mm": 0, "width_mm": 210, "height_mm": 297}})", "not a card"},
                         Bad{R"({"card_area": {"left_mm": -3, "top_mm": 0, "width_mm": 85.6, "height_mm": 54}})", "negative"},
                         Bad{R"({"card_area": {"x": 0}})", "unknown area key"},
                         Bad{R"({"device_options": {"a": 1}})", "option not text"}, Bad{"{", "broken JSON"}}) {
        CAPTURE(b.why);
        auto bad = parse_identity_scan_profile(b.json);
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().code == "config.scanner");
        CHECK(bad.error().message_ja.find("scanner.json") != std::string::npos);
    }

    // No file: the defaults (whole glass, 300 dpi, colour); a file: read.
    testing::TempDir dir;
    auto none = load_identity_scan_profile((dir.path() / "scanner.json").string());
    REQUIRE(none.ok());
    CHECK(none->resolution_dpi == 300);
    CHECK_FALSE(none->card_area.has_value());
    std::ofstream(dir.path() / "scanner.json") << R"({"mode": "gray"})";
    auto read = load_identity_scan_profile((dir.path() / "scanner.json").string());
    REQUIRE(read.ok());
    CHECK(read->mode == ColourMode::gray);
}
