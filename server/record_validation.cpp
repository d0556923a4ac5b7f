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

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool valid_date(const CivilDate& d) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d.year < 1900 || d.year > 2200 || d.month < 1 || d.month > 12 || d.day < 1) return false;
    return d.day <= kDays[d.month - 1] + (d.month == 2 && leap(d.year) ? 1 : 0);
}

}  // namespace

std::size_t code_point_count(const std::string& utf8) {
    std::size_t n = 0;
    for (unsigned char c : utf8)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

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

// Codes follow data/rules (identity.*); the server checks the JAPAN.md
// compliance points itself until data/rules ships validate_identity_document.
Errors validate_record(const IdentityDocument& v) {
    Errors e;
    Check c{e};
    if (v.pages.empty()) c.fail("identity.no_pages", "pages", "書類の画像がありません。", "At least one page is required.");
    bool front = false, back = false;
    for (const auto& p : v.pages) {
        if (p.side.empty() || !valid_client_id(p.file_id))
            c.fail("identity.page", "pages", "書類の画像の指定が正しくありません。", "Each page needs a side and an upload id.");
        front = front || p.side == "front";
        back = back || p.side == "back";
        if (v.type == DocumentType::my_number_card_front && p.side != "front")
            c.fail("identity.my_number_back", "pages", "マイナンバーカードは表面のみ提出できます。",
                   "Only the front of a My Number card may be submitted.");
    }
    if (v.type == DocumentType::drivers_license && !v.pages.empty() && !(front && back))
        c.fail("identity.both_sides", "pages", "運転免許証は表面と裏面の両方が必要です。",
               "A driver's license needs both sides.");
    if (v.type == DocumentType::passport) {
        if (v.passport_issued.empty() || !valid_date(v.passport_issued))
            c.fail("identity.passport_issued", "passport_issued", "旅券の発行日を入力してください。",
                   "passport_issued is required for passports.");
        else if (v.passport_issued > CivilDate{2020, 2, 3})
            c.fail("identity.passport_too_new", "passport_issued",
                   "2020年2月4日以降に発行された旅券は住所欄がないため使えません。",
                   "Passports issued after 2020-02-03 have no address page and are not accepted.");
    }
    return e;
}

}  // namespace madoguchi::server
