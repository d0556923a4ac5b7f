// Record validators: a valid record passes; each broken field is reported
// under its struct member name; normalizers turn typed input into stored form.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <string>

#include "data/rules/validate_records.hpp"

using namespace madoguchi;

namespace {

const ValidationContext kCtx{CivilDate{2026, 11, 26}};

bool has_field(const Errors& errors, std::string_view field) {
    return std::any_of(errors.begin(), errors.end(), [&](const Error& e) { return e.field == field; });
}

std::string fields_of(const Errors& errors) {
    std::string out;
    for (const auto& e : errors) out += e.field + "(" + e.code + ") ";
    return out;
}

Profile valid_profile() {
    Profile p;
    p.username = "taro2026";
    p.nickname = "たろう";
    p.self_introduction = "事務経験10年です。\nよろしくお願いします。";
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
    p.show_age_bracket = true;
    p.preferred_prefecture = "22";
    p.preferred_municipality = "221309";
    p.hometown = "静岡県";
    p.schools = "静岡大学";
    return p;
}

template <typename T>
struct FieldCase {
    const char* field;
    std::function<void(T&)> breaks;
};

}  // namespace

TEST_CASE("a valid profile passes") {
    const Errors e = validate_profile(valid_profile(), kCtx);
    CHECK_MESSAGE(e.empty(), fields_of(e));
    Profile minimal;
    minimal.nickname = "n";
    minimal.family_name = "山田";
    minimal.given_name = "花子";
    minimal.family_name_kana = "ヤマダ";
    minimal.given_name_kana = "ハナコ";
    CHECK_MESSAGE(validate_profile(minimal, kCtx).empty(), fields_of(validate_profile(minimal, kCtx)));
}

TEST_CASE("each broken profile field is reported under its member name") {
    const FieldCase<Profile> cases[] = {
        {"username", [](Profile& p) { p.username = "Taro"; }},
        {"nickname", [](Profile& p) { p.nickname = ""; }},
        {"nickname", [](Profile& p) { p.nickname = std::string(31, 'x'); }},
        {"nickname", [](Profile& p) { p.nickname = "😀"; }},
        {"self_introduction", [](Profile& p) { p.self_introduction = std::string(2001, 'x'); }},
        {"self_introduction", [](Profile& p) { p.self_introduction = std::string("a\0b", 3); }},
        {"family_name", [](Profile& p) { p.family_name = "\u3000"; }},
        {"given_name", [](Profile& p) { p.given_name = "𠮷"; }},
        {"family_name_kana", [](Profile& p) { p.family_name_kana = "やまだ"; }},
        {"given_name_kana", [](Profile& p) { p.given_name_kana = "太郎"; }},
        {"given_name_kana", [](Profile& p) { p.given_name_kana = ""; }},
        {"birth_date",
         [](Profile& p) {
             p.birth_date = {1990, 2, 30};
         }},
        {"birth_date",
         [](Profile& p) {
             p.birth_date = {2030, 1, 1};
         }},
        {"birth_date",
         [](Profile& p) {
             p.birth_date = {2015, 1, 1};
         }},
        {"postal_code", [](Profile& p) { p.postal_code = "100-0001"; }},
        {"prefecture", [](Profile& p) { p.prefecture = "東京"; }},
        {"city", [](Profile& p) { p.city = std::string(51, 'x'); }},
        {"address_line", [](Profile& p) { p.address_line = "1-1\n2"; }},
        {"phone", [](Profile& p) { p.phone = "090-1234-5678"; }},
        {"phone", [](Profile& p) { p.phone = "0201234567"; }},
        {"hourly_rate_yen", [](Profile& p) { p.hourly_rate_yen = 0; }},
        {"hourly_rate_yen", [](Profile& p) { p.hourly_rate_yen = 1000000; }},
        {"show_age_bracket", [](Profile& p) { p.birth_date = {}; }},
        {"preferred_prefecture",
         [](Profile& p) {
             p.preferred_prefecture = "48";
             p.preferred_municipality.clear();
         }},
        {"preferred_municipality",
         [](Profile& p) { p.preferred_municipality = "131016"; }},  // 東京都 code under 静岡県
        {"preferred_municipality", [](Profile& p) { p.preferred_municipality = "22130"; }},
        {"hometown", [](Profile& p) { p.hometown = std::string(51, 'x'); }},
        {"schools", [](Profile& p) { p.schools = std::string(201, 'x'); }},
        {"photo_file_id", [](Profile& p) { p.photo_file_id = std::string(129, 'f'); }},
    };
    for (const auto& c : cases) {
        INFO(c.field);
        Profile p = valid_profile();
        c.breaks(p);
        const Errors e = validate_profile(p, kCtx);
        CHECK_MESSAGE(has_field(e, c.field), fields_of(e));
        CHECK(e.size() == 1);
        for (const auto& err : e) {
            CHECK_FALSE(err.code.empty());
            CHECK_FALSE(err.message_ja.empty());
            CHECK_FALSE(err.message_en.empty());
        }
    }
}

