// Hobby (guide 【10】, empty in the guide; see DESIGN.md).
#pragma once

#include <string>

#include "data/model/record_meta.hpp"

namespace madoguchi {

struct Hobby {
    RecordMeta meta;
    std::string name;
    std::string comment;
    bool show_on_profile = true;
};

}  // namespace madoguchi
