// Side, mask and My Number back rules (table-driven).
#include <doctest/doctest.h>

#include <string>

#include "data/imaging/document_side_rules.hpp"

using namespace madoguchi;

TEST_CASE("allowed sides per document") {
    struct Row {
        DocumentType type;
        const char* side;
        const char* expected;  // "" = allowed
    };
    const Row rows[] = {
        {DocumentType::drivers_license, "front", ""},
        {DocumentType::drivers_license, "back", ""},
        {DocumentType::drivers_license, "page1", "document.side"},
        {DocumentType::health_insurance_card, "back", ""},
        {DocumentType::residence_card, "front", ""},
        {DocumentType::passport, "page1", ""},
        {DocumentType::passport, "page2", ""},
        {DocumentType::passport, "front", "document.side"},
        {DocumentType::residence_record, "page1", ""},
        {DocumentType::residence_record, "page3", ""},
        {DocumentType::residence_record, "page0", "document.side"},
        {DocumentType::residence_record, "page01", "document.side"},
        {DocumentType::residence_record, "pagex", "document.side"},
        {DocumentType::my_number_card_front, "front", ""},
        {DocumentType::my_number_card_front, "back", "document.my_number_back"},
        {DocumentType::my_number_card_front, "page1", "document.my_number_back"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.side);
        CAPTURE(static_cast<int>(row.type));
        const Status s = check_document_side(row.type, row.side);
        if (std::string(row.expected).empty()) {
            CHECK(s.ok());
        } else {
            REQUIRE_FALSE(s.ok());
            CHECK(s.error().code == row.expected);
        }
    }
    CHECK(required_sides(DocumentType::drivers_license) == std::vector<std::string>{"front", "back"});
    CHECK(required_sides(DocumentType::my_number_card_front) == std::vector<std::string>{"front"});
}

TEST_CASE("the back of a My Number card is refused in Japanese and English") {
    const Status s = check_document_side(DocumentType::my_number_card_front, "back");
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().message_ja.find("マイナンバーカードの裏面") != std::string::npos);
    CHECK(s.error().message_en.find("My Number") != std::string::npos);
}

TEST_CASE("a detector hook refuses a My Number back whatever side staff chose") {
    const Image img = make_image(10, 10, 3, 200);
    int calls = 0;
    const MyNumberBackDetector says_back = [&](const Image&) { ++calls; return true; };
    const MyNumberBackDetector says_no = [&](const Image&) { ++calls; return false; };
    auto refused = check_capture_allowed(DocumentType::residence_card, "front", img, says_back);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "document.my_number_back");
    CHECK(check_capture_allowed(DocumentType::residence_card, "front", img, says_no).ok());
    CHECK(check_capture_allowed(DocumentType::residence_card, "front", img).ok());
    CHECK(calls == 2);
    // The rule refuses before the detector is even asked.
    CHECK_FALSE(check_capture_allowed(DocumentType::my_number_card_front, "back", img, says_no).ok());
    CHECK(calls == 2);
}

TEST_CASE("a health insurance card's front needs a mask") {
    const PixelRect none[] = {{0, 0, 0, 0}};
    const PixelRect one[] = {{10, 10, 50, 20}};
    auto missing = check_masks_present(DocumentType::health_insurance_card, "front", none);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == "mask.required");
    CHECK(check_masks_present(DocumentType::health_insurance_card, "front", one).ok());
    CHECK(check_masks_present(DocumentType::health_insurance_card, "back", none).ok());
    CHECK(check_masks_present(DocumentType::drivers_license, "front", none).ok());
    CHECK(masks_required(DocumentType::health_insurance_card, "front"));
    CHECK_FALSE(masks_required(DocumentType::passport, "page1"));
}
