// Completeness of each My page section: how a section's percentage is made
// from its records. Which fields count (required and recommended ones, not
// optional extras such as a certificate number) comes from the one table in
// data/rules/required_fields.hpp; the rules are listed in docs/nda_my_page.md.
#pragma once

#include <optional>
#include <vector>

#include "data/model/bank_account.hpp"
#include "data/model/career.hpp"
#include "data/model/company.hpp"
#include "data/model/hobby.hpp"
#include "data/model/identity_document.hpp"
#include "data/model/profile.hpp"
#include "data/model/qualification.hpp"
#include "data/model/skill.hpp"

namespace madoguchi {

// How many of the counted fields are filled.
struct FieldTally {
    int filled = 0;
    int counted = 0;
    // Rounded down: 100 only when everything counted is there.
    int percent() const { return counted == 0 ? 0 : filled * 100 / counted; }
};

FieldTally profile_fields(const Profile& p);
FieldTally skill_fields(const Skill& s);
FieldTally qualification_fields(const Qualification& q);
FieldTally career_fields(const Career& c);
FieldTally hobby_fields(const Hobby& h);
FieldTally company_fields(const Company& c);
FieldTally bank_account_fields(const BankAccount& b);

// Section percentages. A section with nothing registered is 0 %. List
// sections (skills, qualifications, careers, hobbies, companies) are the
// mean of their records' percentages: one complete entry makes 100 %.
int profile_completeness(const std::optional<Profile>& p);
int skills_completeness(const std::vector<Skill>& v);
int qualifications_completeness(const std::vector<Qualification>& v);
int careers_completeness(const std::vector<Career>& v);
int hobbies_completeness(const std::vector<Hobby>& v);
int company_completeness(const std::vector<Company>& v);
int bank_account_completeness(const std::optional<BankAccount>& b);
// 本人確認: 100 once a document is verified, 50 while one waits for checking
// (captured or submitted), 0 when none was submitted or it must be resubmitted.
int identity_completeness(const std::vector<IdentityDocument>& v);
// 機密保持: 100 when the current version is agreed, else 0.
int nda_completeness(bool agreed_current_version);

}  // namespace madoguchi