TEST_CASE("profile normalization turns typed input into the stored form") {
    Profile p = valid_profile();
    p.family_name_kana = "ｺｱｺﾝｼｪﾙ";
    p.given_name_kana = "たろう";
    p.postal_code = "〒１００−０００１";
    p.phone = "０９０−１２３４−５６７８";
    p.username = "Taro2026";
    p.family_name = "コアコンシェル";  // names are kept exactly as typed
    const Errors n = normalize_profile_fields(p);
    CHECK_MESSAGE(n.empty(), fields_of(n));
    CHECK(p.family_name_kana == "コアコンシェル");
    CHECK(p.given_name_kana == "タロウ");
    CHECK(p.postal_code == "1000001");
    CHECK(p.phone == "09012345678");
    CHECK(p.username == "taro2026");
    CHECK(validate_profile(p, kCtx).empty());

    Profile bad = valid_profile();
    bad.postal_code = "12";
    bad.phone = "abc";
    bad.given_name_kana = "太郎";
    const Errors e = normalize_profile_fields(bad);
    CHECK(has_field(e, "postal_code"));
    CHECK(has_field(e, "phone"));
    CHECK(has_field(e, "given_name_kana"));
    CHECK(bad.postal_code == "12");  // left as typed
}

TEST_CASE("skills") {
    Skill s;
    s.name = "エクセル";
    s.level = 3;
    s.years_experience = 5;
    s.notes = "関数・ピボット";
    CHECK(validate_skill(s).empty());
    const FieldCase<Skill> cases[] = {
        {"name", [](Skill& x) { x.name = ""; }},
        {"name", [](Skill& x) { x.name = std::string(51, 'x'); }},
        {"level", [](Skill& x) { x.level = 0; }},
        {"level", [](Skill& x) { x.level = 6; }},
        {"years_experience", [](Skill& x) { x.years_experience = -1; }},
        {"years_experience", [](Skill& x) { x.years_experience = 61; }},
        {"notes", [](Skill& x) { x.notes = std::string(501, 'x'); }},
    };
    for (const auto& c : cases) {
        INFO(c.field);
        Skill x = s;
        c.breaks(x);
        const Errors e = validate_skill(x);
        CHECK_MESSAGE(has_field(e, c.field), fields_of(e));
    }
}

