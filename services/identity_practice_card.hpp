// A generated practice card for staff training (and the screenshot tour):
// a health-insurance-like card with a row of digits where the insured
// number sits, placed on a dark desk as a camera would see it. It contains
// no real person's data; a draft holding it can never be submitted.
#pragma once

#include <cstdint>
#include <string>

#include "data/imaging/geometry.hpp"
#include "data/imaging/image.hpp"

namespace madoguchi {

struct PracticeCard {
    Image frame;             // the card on a desk, as captured
    PixelRect card;          // where the card lies in the frame
    PixelRect number_area;   // the digits, in frame pixels
};

// `dpi` sets the card's pixel size (ID-1, 85.6 x 54.0 mm); `digits` are
// drawn as seven-segment figures in the number area.
PracticeCard make_practice_card(int dpi = 300, const std::string& digits = "12345678");

// Where the insurer / insured numbers sit on a typical card, as a fraction of
// the straightened card (the preset mask staff start from and adjust).
RelativeRect typical_number_area();

}  // namespace madoguchi
