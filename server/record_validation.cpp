// Field rules for records arriving at the server; each failure names its
// field and says what is wrong in Japanese and English.
#include "server/record_validation.hpp"

#include <string_view>

#include "data/rules/email.hpp"
#include "data/rules/password.hpp"
#include "data/rules/rule_error.hpp"
#include "data/rules/validate_records.hpp"

namespace madoguchi::server {
namespace {

struct Check {
    Errors& out;
    void fail(std::string code, std::string field, std::string ja, std::string en) {
        out.push_back(Error{std::move(code), std::move(field), std::move(ja), std::move(en)});
    }
    void file_id(const std::string& v, const char* field) {
        if (!v.empty() && !valid_client_id(v))
            fail("format", field, "ファイルIDが正しくありません。", std::string(field) + " is not a valid upload id.");
    }
};

}  // namespace

bool valid_client_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_'))
            return false;
    return true;
}

Errors validate_new_email(const std::string& email, const std::string& field) {
    Errors e;
    collect(e, check_email(field, email));
    return e;
}

Errors validate_new_password(const std::string& password, const std::string& field) {
    Errors e;
    collect(e, check_password_strength(field, password));
    return e;
}

// The kiosk's own rules (data/rules) first, then what only the server knows:
// file references must look like upload ids.
Errors validate_sign_up(const SignUpRequest& r) { return madoguchi::validate_sign_up(r); }

Errors validate_record(const Profile& v) {
    Errors e = validate_profile(v);
    Check{e}.file_id(v.photo_file_id, "photo_file_id");
    return e;
}

Errors validate_record(const Skill& v) { return validate_skill(v); }
Errors validate_record(const Qualification& v) { return validate_qualification(v); }

Errors validate_record(const Career& v) {
    Errors e = validate_career(v);
    for (const auto& a : v.attachments) Check{e}.file_id(a.file_id, "attachments");
    return e;
}

Errors validate_record(const Hobby& v) { return validate_hobby(v); }

Errors validate_record(const Company& v) {
    Errors e = validate_company(v);
    Check{e}.file_id(v.logo_file_id, "logo_file_id");
    return e;
}

Errors validate_record(const BankAccount& v) { return validate_bank_account(v); }

Errors validate_record(const NdaAgreement& v) {
    Errors e = validate_nda_agreement(v);
    Check{e}.file_id(v.signature_file_id, "signature_file_id");
    return e;
}

// The JAPAN.md compliance points are data/rules' own; the server adds that
// every page names its side and an upload. What the kiosk records with a
// capture (staff id, checksums) is optional on the wire: a checksum that is
// sent is compared with the upload by the route.
Errors validate_record(const IdentityDocument& v) {
    Errors e = check_identity_document_compliance(v);
    for (const auto& p : v.pages) {
        if (p.side.empty() || !valid_client_id(p.file_id)) {
            Check{e}.fail("identity.page", "pages", "書類の画像の指定が正しくありません。",
                          "Each page needs a side and an upload id.");
            break;
        }
    }
    return e;
}

}  // namespace madoguchi::server
