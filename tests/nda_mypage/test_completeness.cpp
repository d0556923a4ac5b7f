// Completeness rules per section (services/completeness.hpp), table-driven:
// which fields count, how a section's percentage is made from its records.
#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include "services/completeness.hpp"

using namespace madoguchi;

namespace {

Profile full_profile() {
    Profile p;
    p.photo_file_id = "f1";
    p.nickname = "たろう";
    p.self_introduction = "よろしくお願いします。";
    p.family_name = "山田";
    p.given_name = "太郎";
    p.family_name_kana = "ヤマダ";
    p.given_name_kana = "タロウ";
    p.birth_date = {1990, 4, 1};
    p.postal_code = "1000001";
    p.prefecture = "東京都";
    p.city = "千代田区";
    p.phone = "0312345678";
    p.hourly_rate_yen = 1500;
    p.preferred_prefecture = "13";
    p.schools = "東京高校";
    return p;
}

template <typename T>
struct FieldCase {
    const char* what;
    std::function<void(T&)> change;
    int filled;
    int counted;
};

template <typename T>
void run(const T& full, const std::vector<FieldCase<T>>& cases, FieldTally (*fields)(const T&)) {
    for (const auto& c : cases) {
        INFO(c.what);
        T v = full;
        c.change(v);
        const FieldTally t = fields(v);
        CHECK(t.filled == c.filled);
        CHECK(t.counted == c.counted);
        CHECK(t.percent() == c.filled * 100 / c.counted);
    }
}

}  // namespace

TEST_CASE("profile: 15 counted fields; blanks, spaces and optional steps") {
    run<Profile>(full_profile(),
                 {
                     {"complete", [](Profile&) {}, 15, 15},
                     {"no photo", [](Profile& p) { p.photo_file_id.clear(); }, 14, 15},
                     {"nickname only spaces", [](Profile& p) { p.nickname = "　 "; }, 14, 15},
                     {"no birth date", [](Profile& p) { p.birth_date = {}; }, 14, 15},
                     {"no hourly rate", [](Profile& p) { p.hourly_rate_yen.reset(); }, 14, 15},
                     {"hometown and gender do not count",
                      [](Profile& p) {
                          p.hometown.clear();
                          p.gender = Gender::unanswered;
                      },
                      15, 15},
                     {"only the sign-up username", [](Profile& p) { p = Profile{}, p.username = "yamada"; }, 0, 15},
                 },
                 profile_fields);
    CHECK(profile_completeness(std::nullopt) == 0);
    Profile p = full_profile();
    p.photo_file_id.clear();
    p.schools.clear();
    p.hourly_rate_yen.reset();
    CHECK(profile_completeness(p) == 80);  // 12 of 15
}

TEST_CASE("skills, qualifications, careers, hobbies: counted fields") {
    Skill s{{}, "C++", 3, 5, "業務で5年"};
    run<Skill>(s,
               {{"complete", [](Skill&) {}, 3, 3},
                {"no notes", [](Skill& v) { v.notes.clear(); }, 2, 3},
                {"0 years still counts (under a year)", [](Skill& v) { v.years_experience = 0; }, 3, 3},
                {"level out of range", [](Skill& v) { v.level = 0; }, 2, 3}},
               skill_fields);

    Qualification q;
    q.name = "日商簿記";
    q.issuer = "日本商工会議所";
    q.acquired = {2020, 6};
    q.score_or_grade = "2級";
    run<Qualification>(q,
                       {{"complete without the optional extras", [](Qualification&) {}, 4, 4},
                        {"no grade", [](Qualification& v) { v.score_or_grade.clear(); }, 3, 4},
                        {"no month acquired", [](Qualification& v) { v.acquired = {}; }, 3, 4},
                        {"certificate number does not add", [](Qualification& v) { v.certificate_number = "A1"; },
                         4, 4}},
                       qualification_fields);

    Career c;
    c.category = "システム開発";
    c.period_from = {2018, 4};
    c.company_name = "株式会社サンプル";
    c.duties = "受発注システムの開発";
    c.role = "リーダー";
    c.environment = "C++, Linux";
    c.team_size = 6;
    run<Career>(c,
                {{"complete; 現在 (no end) is fine", [](Career&) {}, 7, 7},
                 {"no team size", [](Career& v) { v.team_size.reset(); }, 6, 7},
                 {"no duties, no role", [](Career& v) { v.duties.clear(), v.role.clear(); }, 5, 7}},
                career_fields);

    Hobby h{{}, "写真", "週末に風景を撮ります", true};
    run<Hobby>(h,
               {{"complete", [](Hobby&) {}, 2, 2},
                {"no comment", [](Hobby& v) { v.comment.clear(); }, 1, 2},
                {"hidden from profile still counts", [](Hobby& v) { v.show_on_profile = false; }, 2, 2}},
               hobby_fields);
}

