// What the record validators take from their context.
#include <chrono>

#include "data/rules/age.hpp"
#include "data/rules/validate_records.hpp"

namespace madoguchi {

CivilDate effective_today(const ValidationContext& ctx) {
    return ctx.today.empty() ? japan_date(std::chrono::system_clock::now()) : ctx.today;
}

}  // namespace madoguchi
