// Side and mask rules per document type (JAPAN.md, "Accepted documents").
#include "data/imaging/document_side_rules.hpp"

#include <algorithm>

namespace madoguchi {
namespace {

Error my_number_back() {
    return Error{"document.my_number_back", "side",
                 "マイナンバーカードの裏面（個人番号）は撮影・保存できません。表面のみを使用してください。",
                 "The back of a My Number card (the individual number) must not be copied. Use the front only."};
}

}  // namespace

std::vector<std::string> required_sides(DocumentType type) {
    switch (type) {
        case DocumentType::drivers_license:
        case DocumentType::health_insurance_card:
        case DocumentType::residence_card: return {"front", "back"};
        case DocumentType::passport: return {"page1", "page2"};  // photo page, address page
        case DocumentType::residence_record: return {"page1"};
        case DocumentType::my_number_card_front: return {"front"};
    }
    return {};
}

Status check_document_side(DocumentType type, std::string_view side) {
    if (type == DocumentType::my_number_card_front && side != "front") return my_number_back();
    if (type == DocumentType::residence_record && side.size() > 4 && side.substr(0, 4) == "page") {
        // 住民票 may run to several pages: page1, page2, …
        const auto digits = side.substr(4);
        if (std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }) && digits != "0" && digits[0] != '0') {
            return ok_status();
        }
    }
    const auto sides = required_sides(type);
    if (std::find(sides.begin(), sides.end(), side) != sides.end()) return ok_status();
    return Error{"document.side", "side", "この書類にはない面です。撮影する面を選び直してください。",
                 "This document has no such side. Choose the side again."};
}

bool masks_required(DocumentType type, std::string_view side) {
    return type == DocumentType::health_insurance_card && side == "front";
}

Status check_masks_present(DocumentType type, std::string_view side, std::span<const PixelRect> masks) {
    if (masks_required(type, side) &&
        std::none_of(masks.begin(), masks.end(), [](const PixelRect& r) { return !r.empty(); })) {
        return Error{"mask.required", "mask",
                     "保険者番号と記号・番号（QRコードを含む）をマスクしてください。",
                     "Mask the insurer number and the insured person's symbol and number (including any QR code)."};
    }
    return ok_status();
}

Status check_capture_allowed(DocumentType type, std::string_view side, const Image& image,
                             const MyNumberBackDetector& detector) {
    if (auto s = check_document_side(type, side); !s) return s;
    if (detector && detector(image)) return my_number_back();
    return ok_status();
}

}  // namespace madoguchi