TEST_CASE("company and bank account: counted fields") {
    Company co;
    co.logo_file_id = "logo";
    co.url_slug = "sample";
    co.name = "株式会社サンプル";
    co.description = "ソフトウェア開発";
    co.address = "東京都千代田区";
    co.phone = "0312345678";
    co.email = "info@example.jp";
    run<Company>(co,
                 {{"registered with every field", [](Company&) {}, 7, 7},
                  {"no logo", [](Company& v) { v.logo_file_id.clear(); }, 6, 7},
                  {"chosen from search: complete",
                   [](Company& v) { v = Company{}, v.server_id = "c-123", v.name = "既存"; }, 1, 1}},
                 company_fields);

    BankAccount b;
    b.bank_code = "0005";
    b.bank_name = "三菱ＵＦＪ";
    b.branch_code = "001";
    b.branch_name = "本店";
    b.account_number = "1234567";
    b.holder_name_kana = "ﾔﾏﾀﾞ ﾀﾛｳ";
    run<BankAccount>(b,
                     {{"complete", [](BankAccount&) {}, 6, 6},
                      {"no holder", [](BankAccount& v) { v.holder_name_kana.clear(); }, 5, 6},
                      {"no branch name (required, so it counts)",
                       [](BankAccount& v) { v.branch_name.clear(); }, 5, 6}},
                     bank_account_fields);
    CHECK(bank_account_completeness(std::nullopt) == 0);
    CHECK(bank_account_completeness(b) == 100);
}

TEST_CASE("list sections: 0 when empty, else the mean of their records") {
    CHECK(skills_completeness({}) == 0);
    CHECK(qualifications_completeness({}) == 0);
    CHECK(careers_completeness({}) == 0);
    CHECK(hobbies_completeness({}) == 0);
    CHECK(company_completeness({}) == 0);
    Hobby full{{}, "写真", "風景", true};
    Hobby half{{}, "釣り", "", true};
    CHECK(hobbies_completeness({full}) == 100);
    CHECK(hobbies_completeness({full, half}) == 75);
    Skill s1{{}, "C++", 3, 5, ""};  // 2 of 3 = 66
    CHECK(skills_completeness({s1}) == 66);
}

TEST_CASE("identity and NDA sections") {
    struct Case {
        std::vector<VerificationStatus> statuses;
        bool with_pages;
        int expected;
    };
    const std::vector<Case> cases{
        {{}, true, 0},
        {{VerificationStatus::not_submitted}, false, 0},
        {{VerificationStatus::not_submitted}, true, 50},  // captured, not yet sent
        {{VerificationStatus::pending}, true, 50},
        {{VerificationStatus::rejected}, true, 0},
        {{VerificationStatus::rejected, VerificationStatus::pending}, true, 50},
        {{VerificationStatus::pending, VerificationStatus::verified}, true, 100},
    };
    for (const auto& c : cases) {
        std::vector<IdentityDocument> docs;
        for (auto st : c.statuses) {
            IdentityDocument d;
            d.status = st;
            if (c.with_pages) d.pages.push_back({"front", "f", ""});
            docs.push_back(d);
        }
        CHECK(identity_completeness(docs) == c.expected);
    }
    CHECK(nda_completeness(true) == 100);
    CHECK(nda_completeness(false) == 0);
}
