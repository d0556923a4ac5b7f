// Which fields of each record type must be filled: the one table the record
// validators (kiosk and server), the kiosk's forms and My page completeness
// read, so "required" and "counts as missing" cannot drift apart.
#pragma once

#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "data/model/bank_account.hpp"
#include "data/model/career.hpp"
#include "data/model/company.hpp"
#include "data/model/hobby.hpp"
#include "data/model/profile.hpp"
#include "data/model/qualification.hpp"
#include "data/model/skill.hpp"

namespace madoguchi {

enum class FieldNeed {
    required,           // the record is refused without it (validate_* on the kiosk and the server)
    required_at_kiosk,  // the kiosk's form marks it 必須; the record rules accept it empty
                        // (the platform also stores partial records)
    recommended,        // may be empty; missing lowers My page completeness
    optional,           // may be empty; does not count
};

// Every need but `optional` counts towards My page completeness.
constexpr bool counts_for_completeness(FieldNeed need) { return need != FieldNeed::optional; }

template <typename Record>
struct FieldRule {
    std::string_view field;  // struct member name, as in Error::field
    FieldNeed need;
    bool (*filled)(const Record&);  // blank text (only spaces) is not filled
};

// The fields of a record type that can be left empty, in form order.
// Choices that always hold a value (gender, work status, account type, the
// profile's toggles) and counts where 0 is an answer (years of experience)
// are never missing and are not listed.
template <typename Record>
std::span<const FieldRule<Record>> field_rules();

template <>
std::span<const FieldRule<Profile>> field_rules<Profile>();
template <>
std::span<const FieldRule<Skill>> field_rules<Skill>();
template <>
std::span<const FieldRule<Qualification>> field_rules<Qualification>();
template <>
std::span<const FieldRule<Career>> field_rules<Career>();
template <>
std::span<const FieldRule<Hobby>> field_rules<Hobby>();
template <>
std::span<const FieldRule<Company>> field_rules<Company>();
template <>
std::span<const FieldRule<BankAccount>> field_rules<BankAccount>();

// The need of one listed field. A field the table does not list is a
// programming error (a typo in a validator), not a user error.
template <typename Record>
FieldNeed field_need(std::string_view field) {
    for (const auto& rule : field_rules<Record>())
        if (rule.field == field) return rule.need;
    throw std::logic_error("data/rules/required_fields: no rule for field " + std::string(field));
}

template <typename Record>
bool is_required(std::string_view field) {
    return field_need<Record>(field) == FieldNeed::required;
}

// The fields with `need` that `record` leaves empty, in form order.
template <typename Record>
std::vector<std::string_view> missing_fields(const Record& record, FieldNeed need) {
    std::vector<std::string_view> out;
    for (const auto& rule : field_rules<Record>())
        if (rule.need == need && !rule.filled(record)) out.push_back(rule.field);
    return out;
}

}  // namespace madoguchi
