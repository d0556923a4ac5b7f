// Qualification (guide 【8】, empty in the guide; see DESIGN.md).
#pragma once

#include <string>

#include "data/model/civil_date.hpp"
#include "data/model/record_meta.hpp"

namespace madoguchi {

struct Qualification {
    RecordMeta meta;
    std::string name;                // from the curated list or free text
    std::string issuer;
    YearMonth acquired;
    std::string score_or_grade;      // "850", "2級", …
    std::string certificate_number;  // optional
    YearMonth expires;               // optional (empty = no expiry)
};

}  // namespace madoguchi
