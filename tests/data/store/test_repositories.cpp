// Every repository: save/update/remove write the record and the right outbox
// operation together; owners never see each other's records.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "data/crypto/uuid.hpp"
#include "tests/data/store/temp_store.hpp"

using namespace madoguchi;
using madoguchi::testing::TempStore;

namespace {

std::vector<OutboxRow> pending(Store& s) {
    auto rows = s.outbox().list(OutboxState::pending);
    REQUIRE(rows.ok());
    return *rows;
}

Profile sample_profile() {
    Profile p;
    p.nickname = "たろう";
    p.family_name = "山田";
    p.given_name = "太郎";
    p.family_name_kana = "ヤマダ";
    p.given_name_kana = "タロウ";
    p.birth_date = {1990, 4, 1};
    p.postal_code = "1000001";
    p.prefecture = "東京都";
    p.city = "千代田区";
    p.town = "千代田";
    p.phone = "09012345678";
    p.hourly_rate_yen = 3000;
    p.weekly_hours = WeeklyHours::h20_to_30;
    return p;
}

}  // namespace

TEST_CASE("profile: save is an upsert queued as profile.put, read back whole") {
    TempStore t;
    const std::string owner = make_uuid_v4();
    auto saved = t->profiles().save(owner, sample_profile());
    REQUIRE(saved.ok());
    CHECK(is_uuid(saved->meta.client_id));
    CHECK(saved->meta.local_id > 0);
    CHECK(saved->meta.sync_state == SyncState::pending);
    CHECK(saved->meta.created_at_ms == t.now_ms);

    auto got = t->profiles().get(owner);
    REQUIRE(got.ok());
    REQUIRE(got->has_value());
    CHECK((*got)->family_name == "山田");
    CHECK((*got)->birth_date == CivilDate{1990, 4, 1});
    CHECK((*got)->hourly_rate_yen == 3000);
    CHECK((*got)->weekly_hours == WeeklyHours::h20_to_30);

    t.now_ms += 1000;
    Profile changed = **got;
    changed.meta.client_id.clear();  // singleton: the stored client id is kept anyway
    changed.nickname = "タロ";
    auto again = t->profiles().save(owner, changed);
    REQUIRE(again.ok());
    CHECK(again->meta.client_id == saved->meta.client_id);
    CHECK(again->meta.local_id == saved->meta.local_id);
    CHECK(again->meta.created_at_ms == saved->meta.created_at_ms);
    CHECK(again->meta.updated_at_ms == t.now_ms);

    auto rows = pending(*t);
    REQUIRE(rows.size() == 2);
    for (const auto& r : rows) {
        CHECK(r.operation == "profile.put");
        CHECK(r.entity_type == "profile");
        CHECK(r.entity_client_id == saved->meta.client_id);
        CHECK(r.owner_client_id == owner);
        CHECK(is_uuid(r.idempotency_key));
    }
    CHECK(rows[0].idempotency_key != rows[1].idempotency_key);
    CHECK(nlohmann::json::parse(rows[1].payload).at("nickname") == "タロ");
    CHECK(nlohmann::json::parse(rows[0].payload).at("nickname") == "たろう");
}

