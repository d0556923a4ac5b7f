// unit: the required-fields table (data/rules/required_fields.hpp) against
// its three readers, table-driven over every field of every record type:
// an empty required field is refused by the kiosk's validator and by the
// server's, and lowers My page completeness; a kiosk-required or
// recommended one is accepted but lowers completeness; an optional one is
// accepted and does not count.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "data/rules/required_fields.hpp"
#include "data/rules/validate_records.hpp"
#include "server/record_validation.hpp"
#include "services/completeness.hpp"

using namespace madoguchi;

namespace {

const ValidationContext kCtx{CivilDate{2026, 11, 26}};
constexpr const char* kUploadId = "8f14e45f-ceea-467f-a8f3-2b5e6f9b3c1d";

template <typename T>
struct FieldCase {
    const char* field;
    void (*empty)(T&);           // the field left empty
    void (*blank)(T&) = nullptr;  // text fields: only spaces (U+3000 included)
};

bool names(const Errors& errors, std::string_view field) {
    return std::any_of(errors.begin(), errors.end(), [&](const Error& e) { return e.field == field; });
}

std::string fields_of(const Errors& errors) {
    std::string out;
    for (const auto& e : errors) out += e.field + "(" + e.code + ") ";
    return out;
}

// What each reader says of one record type.
template <typename T>
struct Readers {
    Errors (*kiosk)(const T&);
    FieldTally (*completeness)(const T&);
};

const char* need_name(FieldNeed n) {
    switch (n) {
        case FieldNeed::required: return "required";
        case FieldNeed::required_at_kiosk: return "required_at_kiosk";
        case FieldNeed::recommended: return "recommended";
        case FieldNeed::optional: return "optional";
    }
    return "?";
}

template <typename T>
void check_agreement(const T& full, const std::vector<FieldCase<T>>& cases, Readers<T> readers) {
    // Every field of the table has a case here, and no case names a field
    // the table does not list.
    std::set<std::string> listed, covered;
    for (const auto& rule : field_rules<T>()) listed.insert(std::string(rule.field));
    for (const auto& c : cases) covered.insert(c.field);
    CHECK(listed == covered);

    REQUIRE_MESSAGE(readers.kiosk(full).empty(), fields_of(readers.kiosk(full)));
    REQUIRE_MESSAGE(server::validate_record(full).empty(), fields_of(server::validate_record(full)));
    const FieldTally whole = readers.completeness(full);
    REQUIRE(whole.filled == whole.counted);

    for (const auto& c : cases) {
        const FieldNeed need = field_need<T>(c.field);
        for (auto change : {c.empty, c.blank}) {
            if (change == nullptr) continue;
            CAPTURE(c.field);
            CAPTURE(need_name(need));
            CAPTURE(change == c.blank);
            T v = full;
            change(v);
            const auto rule = std::find_if(field_rules<T>().begin(), field_rules<T>().end(),
                                           [&](const auto& r) { return r.field == c.field; });
            CHECK_FALSE(rule->filled(v));
            const Errors kiosk = readers.kiosk(v), server = server::validate_record(v);
            const FieldTally tally = readers.completeness(v);
            CHECK(tally.counted == whole.counted);
            if (need == FieldNeed::required) {
                CHECK_MESSAGE(names(kiosk, c.field), fields_of(kiosk));
                CHECK_MESSAGE(names(server, c.field), fields_of(server));
            } else {
                CHECK_MESSAGE(kiosk.empty(), fields_of(kiosk));
                CHECK_MESSAGE(server.empty(), fields_of(server));
            }
            if (counts_for_completeness(need)) {
                CHECK(tally.filled == whole.filled - 1);
                CHECK(tally.percent() < 100);
            } else {
                CHECK(tally.filled == whole.filled);
            }
        }
    }
}

Profile full_profile() {
    Profile p;
    p.photo_file_id = kUploadId;
    p.username = "taro2026";
    p.nickname = "たろう";
    p.self_introduction = "事務経験10年です。";
    p.family_name = "コアコンシェル";
    p.given_name = "太郎";
    p.family_name_kana = "コアコンシェル";
    p.given_name_kana = "タロウ";
    p.birth_date = {1990, 4, 1};
    p.postal_code = "1000001";
    p.prefecture = "東京都";
    p.city = "千代田区";
    p.town = "千代田";
    p.address_line = "1-1";
    p.phone = "09012345678";
    p.hourly_rate_yen = 1500;
    p.preferred_prefecture = "22";
    p.preferred_municipality = "221309";
    p.hometown = "静岡県";
    p.schools = "静岡大学";
    return p;
}

}  // namespace

