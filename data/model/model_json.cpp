// nlohmann-json codecs for the model; one function pair per struct.
#include "data/model/model_json.hpp"

#include <cstdio>
#include <stdexcept>

#include "data/model/enum_codes.hpp"

namespace madoguchi {
namespace {

using nlohmann::json;

template <typename E>
void put_enum(json& j, const char* key, E v) {
    j[key] = std::string(to_code(v));
}

template <typename E>
void get_enum(const json& j, const char* key, E& out) {
    if (!j.contains(key)) return;
    auto parsed = from_code<E>(j.at(key).get<std::string>());
    if (!parsed) throw std::invalid_argument(std::string("unknown code for ") + key);
    out = *parsed;
}

template <typename T>
void get_opt(const json& j, const char* key, T& out) {
    if (j.contains(key) && !j.at(key).is_null()) j.at(key).get_to(out);
}

template <typename T>
void get_opt(const json& j, const char* key, std::optional<T>& out) {
    if (j.contains(key) && !j.at(key).is_null())
        out = j.at(key).get<T>();
    else
        out.reset();
}

template <typename T>
void put_opt(json& j, const char* key, const std::optional<T>& v) {
    j[key] = v ? json(*v) : json(nullptr);
}

void put_meta(json& j, const RecordMeta& m) { j["client_id"] = m.client_id; }
void get_meta(const json& j, RecordMeta& m) { get_opt(j, "client_id", m.client_id); }

}  // namespace

void to_json(json& j, const CivilDate& v) {
    if (v.empty()) {
        j = "";
        return;
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", v.year % 10000, v.month % 100, v.day % 100);
    j = buf;
}

void from_json(const json& j, CivilDate& v) {
    const auto s = j.get<std::string>();
    v = {};
    if (s.empty()) return;
    if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d", &v.year, &v.month, &v.day) != 3)
        throw std::invalid_argument("date must be YYYY-MM-DD");
}

void to_json(json& j, const YearMonth& v) {
    if (v.empty()) {
        j = "";
        return;
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", v.year % 10000, v.month % 100);
    j = buf;
}

void from_json(const json& j, YearMonth& v) {
    const auto s = j.get<std::string>();
    v = {};
    if (s.empty()) return;
    if (s.size() != 7 || std::sscanf(s.c_str(), "%4d-%2d", &v.year, &v.month) != 2)
        throw std::invalid_argument("year-month must be YYYY-MM");
}

void to_json(json& j, const Account& v) {
    j = json::object();
    put_meta(j, v.meta);
    j["username"] = v.username;
    j["email"] = v.email;
    j["registration_number"] = v.registration_number;
}
void from_json(const json& j, Account& v) {
    get_meta(j, v.meta);
    get_opt(j, "username", v.username);
    get_opt(j, "email", v.email);
    get_opt(j, "registration_number", v.registration_number);
}

// Sign-up carries the password once, over TLS, to be hashed by the server.
void to_json(json& j, const SignUpRequest& v) {
    j = {{"username", v.username},
         {"email", v.email},
         {"password", v.password},
         {"consented_purpose_of_use", v.consented_purpose_of_use}};
}
void from_json(const json& j, SignUpRequest& v) {
    get_opt(j, "username", v.username);
    get_opt(j, "email", v.email);
    get_opt(j, "password", v.password);
    v.password_confirm = v.password;
    get_opt(j, "consented_purpose_of_use", v.consented_purpose_of_use);
}

void to_json(json& j, const EmailChangeRequest& v) {
    j = json::object();
    put_meta(j, v.meta);
    j["new_email"] = v.new_email;
}
void from_json(const json& j, EmailChangeRequest& v) {
    get_meta(j, v.meta);
    get_opt(j, "new_email", v.new_email);
    v.new_email_confirm = v.new_email;
}

void to_json(json& j, const Profile& v) {
    j = json::object();
    put_meta(j, v.meta);
    j["photo_file_id"] = v.photo_file_id;
    j["username"] = v.username;
    j["nickname"] = v.nickname;
    j["self_introduction"] = v.self_introduction;
    j["family_name"] = v.family_name;
    j["given_name"] = v.given_name;
    j["family_name_kana"] = v.family_name_kana;
    j["given_name_kana"] = v.given_name_kana;
    put_enum(j, "gender", v.gender);
    j["birth_date"] = v.birth_date;
    j["postal_code"] = v.postal_code;
    j["prefecture"] = v.prefecture;
    j["city"] = v.city;
    j["town"] = v.town;
    j["address_line"] = v.address_line;
    j["phone"] = v.phone;
    put_enum(j, "status", v.status);
    put_enum(j, "weekly_hours", v.weekly_hours);
    put_opt(j, "hourly_rate_yen", v.hourly_rate_yen);
    j["show_age_bracket"] = v.show_age_bracket;
    j["preferred_prefecture"] = v.preferred_prefecture;
    j["preferred_municipality"] = v.preferred_municipality;
    j["hometown"] = v.hometown;
    j["schools"] = v.schools;
}
void from_json(const json& j, Profile& v) {
    get_meta(j, v.meta);
    get_opt(j, "photo_file_id", v.photo_file_id);
    get_opt(j, "username", v.username);
    get_opt(j, "nickname", v.nickname);
    get_opt(j, "self_introduction", v.self_introduction);
    get_opt(j, "family_name", v.family_name);
    get_opt(j, "given_name", v.given_name);
    get_opt(j, "family_name_kana", v.family_name_kana);
    get_opt(j, "given_name_kana", v.given_name_kana);
    get_enum(j, "gender", v.gender);
    get_opt(j, "birth_date", v.birth_date);
    get_opt(j, "postal_code", v.postal_code);
    get_opt(j, "prefecture", v.prefecture);
    get_opt(j, "city", v.city);
    get_opt(j, "town", v.town);
    get_opt(j, "address_line", v.address_line);
    get_opt(j, "phone", v.phone);
    get_enum(j, "status", v.status);
    get_enum(j, "weekly_hours", v.weekly_hours);
    get_opt(j, "hourly_rate_yen", v.hourly_rate_yen);
    get_opt(j, "show_age_bracket", v.show_age_bracket);
    get_opt(j, "preferred_prefecture", v.preferred_prefecture);
    get_opt(j, "preferred_municipality", v.preferred_municipality);
    get_opt(j, "hometown", v.hometown);
    get_opt(j, "schools", v.schools);
}

void to_json(json& j, const Skill& v) {
    j = json::object();
    put_meta(j, v.meta);
    j["name"] = v.name;
    j["level"] = v.level;
    j["years_experience"] = v.years_experience;
    j["notes"] = v.notes;
}
void from_json(const json& j, Skill& v) {
    get_meta(j, v.meta);
    get_opt(j, "name", v.name);
    get_opt(j, "level", v.level);
    get_opt(j, "years_experience", v.years_experience);
    get_opt(j, "notes", v.notes);
}

void to_json(json& j, const Qualification& v) {
    j = json::object();
    put_meta(j, v.meta);
    j["name"] = v.name;
    j["issuer"] = v.issuer;
    j["acquired"] = v.acquired;
    j["score_or_grade"] = v.score_or_grade;
    j["certificate_number"] = v.certificate_number;
    j["expires"] = v.expires;
}
void from_json(const json& j, Qualification& v) {
    get_meta(j, v.meta);
    get_opt(j, "name", v.name);
    get_opt(j, "issuer", v.issuer);
    get_opt(j, "acquired", v.acquired);
    get_opt(j, "score_or_grade", v.score_or_grade);
    get_opt(j, "certificate_number", v.certificate_number);
    get_opt(j, "expires", v.expires);
}

void to_json(json& j, const CareerAttachment& v) {
    j = {{"file_id", v.file_id}, {"file_name", v.file_name}, {"mime_type", v.mime_type}};
}
void from_json(const json& j, CareerAttachment& v) {
    get_opt(j, "file_id", v.file_id);
    get_opt(j, "file_name", v.file_name);
    get_opt(j, "mime_type", v.mime_type);
}

void to_json(json& j, const Career& v) {
    j = json::object();
    put_meta(j, v.meta);
    j["category"] = v.category;
    j["period_from"] = v.period_from;
    j["period_to"] = v.period_to;
    j["company_name"] = v.company_name;
    j["duties"] = v.duties;
    j["company_url"] = v.company_url;
    j["role"] = v.role;
    j["environment"] = v.environment;
    put_opt(j, "team_size", v.team_size);
    j["attachments"] = v.attachments;
}
void from_json(const json& j, Career& v) {
    get_meta(j, v.meta);
    get_opt(j, "category", v.category);
    get_opt(j, "period_from", v.period_from);
    get_opt(j, "period_to", v.period_to);
    get_opt(j, "company_name", v.company_name);
    get_opt(j, "duties", v.duties);
    get_opt(j, "company_url", v.company_url);
    get_opt(j, "role", v.role);
    get_opt(j, "environment", v.environment);
    get_opt(j, "team_size", v.team_size);
    get_opt(j, "attachments", v.attachments);
}

void to_json(json& j, const Hobby& v) {
    j = json::object();
    put_meta(j, v.meta);
    j["name"] = v.name;
    j["comment"] = v.comment;
    j["show_on_profile"] = v.show_on_profile;
}
void from_json(const json& j, Hobby& v) {
    get_meta(j, v.meta);
    get_opt(j, "name", v.name);
    get_opt(j, "comment", v.comment);
    get_opt(j, "show_on_profile", v.show_on_profile);
}

void to_json(json& j, const Company& v) {
    j = json::object();
    put_meta(j, v.meta);
    j["server_id"] = v.server_id;
    j["logo_file_id"] = v.logo_file_id;
    j["url_slug"] = v.url_slug;
    j["name"] = v.name;
    j["description"] = v.description;
    j["postal_code"] = v.postal_code;
    j["address"] = v.address;
    j["phone"] = v.phone;
    j["email"] = v.email;
}
void from_json(const json& j, Company& v) {
    get_meta(j, v.meta);
    get_opt(j, "server_id", v.server_id);
    get_opt(j, "logo_file_id", v.logo_file_id);
    get_opt(j, "url_slug", v.url_slug);
    get_opt(j, "name", v.name);
    get_opt(j, "description", v.description);
    get_opt(j, "postal_code", v.postal_code);
    get_opt(j, "address", v.address);
    get_opt(j, "phone", v.phone);
    get_opt(j, "email", v.email);
}

void to_json(json& j, const BankAccount& v) {
    j = json::object();
    put_meta(j, v.meta);
    j["bank_code"] = v.bank_code;
    j["bank_name"] = v.bank_name;
    j["branch_code"] = v.branch_code;
    j["branch_name"] = v.branch_name;
    put_enum(j, "type", v.type);
    j["account_number"] = v.account_number;
    j["holder_name_kana"] = v.holder_name_kana;
}
void from_json(const json& j, BankAccount& v) {
    get_meta(j, v.meta);
    get_opt(j, "bank_code", v.bank_code);
    get_opt(j, "bank_name", v.bank_name);
    get_opt(j, "branch_code", v.branch_code);
    get_opt(j, "branch_name", v.branch_name);
    get_enum(j, "type", v.type);
    get_opt(j, "account_number", v.account_number);
    get_opt(j, "holder_name_kana", v.holder_name_kana);
}

void to_json(json& j, const DocumentPage& v) {
    j = {{"side", v.side}, {"file_id", v.file_id}, {"sha256", v.sha256}};
}
void from_json(const json& j, DocumentPage& v) {
    get_opt(j, "side", v.side);
    get_opt(j, "file_id", v.file_id);
    get_opt(j, "sha256", v.sha256);
}

void to_json(json& j, const IdentityDocument& v) {
    j = json::object();
    put_meta(j, v.meta);
    j["user_client_id"] = v.user_client_id;
    put_enum(j, "type", v.type);
    j["passport_issued"] = v.passport_issued;
    j["pages"] = v.pages;
    put_enum(j, "status", v.status);
    j["rejection_reason"] = v.rejection_reason;
    j["captured_by_staff"] = v.captured_by_staff;
}
void from_json(const json& j, IdentityDocument& v) {
    get_meta(j, v.meta);
    get_opt(j, "user_client_id", v.user_client_id);
    get_enum(j, "type", v.type);
    get_opt(j, "passport_issued", v.passport_issued);
    get_opt(j, "pages", v.pages);
    get_enum(j, "status", v.status);
    get_opt(j, "rejection_reason", v.rejection_reason);
    get_opt(j, "captured_by_staff", v.captured_by_staff);
}

void to_json(json& j, const NdaAgreement& v) {
    j = json::object();
    put_meta(j, v.meta);
    j["text_version"] = v.text_version;
    j["text_sha256"] = v.text_sha256;
    j["language"] = v.language;
    j["typed_name"] = v.typed_name;
    j["signature_file_id"] = v.signature_file_id;
    j["agreed_at_ms"] = v.agreed_at_ms;
}
void from_json(const json& j, NdaAgreement& v) {
    get_meta(j, v.meta);
    get_opt(j, "text_version", v.text_version);
    get_opt(j, "text_sha256", v.text_sha256);
    get_opt(j, "language", v.language);
    get_opt(j, "typed_name", v.typed_name);
    get_opt(j, "signature_file_id", v.signature_file_id);
    get_opt(j, "agreed_at_ms", v.agreed_at_ms);
}

}  // namespace madoguchi