TEST_CASE("collections: create, update, remove queue create/update/delete for each type") {
    TempStore t;
    const std::string owner = make_uuid_v4();

    Skill sk;
    sk.name = "C++";
    sk.level = 4;
    sk.years_experience = 8;
    Qualification q;
    q.name = "基本情報技術者";
    q.acquired = {2015, 10};
    Career c;
    c.company_name = "株式会社テスト";
    c.period_from = {2018, 4};
    c.team_size = 5;
    Hobby h;
    h.name = "将棋";
    h.show_on_profile = false;
    Company co;
    co.name = "テスト商事";
    co.url_slug = "test-shoji";

    auto s1 = t->skills().save(owner, sk);
    auto q1 = t->qualifications().save(owner, q);
    auto c1 = t->careers().save(owner, c);
    auto h1 = t->hobbies().save(owner, h);
    auto co1 = t->companies().save(owner, co);
    REQUIRE((s1.ok() && q1.ok() && c1.ok() && h1.ok() && co1.ok()));

    Skill sk2 = *s1;
    sk2.level = 5;
    REQUIRE(t->skills().update(owner, sk2).ok());
    Hobby h2 = *h1;
    h2.comment = "四段";
    REQUIRE(t->hobbies().update(owner, h2).ok());
    Qualification q2 = *q1;
    q2.score_or_grade = "合格";
    REQUIRE(t->qualifications().update(owner, q2).ok());
    Career c2 = *c1;
    c2.role = "リーダー";
    REQUIRE(t->careers().update(owner, c2).ok());
    Company co2 = *co1;
    co2.description = "説明";
    REQUIRE(t->companies().update(owner, co2).ok());
    REQUIRE(t->skills().remove(owner, s1->meta.client_id).ok());
    REQUIRE(t->hobbies().remove(owner, h1->meta.client_id).ok());

    std::vector<std::string> ops;
    for (const auto& r : pending(*t)) ops.push_back(r.operation);
    const std::vector<std::string> expected = {
        "skill.create",  "qualification.create", "career.create",  "hobby.create",
        "company.create", "skill.update",        "hobby.update",   "qualification.update",
        "career.update", "company.update",       "skill.delete",   "hobby.delete"};
    CHECK(ops == expected);

    CHECK(t->skills().list(owner)->empty());
    CHECK(t->hobbies().list(owner)->empty());
    auto quals = t->qualifications().list(owner);
    REQUIRE(quals->size() == 1);
    CHECK(quals->front().score_or_grade == "合格");
    CHECK(quals->front().acquired == YearMonth{2015, 10});
    auto careers = t->careers().list(owner);
    REQUIRE(careers->size() == 1);
    CHECK(careers->front().role == "リーダー");
    CHECK(careers->front().team_size == 5);
    CHECK(t->companies().get(owner, co1->meta.client_id)->value().description == "説明");

    auto del = pending(*t).back();
    CHECK(nlohmann::json::parse(del.payload) == nlohmann::json{{"client_id", h1->meta.client_id}});
}

TEST_CASE("update and remove of a missing record fail without queueing anything") {
    TempStore t;
    const std::string owner = make_uuid_v4();
    Skill sk;
    sk.meta.client_id = make_uuid_v4();
    auto u = t->skills().update(owner, sk);
    REQUIRE_FALSE(u.ok());
    CHECK(u.error().code == "store.not_found");
    CHECK_FALSE(t->skills().remove(owner, sk.meta.client_id).ok());
    Skill fresh;
    auto no_id = t->skills().update(owner, fresh);
    CHECK_FALSE(no_id.ok());
    CHECK(pending(*t).empty());
    auto first = t->skills().save(owner, sk);
    REQUIRE(first.ok());
    auto dup = t->skills().save(owner, sk);  // same client id again
    REQUIRE_FALSE(dup.ok());
    CHECK(dup.error().code == "store.duplicate");
    CHECK(pending(*t).size() == 1);
}

TEST_CASE("owner scoping: one user's records are invisible and untouchable for another") {
    TempStore t;
    const std::string alice = make_uuid_v4();
    const std::string bob = make_uuid_v4();
    Skill sk;
    sk.name = "alice-secret-skill";
    auto a = t->skills().save(alice, sk);
    REQUIRE(a.ok());
    REQUIRE(t->profiles().save(alice, sample_profile()).ok());
    BankAccount ba;
    ba.account_number = "1234567";
    REQUIRE(t->bank_accounts().save(alice, ba).ok());

    CHECK(t->skills().list(bob)->empty());
    CHECK_FALSE(t->skills().get(bob, a->meta.client_id)->has_value());
    CHECK_FALSE(t->profiles().get(bob)->has_value());
    CHECK_FALSE(t->bank_accounts().get(bob)->has_value());

    Skill stolen = *a;
    stolen.name = "overwritten by bob";
    CHECK_FALSE(t->skills().update(bob, stolen).ok());
    CHECK_FALSE(t->skills().remove(bob, a->meta.client_id).ok());
    CHECK_FALSE(t->skills().save(bob, stolen).ok());  // same client id: refused, not re-owned
    CHECK(t->skills().get(alice, a->meta.client_id)->value().name == "alice-secret-skill");
}