TEST_CASE("qualifications") {
    Qualification q;
    q.name = "日商簿記検定";
    q.issuer = "日本商工会議所";
    q.acquired = {2020, 6};
    q.score_or_grade = "2級";
    CHECK(validate_qualification(q, kCtx).empty());
    const FieldCase<Qualification> cases[] = {
        {"name", [](Qualification& x) { x.name = " "; }},
        {"acquired", [](Qualification& x) { x.acquired = {}; }},
        {"acquired",
         [](Qualification& x) {
             x.acquired = {2027, 1};
         }},
        {"acquired",
         [](Qualification& x) {
             x.acquired = {2020, 0};
         }},
        {"expires",
         [](Qualification& x) {
             x.expires = {2019, 1};
         }},
        {"expires",
         [](Qualification& x) {
             x.expires = {2030, 13};
         }},
        {"score_or_grade", [](Qualification& x) { x.score_or_grade = std::string(31, '9'); }},
        {"certificate_number", [](Qualification& x) { x.certificate_number = std::string(51, '9'); }},
        {"issuer", [](Qualification& x) { x.issuer = "\x80"; }},
    };
    for (const auto& c : cases) {
        INFO(c.field);
        Qualification x = q;
        c.breaks(x);
        const Errors e = validate_qualification(x, kCtx);
        CHECK_MESSAGE(has_field(e, c.field), fields_of(e));
    }
    q.expires = {2030, 6};
    CHECK(validate_qualification(q, kCtx).empty());
}

TEST_CASE("career entries") {
    Career c;
    c.category = "事務";
    c.period_from = {2015, 4};
    c.period_to = {2020, 3};
    c.company_name = "株式会社コアコンシェル";
    c.duties = "経理\n総務";
    c.company_url = "https://example.co.jp";
    c.role = "リーダー";
    c.environment = "Excel, Word";
    c.team_size = 5;
    c.attachments.push_back({"f1", "職務経歴書.pdf", "application/pdf"});
    CHECK_MESSAGE(validate_career(c, kCtx).empty(), fields_of(validate_career(c, kCtx)));
    Career current = c;
    current.period_to = {};  // 現在
    CHECK(validate_career(current, kCtx).empty());
    const FieldCase<Career> cases[] = {
        {"category", [](Career& x) { x.category = ""; }},
        {"period_from", [](Career& x) { x.period_from = {}; }},
        {"period_from",
         [](Career& x) {
             x.period_from = {2027, 1};
         }},
        {"period_to",
         [](Career& x) {
             x.period_to = {2014, 1};
         }},
        {"period_to",
         [](Career& x) {
             x.period_to = {2030, 1};
         }},
        {"company_name", [](Career& x) { x.company_name = std::string(101, 'x'); }},
        {"duties", [](Career& x) { x.duties = std::string(2001, 'x'); }},
        {"company_url", [](Career& x) { x.company_url = "example.co.jp"; }},
        {"company_url", [](Career& x) { x.company_url = "javascript:alert(1)"; }},
        {"team_size", [](Career& x) { x.team_size = 0; }},
        {"attachments", [](Career& x) { x.attachments[0].mime_type = "application/x-msdownload"; }},
        {"attachments", [](Career& x) { x.attachments[0].file_name = "../../etc/passwd"; }},
        {"attachments", [](Career& x) { x.attachments[0].file_id = ""; }},
        {"attachments", [](Career& x) { x.attachments.resize(11, x.attachments[0]); }},
    };
    for (const auto& fc : cases) {
        INFO(fc.field);
        Career x = c;
        fc.breaks(x);
        const Errors e = validate_career(x, kCtx);
        CHECK_MESSAGE(has_field(e, fc.field), fields_of(e));
    }
    Career typed = c;
    typed.company_url = "ｅｘａｍｐｌｅ．ｃｏ．ｊｐ";
    CHECK(normalize_career_fields(typed).empty());
    CHECK(typed.company_url == "https://example.co.jp");
}

TEST_CASE("hobbies") {
    Hobby h{{}, "釣り", "週末に海釣り", true};
    CHECK(validate_hobby(h).empty());
    h.name = "";
    CHECK(has_field(validate_hobby(h), "name"));
    h.name = "釣り🎣";
    CHECK(has_field(validate_hobby(h), "name"));
    h.name = "釣り";
    h.comment = std::string(501, 'x');
    CHECK(has_field(validate_hobby(h), "comment"));
}

