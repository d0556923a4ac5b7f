// Profile (【5】) validation and normalization of typed input.
#include <string>

#include "data/datasets/local_gov_directory.hpp"
#include "data/rules/date_rules.hpp"
#include "data/rules/field_limits.hpp"
#include "data/rules/furigana.hpp"
#include "data/rules/number.hpp"
#include "data/rules/phone.hpp"
#include "data/rules/postal_code.hpp"
#include "data/rules/prefectures.hpp"
#include "data/rules/required_fields.hpp"
#include "data/rules/rule_error.hpp"
#include "data/rules/slug.hpp"
#include "data/rules/text_field.hpp"
#include "data/rules/validate_records.hpp"

namespace madoguchi {
namespace {

bool required(std::string_view field) { return is_required<Profile>(field); }

// Foreign residents register too: ・ may separate the parts of a reading.
FuriganaOptions name_kana(std::string_view field) { return {required(field), limits::kPersonNameKana, true}; }

}  // namespace

Errors validate_profile(const Profile& p, const ValidationContext& ctx) {
    Errors e;
    collect(e, check_text("photo_file_id", p.photo_file_id, {required("photo_file_id"), limits::kFileId}));
    if (!p.username.empty()) collect(e, check_slug("username", p.username, kUsernameLimits));
    collect(e, check_text("nickname", p.nickname, {required("nickname"), limits::kNickname}));
    collect(e, check_text("self_introduction", p.self_introduction,
                          {required("self_introduction"), limits::kSelfIntroduction, 0, true}));
    collect(e, check_text("family_name", p.family_name, {required("family_name"), limits::kPersonName}));
    collect(e, check_text("given_name", p.given_name, {required("given_name"), limits::kPersonName}));
    collect(e, check_furigana("family_name_kana", p.family_name_kana, name_kana("family_name_kana")));
    collect(e, check_furigana("given_name_kana", p.given_name_kana, name_kana("given_name_kana")));
    if (!p.birth_date.empty()) collect(e, check_birth_date("birth_date", p.birth_date, effective_today(ctx)));
    if (!p.postal_code.empty()) collect(e, check_postal_code("postal_code", p.postal_code));
    if (!p.prefecture.empty() && !prefecture_code(p.prefecture)) {
        e.push_back(rule_error("prefecture.unknown", "prefecture", "都道府県を一覧から選んでください。",
                               "Choose a prefecture from the list."));
    }
    collect(e, check_text("city", p.city, {required("city"), limits::kCity}));
    collect(e, check_text("town", p.town, {required("town"), limits::kTown}));
    collect(e, check_text("address_line", p.address_line, {required("address_line"), limits::kAddressLine}));
    if (!p.phone.empty()) collect(e, check_phone("phone", p.phone));
    if (p.hourly_rate_yen)
        collect(e, check_range("hourly_rate_yen", *p.hourly_rate_yen, 1, limits::kHourlyRateMaxYen));
    if (p.show_age_bracket && p.birth_date.empty()) {
        e.push_back(rule_error("age_bracket.needs_birth_date", "show_age_bracket",
                               "年齢層を公開するには生年月日を入力してください。",
                               "Enter a birth date to show an age bracket."));
    }
    if (!p.preferred_prefecture.empty() && !prefecture_name(p.preferred_prefecture)) {
        e.push_back(rule_error("prefecture.unknown", "preferred_prefecture",
                               "都道府県を一覧から選んでください。", "Choose a prefecture from the list."));
    }
    if (!p.preferred_municipality.empty()) {
        const bool shape = p.preferred_municipality.size() == 6 &&
                           p.preferred_municipality.find_first_not_of("0123456789") == std::string::npos;
        const bool in_prefecture = p.preferred_municipality.substr(0, 2) == p.preferred_prefecture;
        const bool known =
            !ctx.local_gov || ctx.local_gov->municipality(p.preferred_municipality).has_value();
        if (!shape || !in_prefecture || !known) {
            e.push_back(rule_error("municipality.unknown", "preferred_municipality",
                                   "市区町村を、選んだ都道府県の一覧から選んでください。",
                                   "Choose a municipality of the selected prefecture from the list."));
        }
    }
    collect(e, check_text("hometown", p.hometown, {required("hometown"), limits::kHometown}));
    collect(e, check_text("schools", p.schools, {required("schools"), limits::kSchools, 0, true}));
    return e;
}

Errors normalize_profile_fields(Profile& p) {
    Errors e;
    if (auto r = normalize_furigana("family_name_kana", p.family_name_kana, name_kana("family_name_kana"));
        collect(e, r))
        p.family_name_kana = *r;
    if (auto r = normalize_furigana("given_name_kana", p.given_name_kana, name_kana("given_name_kana"));
        collect(e, r))
        p.given_name_kana = *r;
    if (!is_blank(p.postal_code)) {
        if (auto r = normalize_postal_code("postal_code", p.postal_code); collect(e, r)) p.postal_code = *r;
    } else {
        p.postal_code.clear();
    }
    if (!is_blank(p.phone)) {
        if (auto r = parse_phone("phone", p.phone); collect(e, r)) p.phone = r->digits;
    } else {
        p.phone.clear();
    }
    if (!p.username.empty()) {
        if (auto r = normalize_slug("username", p.username, kUsernameLimits); collect(e, r)) p.username = *r;
    }
    return e;
}

}  // namespace madoguchi
