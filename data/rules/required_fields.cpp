// The required-fields table per record type (see required_fields.hpp). The
// needs follow the guide's steps; docs/rules.md lists them as a table.
#include "data/rules/required_fields.hpp"

#include "data/rules/field_limits.hpp"
#include "data/rules/text_field.hpp"

namespace madoguchi {
namespace {

bool has(const std::string& s) { return !is_blank(s); }

using N = FieldNeed;

}  // namespace

template <>
std::span<const FieldRule<Profile>> field_rules<Profile>() {
    // 【5】 Steps 1–18. The address and phone are 必須 on the kiosk's form;
    // the platform accepts a profile without them. Step 2's username is a
    // read-only copy of the account's, and hometown (Step 17) is optional
    // by 職業安定法's guidelines: neither counts.
    static constexpr FieldRule<Profile> kRules[] = {
        {"photo_file_id", N::recommended, [](const Profile& p) { return has(p.photo_file_id); }},
        {"username", N::optional, [](const Profile& p) { return has(p.username); }},
        {"nickname", N::required, [](const Profile& p) { return has(p.nickname); }},
        {"self_introduction", N::recommended, [](const Profile& p) { return has(p.self_introduction); }},
        {"family_name", N::required, [](const Profile& p) { return has(p.family_name); }},
        {"given_name", N::required, [](const Profile& p) { return has(p.given_name); }},
        {"family_name_kana", N::required, [](const Profile& p) { return has(p.family_name_kana); }},
        {"given_name_kana", N::required, [](const Profile& p) { return has(p.given_name_kana); }},
        {"birth_date", N::recommended, [](const Profile& p) { return !p.birth_date.empty(); }},
        {"postal_code", N::required_at_kiosk, [](const Profile& p) { return has(p.postal_code); }},
        {"prefecture", N::required_at_kiosk, [](const Profile& p) { return has(p.prefecture); }},
        {"city", N::required_at_kiosk, [](const Profile& p) { return has(p.city); }},
        {"town", N::optional, [](const Profile& p) { return has(p.town); }},
        {"address_line", N::optional, [](const Profile& p) { return has(p.address_line); }},
        {"phone", N::required_at_kiosk, [](const Profile& p) { return has(p.phone); }},
        {"hourly_rate_yen", N::recommended, [](const Profile& p) { return p.hourly_rate_yen.has_value(); }},
        {"preferred_prefecture", N::recommended,
         [](const Profile& p) { return has(p.preferred_prefecture); }},
        {"preferred_municipality", N::optional,
         [](const Profile& p) { return has(p.preferred_municipality); }},
        {"hometown", N::optional, [](const Profile& p) { return has(p.hometown); }},
        {"schools", N::recommended, [](const Profile& p) { return has(p.schools); }},
    };
    return kRules;
}

template <>
std::span<const FieldRule<Skill>> field_rules<Skill>() {
    // 【7】 The level is chosen from 1–5 (0: none chosen); 0 years of
    // experience means "under a year" and is an answer.
    static constexpr FieldRule<Skill> kRules[] = {
        {"name", N::required, [](const Skill& s) { return has(s.name); }},
        {"level", N::required,
         [](const Skill& s) {
             return s.level >= limits::kSkillLevelMin && s.level <= limits::kSkillLevelMax;
         }},
        {"notes", N::recommended, [](const Skill& s) { return has(s.notes); }},
    };
    return kRules;
}

template <>
std::span<const FieldRule<Qualification>> field_rules<Qualification>() {
    // 【8】 Certificate number and expiry are extras some qualifications have.
    static constexpr FieldRule<Qualification> kRules[] = {
        {"name", N::required, [](const Qualification& q) { return has(q.name); }},
        {"issuer", N::recommended, [](const Qualification& q) { return has(q.issuer); }},
        {"acquired", N::required, [](const Qualification& q) { return !q.acquired.empty(); }},
        {"score_or_grade", N::recommended, [](const Qualification& q) { return has(q.score_or_grade); }},
        {"certificate_number", N::optional, [](const Qualification& q) { return has(q.certificate_number); }},
        {"expires", N::optional, [](const Qualification& q) { return !q.expires.empty(); }},
    };
    return kRules;
}

template <>
std::span<const FieldRule<Career>> field_rules<Career>() {
    // 【9】 An empty end of the period is 現在; the URL (Step 5, "if any") and
    // attachments (Step 9, "if any") are optional.
    static constexpr FieldRule<Career> kRules[] = {
        {"category", N::required, [](const Career& c) { return has(c.category); }},
        {"period_from", N::required, [](const Career& c) { return !c.period_from.empty(); }},
        {"period_to", N::optional, [](const Career& c) { return !c.period_to.empty(); }},
        {"company_name", N::required, [](const Career& c) { return has(c.company_name); }},
        {"duties", N::recommended, [](const Career& c) { return has(c.duties); }},
        {"company_url", N::optional, [](const Career& c) { return has(c.company_url); }},
        {"role", N::recommended, [](const Career& c) { return has(c.role); }},
        {"environment", N::recommended, [](const Career& c) { return has(c.environment); }},
        {"team_size", N::recommended, [](const Career& c) { return c.team_size.has_value(); }},
        {"attachments", N::optional, [](const Career& c) { return !c.attachments.empty(); }},
    };
    return kRules;
}

template <>
std::span<const FieldRule<Hobby>> field_rules<Hobby>() {
    // 【10】
    static constexpr FieldRule<Hobby> kRules[] = {
        {"name", N::required, [](const Hobby& h) { return has(h.name); }},
        {"comment", N::recommended, [](const Hobby& h) { return has(h.comment); }},
    };
    return kRules;
}

template <>
std::span<const FieldRule<Company>> field_rules<Company>() {
    // 【11】 Steps 1–5 of a company registered on the kiosk (server_id is
    // not typed: it links a company chosen from the platform's search). The
    // postal code is part of the address and not counted on its own.
    static constexpr FieldRule<Company> kRules[] = {
        {"logo_file_id", N::recommended, [](const Company& c) { return has(c.logo_file_id); }},
        {"url_slug", N::required, [](const Company& c) { return has(c.url_slug); }},
        {"name", N::required, [](const Company& c) { return has(c.name); }},
        {"description", N::recommended, [](const Company& c) { return has(c.description); }},
        {"postal_code", N::optional, [](const Company& c) { return has(c.postal_code); }},
        {"address", N::recommended, [](const Company& c) { return has(c.address); }},
        {"phone", N::recommended, [](const Company& c) { return has(c.phone); }},
        {"email", N::recommended, [](const Company& c) { return has(c.email); }},
    };
    return kRules;
}

template <>
std::span<const FieldRule<BankAccount>> field_rules<BankAccount>() {
    // 【12】 A transfer needs all of it: codes, the names that go with them
    // (checked against the Zengin data set), number and holder.
    static constexpr FieldRule<BankAccount> kRules[] = {
        {"bank_code", N::required, [](const BankAccount& b) { return has(b.bank_code); }},
        {"bank_name", N::required, [](const BankAccount& b) { return has(b.bank_name); }},
        {"branch_code", N::required, [](const BankAccount& b) { return has(b.branch_code); }},
        {"branch_name", N::required, [](const BankAccount& b) { return has(b.branch_name); }},
        {"account_number", N::required, [](const BankAccount& b) { return has(b.account_number); }},
        {"holder_name_kana", N::required, [](const BankAccount& b) { return has(b.holder_name_kana); }},
    };
    return kRules;
}

}  // namespace madoguchi
