// Completeness rules per section (see completeness.hpp and docs/nda_my_page.md).
#include "services/completeness.hpp"

#include <algorithm>

#include "data/rules/required_fields.hpp"
#include "data/rules/text_field.hpp"

namespace madoguchi {
namespace {

// Required, kiosk-required and recommended fields count; optional ones do
// not (data/rules/required_fields.hpp is the one list of which is which).
template <typename T>
FieldTally counted_fields(const T& record) {
    FieldTally t;
    for (const auto& rule : field_rules<T>()) {
        if (!counts_for_completeness(rule.need)) continue;
        ++t.counted;
        if (rule.filled(record)) ++t.filled;
    }
    return t;
}

template <typename T, typename F>
int mean_percent(const std::vector<T>& v, F fields) {
    if (v.empty()) return 0;
    int sum = 0;
    for (const auto& r : v) sum += fields(r).percent();
    return sum / static_cast<int>(v.size());
}

}  // namespace

FieldTally profile_fields(const Profile& p) { return counted_fields(p); }
FieldTally skill_fields(const Skill& s) { return counted_fields(s); }
FieldTally qualification_fields(const Qualification& q) { return counted_fields(q); }
FieldTally career_fields(const Career& c) { return counted_fields(c); }
FieldTally hobby_fields(const Hobby& h) { return counted_fields(h); }

FieldTally company_fields(const Company& c) {
    // Chosen from the platform's search: the platform holds the details.
    if (!is_blank(c.server_id)) return FieldTally{1, 1};
    return counted_fields(c);
}

FieldTally bank_account_fields(const BankAccount& b) { return counted_fields(b); }

int profile_completeness(const std::optional<Profile>& p) { return p ? profile_fields(*p).percent() : 0; }
int skills_completeness(const std::vector<Skill>& v) { return mean_percent(v, skill_fields); }
int qualifications_completeness(const std::vector<Qualification>& v) { return mean_percent(v, qualification_fields); }
int careers_completeness(const std::vector<Career>& v) { return mean_percent(v, career_fields); }
int hobbies_completeness(const std::vector<Hobby>& v) { return mean_percent(v, hobby_fields); }
int company_completeness(const std::vector<Company>& v) { return mean_percent(v, company_fields); }
int bank_account_completeness(const std::optional<BankAccount>& b) {
    return b ? bank_account_fields(*b).percent() : 0;
}

int identity_completeness(const std::vector<IdentityDocument>& v) {
    int best = 0;
    for (const auto& d : v) {
        if (d.status == VerificationStatus::verified) best = std::max(best, 100);
        else if (d.status == VerificationStatus::pending ||
                 (d.status == VerificationStatus::not_submitted && !d.pages.empty()))  // captured, not yet sent
            best = std::max(best, 50);
    }
    return best;
}

int nda_completeness(bool agreed_current_version) { return agreed_current_version ? 100 : 0; }

}  // namespace madoguchi