TEST_CASE("profile: required, kiosk-required, recommended and optional fields") {
    using P = Profile;
    check_agreement<P>(
        full_profile(),
        {
            {"photo_file_id", [](P& p) { p.photo_file_id.clear(); }},
            {"username", [](P& p) { p.username.clear(); }},
            {"nickname", [](P& p) { p.nickname.clear(); }, [](P& p) { p.nickname = "　 "; }},
            {"self_introduction", [](P& p) { p.self_introduction.clear(); }},
            {"family_name", [](P& p) { p.family_name.clear(); }, [](P& p) { p.family_name = "　"; }},
            {"given_name", [](P& p) { p.given_name.clear(); }, [](P& p) { p.given_name = " "; }},
            {"family_name_kana", [](P& p) { p.family_name_kana.clear(); },
             [](P& p) { p.family_name_kana = "　"; }},
            {"given_name_kana", [](P& p) { p.given_name_kana.clear(); }, [](P& p) { p.given_name_kana = " "; }},
            {"birth_date", [](P& p) { p.birth_date = {}; }},
            {"postal_code", [](P& p) { p.postal_code.clear(); }},
            {"prefecture", [](P& p) { p.prefecture.clear(); }},
            {"city", [](P& p) { p.city.clear(); }},
            {"town", [](P& p) { p.town.clear(); }},
            {"address_line", [](P& p) { p.address_line.clear(); }},
            {"phone", [](P& p) { p.phone.clear(); }},
            {"hourly_rate_yen", [](P& p) { p.hourly_rate_yen.reset(); }},
            {"preferred_prefecture",
             [](P& p) {
                 p.preferred_prefecture.clear();
                 p.preferred_municipality.clear();  // a municipality needs its prefecture
             }},
            {"preferred_municipality", [](P& p) { p.preferred_municipality.clear(); }},
            {"hometown", [](P& p) { p.hometown.clear(); }},
            {"schools", [](P& p) { p.schools.clear(); }},
        },
        {[](const P& p) { return validate_profile(p, kCtx); }, profile_fields});
}

TEST_CASE("profile: the kiosk-required fields are the address and the phone") {
    Profile p = full_profile();
    p.postal_code.clear();
    p.prefecture.clear();
    p.city.clear();
    p.phone.clear();
    p.schools.clear();  // recommended: not in the list
    const auto missing = missing_fields(p, FieldNeed::required_at_kiosk);
    CHECK(missing == std::vector<std::string_view>{"postal_code", "prefecture", "city", "phone"});
    CHECK(missing_fields(full_profile(), FieldNeed::required_at_kiosk).empty());
    CHECK(missing_fields(Profile{}, FieldNeed::required) ==
          std::vector<std::string_view>{"nickname", "family_name", "given_name", "family_name_kana",
                                        "given_name_kana"});
}

TEST_CASE("skills") {
    check_agreement<Skill>(Skill{{}, "エクセル", 3, 5, "関数・ピボット"},
                           {
                               {"name", [](Skill& s) { s.name.clear(); }, [](Skill& s) { s.name = "　"; }},
                               {"level", [](Skill& s) { s.level = 0; }},
                               {"notes", [](Skill& s) { s.notes.clear(); }},
                           },
                           {validate_skill, skill_fields});
}

TEST_CASE("qualifications") {
    using Q = Qualification;
    Q q;
    q.name = "日商簿記検定";
    q.issuer = "日本商工会議所";
    q.acquired = {2020, 6};
    q.score_or_grade = "2級";
    q.certificate_number = "A-1234";
    q.expires = {2030, 6};
    check_agreement<Q>(q,
                       {
                           {"name", [](Q& v) { v.name.clear(); }, [](Q& v) { v.name = " 　"; }},
                           {"issuer", [](Q& v) { v.issuer.clear(); }},
                           {"acquired", [](Q& v) { v.acquired = {}; }},
                           {"score_or_grade", [](Q& v) { v.score_or_grade.clear(); }},
                           {"certificate_number", [](Q& v) { v.certificate_number.clear(); }},
                           {"expires", [](Q& v) { v.expires = {}; }},
                       },
                       {[](const Q& v) { return validate_qualification(v, kCtx); }, qualification_fields});
}