TEST_CASE("companies") {
    Company c;
    c.url_slug = "coreconcierge";
    c.name = "株式会社コアコンシェル";
    c.description = "人材サービス";
    c.postal_code = "1000001";
    c.address = "東京都千代田区千代田1-1";
    c.phone = "0312345678";
    c.email = "info@example.co.jp";
    CHECK_MESSAGE(validate_company(c).empty(), fields_of(validate_company(c)));
    const FieldCase<Company> cases[] = {
        {"url_slug", [](Company& x) { x.url_slug = "コア"; }},
        {"url_slug", [](Company& x) { x.url_slug = ""; }},
        {"name", [](Company& x) { x.name = ""; }},
        {"description", [](Company& x) { x.description = std::string(2001, 'x'); }},
        {"postal_code", [](Company& x) { x.postal_code = "100"; }},
        {"address", [](Company& x) { x.address = std::string(201, 'x'); }},
        {"phone", [](Company& x) { x.phone = "03-1234-5678"; }},
        {"email", [](Company& x) { x.email = "info@"; }},
    };
    for (const auto& fc : cases) {
        INFO(fc.field);
        Company x = c;
        fc.breaks(x);
        const Errors e = validate_company(x);
        CHECK_MESSAGE(has_field(e, fc.field), fields_of(e));
    }
    Company typed = c;
    typed.url_slug = "ＣｏｒｅＣｏｎｃｉｅｒｇｅ";
    typed.phone = "03-1234-5678";
    typed.postal_code = "100-0001";
    typed.email = "Info@Example.co.jp";
    CHECK(normalize_company_fields(typed).empty());
    CHECK(typed.url_slug == "coreconcierge");
    CHECK(typed.phone == "0312345678");
    CHECK(typed.email == "Info@example.co.jp");
    CHECK(validate_company(typed).empty());
}

TEST_CASE("bank accounts (without the data set)") {
    BankAccount b;
    b.bank_code = "9900";
    b.bank_name = "ゆうちょ";
    b.branch_code = "738";
    b.branch_name = "七三八";
    b.type = AccountType::ordinary;
    b.account_number = "1992765";
    b.holder_name_kana = "ﾔﾏﾀﾞ ﾀﾛｳ";
    CHECK_MESSAGE(validate_bank_account(b).empty(), fields_of(validate_bank_account(b)));
    const FieldCase<BankAccount> cases[] = {
        {"bank_code", [](BankAccount& x) { x.bank_code = "990"; }},
        {"branch_code", [](BankAccount& x) { x.branch_code = "7380"; }},
        {"bank_name", [](BankAccount& x) { x.bank_name = ""; }},
        {"branch_name", [](BankAccount& x) { x.branch_name = ""; }},
        {"type", [](BankAccount& x) { x.type = static_cast<AccountType>(3); }},
        {"account_number", [](BankAccount& x) { x.account_number = "12345"; }},
        {"holder_name_kana", [](BankAccount& x) { x.holder_name_kana = "ヤマダ タロウ"; }},
        {"holder_name_kana", [](BankAccount& x) { x.holder_name_kana = "山田太郎"; }},
        {"holder_name_kana", [](BankAccount& x) { x.holder_name_kana = ""; }},
    };
    for (const auto& fc : cases) {
        INFO(fc.field);
        BankAccount x = b;
        fc.breaks(x);
        const Errors e = validate_bank_account(x);
        CHECK_MESSAGE(has_field(e, fc.field), fields_of(e));
    }
    BankAccount typed = b;
    typed.account_number = "１２３４";
    typed.holder_name_kana = "やまだ　たろう";
    CHECK(normalize_bank_account_fields(typed).empty());
    CHECK(typed.account_number == "0001234");
    CHECK(typed.holder_name_kana == "ﾔﾏﾀﾞ ﾀﾛｳ");
}

