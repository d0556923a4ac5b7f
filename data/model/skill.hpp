// Skill (guide 【7】): abilities without a formal exam, self-assessed.
#pragma once

#include <string>

#include "data/model/record_meta.hpp"

namespace madoguchi {

struct Skill {
    RecordMeta meta;
    std::string name;
    int level = 1;             // 1..5 self-assessed, described in the UI
    int years_experience = 0;  // 0..60
    std::string notes;
};

}  // namespace madoguchi