TEST_CASE("career entries") {
    using C = Career;
    C c;
    c.category = "事務";
    c.period_from = {2015, 4};
    c.period_to = {2020, 3};
    c.company_name = "株式会社コアコンシェル";
    c.duties = "経理\n総務";
    c.company_url = "https://example.co.jp";
    c.role = "リーダー";
    c.environment = "Excel, Word";
    c.team_size = 5;
    c.attachments.push_back({kUploadId, "職務経歴書.pdf", "application/pdf"});
    check_agreement<C>(c,
                       {
                           {"category", [](C& v) { v.category.clear(); }, [](C& v) { v.category = "　"; }},
                           {"period_from", [](C& v) { v.period_from = {}; }},
                           {"period_to", [](C& v) { v.period_to = {}; }},
                           {"company_name", [](C& v) { v.company_name.clear(); },
                            [](C& v) { v.company_name = " "; }},
                           {"duties", [](C& v) { v.duties.clear(); }},
                           {"company_url", [](C& v) { v.company_url.clear(); }},
                           {"role", [](C& v) { v.role.clear(); }},
                           {"environment", [](C& v) { v.environment.clear(); }},
                           {"team_size", [](C& v) { v.team_size.reset(); }},
                           {"attachments", [](C& v) { v.attachments.clear(); }},
                       },
                       {[](const C& v) { return validate_career(v, kCtx); }, career_fields});
}

TEST_CASE("hobbies") {
    check_agreement<Hobby>(Hobby{{}, "写真", "週末に風景を撮ります", true},
                           {
                               {"name", [](Hobby& h) { h.name.clear(); }, [](Hobby& h) { h.name = "　"; }},
                               {"comment", [](Hobby& h) { h.comment.clear(); }},
                           },
                           {validate_hobby, hobby_fields});
}

TEST_CASE("companies registered on the kiosk") {
    using C = Company;
    C c;
    c.logo_file_id = kUploadId;
    c.url_slug = "coreconcierge";
    c.name = "株式会社コアコンシェル";
    c.description = "人材サービス";
    c.postal_code = "1000001";
    c.address = "東京都千代田区千代田1-1";
    c.phone = "0312345678";
    c.email = "info@example.co.jp";
    check_agreement<C>(c,
                       {
                           {"logo_file_id", [](C& v) { v.logo_file_id.clear(); }},
                           {"url_slug", [](C& v) { v.url_slug.clear(); }, [](C& v) { v.url_slug = "　"; }},
                           {"name", [](C& v) { v.name.clear(); }, [](C& v) { v.name = " "; }},
                           {"description", [](C& v) { v.description.clear(); }},
                           {"postal_code", [](C& v) { v.postal_code.clear(); }},
                           {"address", [](C& v) { v.address.clear(); }},
                           {"phone", [](C& v) { v.phone.clear(); }},
                           {"email", [](C& v) { v.email.clear(); }},
                       },
                       {[](const C& v) { return validate_company(v); }, company_fields});
}

TEST_CASE("bank accounts: every field is required") {
    using B = BankAccount;
    B b;
    b.bank_code = "9900";
    b.bank_name = "ゆうちょ";
    b.branch_code = "738";
    b.branch_name = "七三八";
    b.type = AccountType::ordinary;
    b.account_number = "1992765";
    b.holder_name_kana = "ﾔﾏﾀﾞ ﾀﾛｳ";
    check_agreement<B>(b,
                       {
                           {"bank_code", [](B& v) { v.bank_code.clear(); }, [](B& v) { v.bank_code = "　"; }},
                           {"bank_name", [](B& v) { v.bank_name.clear(); }, [](B& v) { v.bank_name = " "; }},
                           {"branch_code", [](B& v) { v.branch_code.clear(); }},
                           {"branch_name", [](B& v) { v.branch_name.clear(); }},
                           {"account_number", [](B& v) { v.account_number.clear(); }},
                           {"holder_name_kana", [](B& v) { v.holder_name_kana.clear(); },
                            [](B& v) { v.holder_name_kana = "　"; }},
                       },
                       {[](const B& v) { return validate_bank_account(v); }, bank_account_fields});
}

TEST_CASE("a field the table does not list is a programming error") {
    CHECK_THROWS_AS(field_need<Profile>("nicknmae"), std::logic_error);
    CHECK(is_required<Hobby>("name"));
    CHECK_FALSE(is_required<Hobby>("comment"));
}
