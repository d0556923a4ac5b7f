// Birth date and year-month rules.
#include "data/rules/date_rules.hpp"

#include <string>

#include "data/rules/age.hpp"
#include "data/rules/field_limits.hpp"
#include "data/rules/japanese_calendar.hpp"
#include "data/rules/rule_error.hpp"

namespace madoguchi {

Status check_birth_date(std::string_view field, const CivilDate& birth, const CivilDate& today) {
    if (!is_valid_civil_date(birth)) {
        return rule_error("date.invalid", field, "存在しない日付です。", "This date does not exist.");
    }
    if (birth > today) {
        return rule_error("date.future", field, "未来の日付は入力できません。",
                          "The date cannot be in the future.");
    }
    const int age = age_on(birth, today);
    if (age > limits::kMaxAge) {
        return rule_error(
            "birth_date.too_old", field,
            "生年月日を確かめてください（" + std::to_string(limits::kMaxAge) + "歳を超えています）。",
            "Please check the birth date (over " + std::to_string(limits::kMaxAge) + " years).");
    }
    if (age < limits::kMinAge) {
        return rule_error(
            "birth_date.too_young", field, std::to_string(limits::kMinAge) + "歳未満の方は登録できません。",
            "Registration requires an age of at least " + std::to_string(limits::kMinAge) + ".");
    }
    return ok_status();
}

Status check_year_month(std::string_view field, const YearMonth& ym, const YearMonth* not_after) {
    if (ym.year < 1900 || ym.year > 2100 || ym.month < 1 || ym.month > 12) {
        return rule_error("date.invalid_year_month", field, "年月が正しくありません。",
                          "This year and month are not valid.");
    }
    if (not_after && ym > *not_after) {
        return rule_error("date.future", field, "未来の年月は入力できません。",
                          "The month cannot be in the future.");
    }
    return ok_status();
}

}  // namespace madoguchi
