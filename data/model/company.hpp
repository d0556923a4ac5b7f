// Company (guide 【11】): searched first, registered only when absent.
#pragma once

#include <string>

#include "data/model/record_meta.hpp"

namespace madoguchi {

struct Company {
    RecordMeta meta;
    std::string server_id;      // set when chosen from search results
    std::string logo_file_id;   // Step 1
    std::string url_slug;       // Step 2: alphanumeric only, immutable
    std::string name;           // Step 3
    std::string description;    // Step 4
    std::string postal_code;    // Step 5: address, contact, email
    std::string address;
    std::string phone;
    std::string email;
};

}  // namespace madoguchi
