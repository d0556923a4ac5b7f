// Account (guide 【5】 Step 2, 【6】): the login identity of a job seeker.
#pragma once

#include <string>

#include "data/model/record_meta.hpp"

namespace madoguchi {

// The username is immutable: it is part of the public profile URL.
// Passwords never live in this struct after sign-up is submitted; the
// server stores only an Argon2id hash.
struct Account {
    RecordMeta meta;
    std::string username;   // half-width alphanumeric slug
    std::string email;
    std::string registration_number;  // shown to staff when sign-up is queued offline
};

struct SignUpRequest {
    std::string username;
    std::string email;
    std::string password;
    std::string password_confirm;
    bool consented_purpose_of_use = false;  // APPI: shown and agreed before any data
};

struct SignInRequest {
    std::string login;  // username or email
    std::string password;
};

// 【6】: the new address takes effect only after the verification mail is followed.
struct EmailChangeRequest {
    RecordMeta meta;
    std::string new_email;
    std::string new_email_confirm;
};

struct PasswordChangeRequest {
    std::string current_password;
    std::string new_password;
    std::string new_password_confirm;
};

}  // namespace madoguchi
