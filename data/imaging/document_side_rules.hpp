// Which sides of each identity document staff may capture, which need a
// mask, and the refusal of a My Number card's back (its 12-digit number must
// never be copied or stored).
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "data/imaging/geometry.hpp"
#include "data/imaging/image.hpp"
#include "data/model/identity_document.hpp"
#include "data/result.hpp"

namespace madoguchi {

// Sides the capture flow asks for, in order ("front", "back", "page1"…).
std::vector<std::string> required_sides(DocumentType type);

// Ok when `side` belongs to `type`. A My Number card's back is refused with
// "document.my_number_back"; any other unknown side with "document.side".
Status check_document_side(DocumentType type, std::string_view side);

// Health insurance cards (and 資格確認書) carry insurer and insured numbers
// that must be masked before a copy is kept: at least one mask is required.
// The numbers are on the front, so only that side needs one.
bool masks_required(DocumentType type, std::string_view side);
Status check_masks_present(DocumentType type, std::string_view side, std::span<const PixelRect> masks);

// Hook for a detector that recognises the back of a My Number card from the
// image itself (none ships yet: no reliable rule exists without OCR). When
// set and it fires, the capture is refused whatever the staff selected.
using MyNumberBackDetector = std::function<bool(const Image&)>;

// The rule the capture flow applies to every page before anything is kept:
// the side must be allowed and the image must not look like a My Number back.
Status check_capture_allowed(DocumentType type, std::string_view side, const Image& image,
                             const MyNumberBackDetector& detector = {});

}  // namespace madoguchi
