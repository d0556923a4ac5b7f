// Record-level validators for every struct in data/model. Each returns all
// failures at once; Error::field is the struct member name so the kiosk can
// show each message next to its field, and the server runs the same
// functions on what it receives. Values must already be in their stored
// (normalized) form; the normalize_*_fields functions turn what a person
// typed into that form first.
#pragma once

#include "data/model/account.hpp"
#include "data/model/bank_account.hpp"
#include "data/model/career.hpp"
#include "data/model/civil_date.hpp"
#include "data/model/company.hpp"
#include "data/model/hobby.hpp"
#include "data/model/identity_document.hpp"
#include "data/model/nda_agreement.hpp"
#include "data/model/profile.hpp"
#include "data/model/qualification.hpp"
#include "data/model/skill.hpp"
#include "data/result.hpp"

namespace madoguchi {

class BankDirectory;
class LocalGovDirectory;

struct ValidationContext {
    CivilDate today;                               // Japan date; empty = japan_date(now)
    const BankDirectory* banks = nullptr;          // set: bank and branch must exist, names must match
    const LocalGovDirectory* local_gov = nullptr;  // set: preferred municipality must exist
};

// ctx.today, or the Japan date now when it is empty.
CivilDate effective_today(const ValidationContext& ctx);

Errors validate_profile(const Profile& p, const ValidationContext& ctx = {});
Errors validate_skill(const Skill& s);
Errors validate_qualification(const Qualification& q, const ValidationContext& ctx = {});
Errors validate_career(const Career& c, const ValidationContext& ctx = {});
Errors validate_hobby(const Hobby& h);
// A career entry's attachments one at a time, before one is captured or
// stored: room for one more (limits::kAttachmentsMax) and the encoded size
// (limits::kAttachmentMaxBytes). validate_career checks the whole list again.
Status check_attachment_room(std::size_t already_attached);
Status check_attachment_size(std::size_t bytes);
Errors validate_company(const Company& c);
Errors validate_bank_account(const BankAccount& b, const ValidationContext& ctx = {});
Errors validate_nda_agreement(const NdaAgreement& n);
Errors validate_account(const Account& a);
// JAPAN.md compliance: passports issued on or before 2020-02-03 only (later
// ones have no address page); a My Number card only by its front; a
// driver's license with both sides.
// validate_identity_document is these compliance points plus what the kiosk
// records with a capture (registrant, staff, each page's SHA-256, rejection
// reason); the server runs the compliance points on what it receives.
Errors check_identity_document_compliance(const IdentityDocument& d);
Errors validate_identity_document(const IdentityDocument& d);
Errors validate_sign_up(const SignUpRequest& r);
Errors validate_email_change(const EmailChangeRequest& r);
Errors validate_password_change(const PasswordChangeRequest& r);

// Typed input -> stored form, in place (furigana to katakana, postal code and
// phone to digits, e-mail/URL/slug folded to ASCII, Zengin holder name,
// zero-padded account number). Fields that cannot be converted are left as
// typed and reported; running the validator afterwards reports them again.
Errors normalize_profile_fields(Profile& p);
Errors normalize_career_fields(Career& c);
Errors normalize_company_fields(Company& c);
Errors normalize_bank_account_fields(BankAccount& b);
Errors normalize_sign_up_fields(SignUpRequest& r);
Errors normalize_email_change_fields(EmailChangeRequest& r);

}  // namespace madoguchi