TEST_CASE("NDA agreements") {
    NdaAgreement n;
    n.text_version = "2026-11-01";
    n.text_sha256 = std::string(64, 'a');
    n.language = "ja";
    n.typed_name = "山田 太郎";
    n.signature_file_id = "sig-1";
    n.agreed_at_ms = 1764000000000;
    CHECK(validate_nda_agreement(n).empty());
    const FieldCase<NdaAgreement> cases[] = {
        {"text_version", [](NdaAgreement& x) { x.text_version = ""; }},
        {"text_sha256", [](NdaAgreement& x) { x.text_sha256 = std::string(64, 'A'); }},
        {"text_sha256", [](NdaAgreement& x) { x.text_sha256 = "abc"; }},
        {"language", [](NdaAgreement& x) { x.language = "fr"; }},
        {"typed_name", [](NdaAgreement& x) { x.typed_name = ""; }},
        {"typed_name", [](NdaAgreement& x) { x.typed_name = std::string(61, 'x'); }},
        {"signature_file_id", [](NdaAgreement& x) { x.signature_file_id = ""; }},
        {"agreed_at_ms", [](NdaAgreement& x) { x.agreed_at_ms = 0; }},
    };
    for (const auto& fc : cases) {
        INFO(fc.field);
        NdaAgreement x = n;
        fc.breaks(x);
        const Errors e = validate_nda_agreement(x);
        CHECK_MESSAGE(has_field(e, fc.field), fields_of(e));
    }
}

TEST_CASE("sign-up, e-mail change and password change") {
    SignUpRequest s{"taro2026", "taro@example.jp", "Sakura#2026", "Sakura#2026", true};
    CHECK(validate_sign_up(s).empty());
    const FieldCase<SignUpRequest> cases[] = {
        {"username", [](SignUpRequest& x) { x.username = "ta"; }},
        {"email", [](SignUpRequest& x) { x.email = "taro"; }},
        {"password", [](SignUpRequest& x) { x.password = x.password_confirm = "short"; }},
        {"password", [](SignUpRequest& x) { x.password = x.password_confirm = "taro2026abc"; }},
        {"password_confirm", [](SignUpRequest& x) { x.password_confirm = "Sakura#2025"; }},
        {"consented_purpose_of_use", [](SignUpRequest& x) { x.consented_purpose_of_use = false; }},
    };
    for (const auto& fc : cases) {
        INFO(fc.field);
        SignUpRequest x = s;
        fc.breaks(x);
        const Errors e = validate_sign_up(x);
        CHECK_MESSAGE(has_field(e, fc.field), fields_of(e));
    }
    SignUpRequest typed{"Ｔａｒｏ２０２６", "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "Sakura#2026", "Sakura#2026",
                        true};
    CHECK(normalize_sign_up_fields(typed).empty());
    CHECK(validate_sign_up(typed).empty());

    EmailChangeRequest ec{{}, "new@example.jp", "new@example.jp"};
    CHECK(validate_email_change(ec).empty());
    ec.new_email_confirm = "ｎｅｗ＠ｅｘａｍｐｌｅ．ｊｐ";  // same address typed full-width
    CHECK(validate_email_change(ec).empty());
    ec.new_email_confirm = "other@example.jp";
    CHECK(has_field(validate_email_change(ec), "new_email_confirm"));
    ec.new_email = "bad";
    CHECK(has_field(validate_email_change(ec), "new_email"));
    EmailChangeRequest typed_ec{{}, "New@EXAMPLE.jp", "New@example.jp"};
    CHECK(normalize_email_change_fields(typed_ec).empty());
    CHECK(validate_email_change(typed_ec).empty());

    PasswordChangeRequest pc{"Old#pass2025", "Sakura#2026", "Sakura#2026"};
    CHECK(validate_password_change(pc).empty());
    PasswordChangeRequest same{"Sakura#2026", "Sakura#2026", "Sakura#2026"};
    CHECK(has_field(validate_password_change(same), "new_password"));
    PasswordChangeRequest no_current{"", "Sakura#2026", "Sakura#2026"};
    CHECK(has_field(validate_password_change(no_current), "current_password"));
    PasswordChangeRequest mismatch{"Old#pass2025", "Sakura#2026", "Sakura#2027"};
    CHECK(has_field(validate_password_change(mismatch), "new_password_confirm"));
    PasswordChangeRequest weak{"Old#pass2025", "password1", "password1"};
    CHECK(has_field(validate_password_change(weak), "new_password"));
}