TEST_CASE("files: a record may reference only its owner's files") {
    TempStore t;
    const std::string alice = make_uuid_v4();
    const std::string bob = make_uuid_v4();
    const std::vector<std::uint8_t> photo = {1, 2, 3, 4};
    auto alice_file = t->files().put(alice, photo);
    REQUIRE(alice_file.ok());

    Profile p = sample_profile();
    p.photo_file_id = *alice_file;
    auto stolen = t->profiles().save(bob, p);
    REQUIRE_FALSE(stolen.ok());
    CHECK(stolen.error().code == "store.file_not_found");
    CHECK_FALSE(t->files().read(*alice_file, bob).ok());
    CHECK_FALSE(t->profiles().get(bob)->has_value());

    auto mine = t->profiles().save(alice, p);
    REQUIRE(mine.ok());
    auto rows = pending(*t);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].file_ids == std::vector<std::string>{*alice_file});
    CHECK(*t->files().read(*alice_file, alice) == photo);
}

TEST_CASE("account, bank account, NDA, email change, identity document") {
    TempStore t;
    Account acc;
    acc.username = "yamada_taro";
    acc.email = "taro@example.jp";
    SignUpRequest req;
    req.username = acc.username;
    req.email = acc.email;
    req.password = "correct horse battery staple";
    req.password_confirm = req.password;
    req.consented_purpose_of_use = true;
    auto a = t->accounts().create(acc, req);
    REQUIRE(a.ok());
    const std::string owner = a->meta.client_id;
    auto got = t->accounts().get(owner);
    REQUIRE(got->has_value());
    CHECK((*got)->username == "yamada_taro");

    BankAccount ba;
    ba.bank_code = "0001";
    ba.branch_code = "001";
    ba.type = AccountType::savings;
    ba.account_number = "0012345";
    ba.holder_name_kana = "ﾔﾏﾀﾞ ﾀﾛｳ";
    REQUIRE(t->bank_accounts().save(owner, ba).ok());
    auto bank = t->bank_accounts().get(owner);
    REQUIRE(bank->has_value());
    CHECK((*bank)->account_number == "0012345");
    CHECK((*bank)->type == AccountType::savings);

    auto sig = t->files().put(owner, std::vector<std::uint8_t>{0x89, 'P', 'N', 'G'});
    REQUIRE(sig.ok());
    NdaAgreement nda;
    nda.text_version = "2026-11-01";
    nda.typed_name = "山田太郎";
    nda.signature_file_id = *sig;
    nda.agreed_at_ms = 1234;
    REQUIRE(t->nda_agreements().save(owner, nda).ok());
    CHECK(t->nda_agreements().list(owner)->front().signature_file_id == *sig);

    EmailChangeRequest ec;
    ec.new_email = "new@example.jp";
    ec.new_email_confirm = ec.new_email;
    REQUIRE(t->email_changes().save(owner, ec).ok());

    auto front = t->files().put(owner, std::vector<std::uint8_t>(1000, 7));
    REQUIRE(front.ok());
    IdentityDocument doc;
    doc.user_client_id = owner;
    doc.type = DocumentType::drivers_license;
    doc.pages = {{"front", *front, "abc"}};
    doc.captured_by_staff = "staff-7";
    auto d = t->identity_documents().save(doc);
    REQUIRE(d.ok());
    IdentityDocument orphan;
    CHECK_FALSE(t->identity_documents().save(orphan).ok());  // needs its registrant
    REQUIRE(t->bank_accounts().remove(owner).ok());
    CHECK_FALSE(t->bank_accounts().get(owner)->has_value());

    std::vector<std::string> ops;
    for (const auto& r : pending(*t)) ops.push_back(r.operation);
    const std::vector<std::string> expected = {"account.create",       "bank_account.put",
                                               "nda_agreement.create", "email_change.request",
                                               "identity_document.upload", "bank_account.delete"};
    CHECK(ops == expected);
    auto rows = pending(*t);
    auto create = nlohmann::json::parse(rows[0].payload);
    CHECK(create.at("username") == "yamada_taro");
    CHECK(create.at("sign_up").at("password") == "correct horse battery staple");
    CHECK(rows[2].file_ids == std::vector<std::string>{*sig});
    CHECK(rows[4].file_ids == std::vector<std::string>{*front});
    CHECK(rows[4].owner_client_id == owner);
}

