// Physical sizes of the documents staff scan, so that pixels can be turned
// into dots per inch and a skewed card can be restored to its true shape.
#pragma once

#include "data/model/identity_document.hpp"

namespace madoguchi {

struct DocumentFormat {
    double long_mm = 0;
    double short_mm = 0;
    double aspect() const { return long_mm / short_mm; }
};

// ISO/IEC 7810 ID-1: driver's license, My Number card, residence card,
// health insurance card.
inline constexpr DocumentFormat kIdCardFormat{85.60, 53.98};
// ISO/IEC 7810 ID-3: a passport page.
inline constexpr DocumentFormat kPassportPageFormat{125.0, 88.0};
// A4: 住民票 and other paper records.
inline constexpr DocumentFormat kA4Format{297.0, 210.0};

DocumentFormat document_format(DocumentType type);

}  // namespace madoguchi