TEST_CASE("accounts") {
    CHECK(validate_account(Account{{}, "taro2026", "taro@example.jp", "R-1"}).empty());
    CHECK(has_field(validate_account(Account{{}, "Taro", "taro@example.jp", ""}), "username"));
    CHECK(has_field(validate_account(Account{{}, "taro2026", "...@example.jp", ""}), "email"));
}

TEST_CASE("identity documents (JAPAN.md accepted documents)") {
    const std::string hash(64, 'b');
    IdentityDocument license;
    license.user_client_id = "u-1";
    license.captured_by_staff = "staff-1";
    license.type = DocumentType::drivers_license;
    license.pages = {{"front", "f1", hash}, {"back", "f2", hash}};
    CHECK_MESSAGE(validate_identity_document(license).empty(),
                  fields_of(validate_identity_document(license)));

    struct Case {
        const char* name;
        const char* code;
        std::function<void(IdentityDocument&)> change;
    };
    const Case cases[] = {
        {"license front only", "identity.both_sides", [](IdentityDocument& d) { d.pages.pop_back(); }},
        {"no pages", "identity.no_pages", [](IdentityDocument& d) { d.pages.clear(); }},
        {"bad hash", "identity.page", [](IdentityDocument& d) { d.pages[0].sha256 = "xyz"; }},
        {"no staff", "text.required", [](IdentityDocument& d) { d.captured_by_staff = ""; }},
        {"new passport", "identity.passport_too_new",
         [](IdentityDocument& d) {
             d.type = DocumentType::passport;
             d.passport_issued = {2020, 2, 4};
         }},
        {"passport without date", "identity.passport_issued",
         [](IdentityDocument& d) { d.type = DocumentType::passport; }},
        {"my number back", "identity.my_number_back",
         [](IdentityDocument& d) { d.type = DocumentType::my_number_card_front; }},
        {"rejected without reason", "identity.rejection_reason",
         [](IdentityDocument& d) { d.status = VerificationStatus::rejected; }},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        IdentityDocument d = license;
        c.change(d);
        const Errors e = validate_identity_document(d);
        CHECK_MESSAGE(std::any_of(e.begin(), e.end(), [&](const Error& x) { return x.code == c.code; }),
                      fields_of(e));
    }
    IdentityDocument old_passport = license;
    old_passport.type = DocumentType::passport;
    old_passport.passport_issued = {2020, 2, 3};
    old_passport.pages = {{"page1", "p1", hash}, {"address", "p2", hash}};
    CHECK(validate_identity_document(old_passport).empty());
    IdentityDocument my_number_front = license;
    my_number_front.type = DocumentType::my_number_card_front;
    my_number_front.pages = {{"front", "f1", hash}};
    CHECK(validate_identity_document(my_number_front).empty());
    // Any page but the front may be the back with the number (the server's
    // stricter reading, now the one rule).
    IdentityDocument my_number_other = my_number_front;
    my_number_other.pages.push_back({"page2", "f2", hash});
    const Errors other = check_identity_document_compliance(my_number_other);
    CHECK(std::any_of(other.begin(), other.end(),
                      [](const Error& x) { return x.code == "identity.my_number_back"; }));
    // The compliance points alone ask nothing of what the kiosk records.
    IdentityDocument bare;
    bare.type = DocumentType::residence_card;
    bare.pages = {{"front", "f1", ""}};
    CHECK(check_identity_document_compliance(bare).empty());
    CHECK_FALSE(validate_identity_document(bare).empty());
}