TEST_CASE("hostile input is stored verbatim and harmlessly") {
    TempStore t;
    const std::string owner = make_uuid_v4();
    const std::vector<std::string> hostile = {
        "'); DROP TABLE records; --",
        "\" OR 1=1 --",
        std::string(10'000, 'A'),
        std::string("nul\0inside", 10),
        "\xc3\x28\xa0\xa1\xff",  // invalid UTF-8
        "山田\u200b太郎\U00020BB7",
        "<script>alert(1)</script>",
    };
    std::vector<std::string> ids;
    for (const auto& text : hostile) {
        Hobby h;
        h.name = text;
        h.comment = text + text;
        auto saved = t->hobbies().save(owner, h);
        // Invalid UTF-8 cannot travel as JSON: it must be refused with an
        // Error (never a crash, never a silently altered value).
        if (text == "\xc3\x28\xa0\xa1\xff") {
            REQUIRE_FALSE(saved.ok());
            CHECK(saved.error().code == "store.invalid_text");
            continue;
        }
        REQUIRE(saved.ok());
        ids.push_back(saved->meta.client_id);
        auto back = t->hobbies().get(owner, saved->meta.client_id);
        REQUIRE(back->has_value());
        CHECK((*back)->name == text);
        CHECK((*back)->comment == text + text);
    }
    CHECK(ids.size() == hostile.size() - 1);
    CHECK(pending(*t).size() == ids.size());  // the refused one queued nothing
    t.reopen();
    CHECK(t->hobbies().list(owner)->size() == ids.size());
    CHECK(*t->db().integrity_check() == "ok");
}

TEST_CASE("hostile owner ids and file ids are plain values, never SQL or paths") {
    TempStore t;
    const std::vector<std::string> owners = {"' OR '1'='1", "x'); DELETE FROM records; --", std::string("a\0b", 3),
                                             std::string(10'000, 'o')};
    for (const auto& owner : owners) {
        Skill s;
        s.name = "mine";
        REQUIRE(t->skills().save(owner, s).ok());
    }
    for (const auto& owner : owners) {
        auto list = t->skills().list(owner);
        REQUIRE(list.ok());
        CHECK(list->size() == 1);  // each sees exactly its own record
    }
    CHECK(t->skills().list("a")->empty());  // "a\0b" is not "a"
    Profile p;
    p.photo_file_id = "../../device.key";
    auto bad = t->profiles().save(owners[0], p);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == "store.file_not_found");
    CHECK(t->files().read("../../device.key", owners[0]).error().code == "crypto.file_id");
}

TEST_CASE("secrets: tokens are stored encrypted, replaced and erased") {
    TempStore t;
    CHECK_FALSE(t->secrets().get("api_token")->has_value());
    REQUIRE(t->secrets().put("api_token", "tok-1").ok());
    REQUIRE(t->secrets().put("api_token", "tok-2").ok());
    CHECK(t->secrets().get("api_token")->value() == "tok-2");
    t.reopen();
    CHECK(t->secrets().get("api_token")->value() == "tok-2");
    REQUIRE(t->secrets().erase("api_token").ok());
    CHECK_FALSE(t->secrets().get("api_token")->has_value());
}
