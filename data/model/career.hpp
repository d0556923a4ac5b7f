// Career entry (guide 【9】) with its attachments.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "data/model/civil_date.hpp"
#include "data/model/record_meta.hpp"

namespace madoguchi {

struct CareerAttachment {
    std::string file_id;     // encrypted file in the file store
    std::string file_name;
    std::string mime_type;
};

struct Career {
    RecordMeta meta;
    std::string category;         // Step 1
    YearMonth period_from;        // Step 2
    YearMonth period_to;          //        empty = 現在 (current)
    std::string company_name;     // Step 3
    std::string duties;           // Step 4
    std::string company_url;      // Step 5, optional
    std::string role;             // Step 6
    std::string environment;      // Step 7 (languages, tools)
    std::optional<int> team_size; // Step 8
    std::vector<CareerAttachment> attachments;  // Step 9
};

}  // namespace madoguchi
