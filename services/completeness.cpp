// Completeness rules per section (see completeness.hpp and docs/nda_my_page.md).
#include "services/completeness.hpp"

#include <algorithm>
#include <initializer_list>
#include <string>

#include "data/rules/text_field.hpp"

namespace madoguchi {
namespace {

bool has(const std::string& s) { return !is_blank(s); }

FieldTally tally(std::initializer_list<bool> fields) {
    FieldTally t;
    for (bool f : fields) {
        ++t.counted;
        if (f) ++t.filled;
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

FieldTally profile_fields(const Profile& p) {
    // Step 1 photo, 3 nickname, 4 introduction, 5 姓名, 6 セイメイ, 8 birth date,
    // 9–10 postal code / prefecture / city, phone, 13 hourly rate,
    // 15 preferred prefecture, 18 schools. Gender (7), 17 hometown, 14 and the
    // choices with a default (11, 12) are not counted: they are never "missing".
    return tally({has(p.photo_file_id), has(p.nickname), has(p.self_introduction), has(p.family_name),
                  has(p.given_name), has(p.family_name_kana), has(p.given_name_kana), !p.birth_date.empty(),
                  has(p.postal_code), has(p.prefecture), has(p.city), has(p.phone), p.hourly_rate_yen.has_value(),
                  has(p.preferred_prefecture), has(p.schools)});
}

FieldTally skill_fields(const Skill& s) {
    // The level always has a value; experience 0 means "under a year" and counts.
    return tally({has(s.name), s.level >= 1 && s.level <= 5, has(s.notes)});
}

FieldTally qualification_fields(const Qualification& q) {
    // Certificate number and expiry are optional extras.
    return tally({has(q.name), has(q.issuer), !q.acquired.empty(), has(q.score_or_grade)});
}

FieldTally career_fields(const Career& c) {
    // The end of the period is "現在" when empty; URL and attachments are optional.
    return tally({has(c.category), !c.period_from.empty(), has(c.company_name), has(c.duties), has(c.role),
                  has(c.environment), c.team_size.has_value()});
}

FieldTally hobby_fields(const Hobby& h) { return tally({has(h.name), has(h.comment)}); }

FieldTally company_fields(const Company& c) {
    // Chosen from the platform's search: the platform holds the details.
    if (has(c.server_id)) return tally({true});
    return tally({has(c.logo_file_id), has(c.url_slug), has(c.name), has(c.description), has(c.address),
                  has(c.phone), has(c.email)});
}

FieldTally bank_account_fields(const BankAccount& b) {
    return tally({has(b.bank_code), has(b.branch_code), has(b.account_number), has(b.holder_name_kana)});
}

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
