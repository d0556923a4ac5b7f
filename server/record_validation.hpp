// Server-side checks of incoming records. The kiosk validates with
// data/rules before sending; the server re-checks everything it stores,
// because a request can come from anything on the network.
#pragma once

#include <string>

#include "data/model/model_json.hpp"
#include "data/result.hpp"

namespace madoguchi::server {

Errors validate_sign_up(const SignUpRequest& r);
Errors validate_new_email(const std::string& email, const std::string& field);
Errors validate_new_password(const std::string& password, const std::string& field);

Errors validate_record(const Profile& v);
Errors validate_record(const Skill& v);
Errors validate_record(const Qualification& v);
Errors validate_record(const Career& v);
Errors validate_record(const Hobby& v);
Errors validate_record(const Company& v);
Errors validate_record(const BankAccount& v);
Errors validate_record(const NdaAgreement& v);
Errors validate_record(const IdentityDocument& v);

// client_id: 1..64 of [A-Za-z0-9-_] (UUIDs made by the kiosk).
bool valid_client_id(const std::string& id);

}  // namespace madoguchi::server
