// JSON form of every model struct: the one codec used by the outbox
// payloads, the kiosk's API client and the reference server. Field names are
// the struct member names; enums travel as their codes (enum_codes.hpp);
// dates as "YYYY-MM-DD" and year-months as "YYYY-MM" (empty string = none).
#pragma once

#include <nlohmann/json.hpp>

#include "data/model/account.hpp"
#include "data/model/bank_account.hpp"
#include "data/model/career.hpp"
#include "data/model/company.hpp"
#include "data/model/hobby.hpp"
#include "data/model/identity_document.hpp"
#include "data/model/nda_agreement.hpp"
#include "data/model/profile.hpp"
#include "data/model/qualification.hpp"
#include "data/model/skill.hpp"

namespace madoguchi {

// Parsing untrusted JSON throws nlohmann::json::exception on a wrong type or
// an unknown enum code; callers at the wire boundary catch it and turn it
// into an Error (see parse_record below).
void to_json(nlohmann::json& j, const CivilDate& v);
void from_json(const nlohmann::json& j, CivilDate& v);
void to_json(nlohmann::json& j, const YearMonth& v);
void from_json(const nlohmann::json& j, YearMonth& v);

// RecordMeta is not part of a record's JSON body except `client_id`:
// local ids and sync state are this kiosk's business.
#define MADOGUCHI_DECLARE_JSON(T)                   \
    void to_json(nlohmann::json& j, const T& v);    \
    void from_json(const nlohmann::json& j, T& v);

MADOGUCHI_DECLARE_JSON(Account)
MADOGUCHI_DECLARE_JSON(SignUpRequest)
MADOGUCHI_DECLARE_JSON(EmailChangeRequest)
MADOGUCHI_DECLARE_JSON(Profile)
MADOGUCHI_DECLARE_JSON(Skill)
MADOGUCHI_DECLARE_JSON(Qualification)
MADOGUCHI_DECLARE_JSON(CareerAttachment)
MADOGUCHI_DECLARE_JSON(Career)
MADOGUCHI_DECLARE_JSON(Hobby)
MADOGUCHI_DECLARE_JSON(Company)
MADOGUCHI_DECLARE_JSON(BankAccount)
MADOGUCHI_DECLARE_JSON(DocumentPage)
MADOGUCHI_DECLARE_JSON(IdentityDocument)
MADOGUCHI_DECLARE_JSON(NdaAgreement)
#undef MADOGUCHI_DECLARE_JSON

}  // namespace madoguchi
