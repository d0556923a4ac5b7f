// End to end: the sync engine drains a real encrypted Store into the real
// reference server on 127.0.0.1, for every record type the kiosk queues,
// with files uploaded resumably and checked by SHA-256 on the server.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "net/api_reply.hpp"
#include "tests/net/kiosk_fixture.hpp"
#include "tests/net/test_certs.hpp"

using namespace madoguchi;
using namespace madoguchi::test;
using namespace std::chrono_literals;

TEST_CASE("every record type reaches the server exactly once") {
    KioskFixture k;
    Store& s = k.store();
    const Account acc = k.sign_up_offline("yamada_taro");
    const std::string owner = acc.meta.client_id;
    REQUIRE(s.begin_session(owner).ok());  // keep local data until we have looked at it

    // Files the records reference (encrypted in the FileStore).
    const auto photo = make_file_bytes(300 * 1024, 1);
    const auto attachment = make_file_bytes(5u << 20, 2);  // > one chunk: several PATCHes
    const auto logo = make_file_bytes(20 * 1024, 3);
    const auto signature = make_file_bytes(8 * 1024, 4);
    const auto id_front = make_file_bytes(700 * 1024, 5);
    const auto id_back = make_file_bytes(650 * 1024, 6);

    Profile p;
    p.photo_file_id = k.put_file(owner, photo);
    p.username = acc.username;
    p.nickname = "たろう";
    p.family_name = "山田";
    p.given_name = "太郎";
    p.family_name_kana = "ヤマダ";
    p.given_name_kana = "タロウ";
    p.birth_date = {1990, 4, 1};
    p.postal_code = "1000001";
    p.prefecture = "東京都";
    p.city = "千代田区";
    p.phone = "0312345678";
    p.hourly_rate_yen = 2000;
    REQUIRE(s.profiles().save(owner, p).ok());

    Skill sk1{{}, "C++", 4, 10, "組込み"};
    Skill sk2{{}, "SQL", 3, 5, ""};
    auto saved1 = s.skills().save(owner, sk1);
    auto saved2 = s.skills().save(owner, sk2);
    REQUIRE(saved1.ok());
    REQUIRE(saved2.ok());
    saved1->level = 5;
    REQUIRE(s.skills().update(owner, *saved1).ok());           // create then update: in order
    REQUIRE(s.skills().remove(owner, saved2->meta.client_id).ok());  // create then delete

    Qualification q;
    q.name = "基本情報技術者";
    q.issuer = "IPA";
    q.acquired = {2015, 10};
    REQUIRE(s.qualifications().save(owner, q).ok());

    Career c;
    c.category = "正社員";
    c.period_from = {2015, 4};
    c.company_name = "株式会社例";
    c.duties = "開発";
    c.role = "エンジニア";
    c.attachments.push_back({k.put_file(owner, attachment), "職務経歴書.pdf", "application/pdf"});
    REQUIRE(s.careers().save(owner, c).ok());

    Hobby h;
    h.name = "将棋";
    h.comment = "初段";
    REQUIRE(s.hobbies().save(owner, h).ok());

    Company co;
    co.name = "株式会社サンプル";
    co.url_slug = "sample" + std::to_string(randombytes_uniform(1000000));
    co.logo_file_id = k.put_file(owner, logo);
    co.postal_code = "1500001";
    REQUIRE(s.companies().save(owner, co).ok());

    BankAccount b;
    b.bank_code = "0001";
    b.bank_name = "みずほ銀行";
    b.branch_code = "001";
    b.branch_name = "東京営業部";
    b.account_number = "1234567";
    b.holder_name_kana = "ﾔﾏﾀﾞ ﾀﾛｳ";
    REQUIRE(s.bank_accounts().save(owner, b).ok());

    NdaAgreement nda;
    nda.text_version = "2026-11-01";
    nda.text_sha256 = std::string(64, 'a');
    nda.language = "ja";
    nda.typed_name = "山田太郎";
    nda.signature_file_id = k.put_file(owner, signature);
    nda.agreed_at_ms = 1764115200000;
    REQUIRE(s.nda_agreements().save(owner, nda).ok());

    EmailChangeRequest ec;
    ec.new_email = "taro.new@example.jp";
    ec.new_email_confirm = ec.new_email;
    REQUIRE(s.email_changes().save(owner, ec).ok());

    IdentityDocument doc;
    doc.user_client_id = owner;
    doc.type = DocumentType::drivers_license;
    doc.pages.push_back({"front", k.put_file(owner, id_front), sha256_hex(id_front)});
    doc.pages.push_back({"back", k.put_file(owner, id_back), ""});  // digest filled by the engine
    doc.captured_by_staff = "staff-7";
    auto saved_doc = s.identity_documents().save(doc);
    REQUIRE(saved_doc.ok());

    // A record the server rejects: dead-lettered with its message, others unaffected.
    Hobby bad;
    bad.name = std::string(300, 'x');
    REQUIRE(s.hobbies().save(owner, bad).ok());

    auto counts = s.outbox().counts();
    REQUIRE(counts.ok());
    const auto queued = counts->pending;
    CHECK(queued == 15);

    SyncEngine engine(k.engine_config(), k.store_opener(), k.event_sink());
    engine.start();
    engine.notify();
    REQUIRE(k.wait_drained(120s));
    engine.stop();
    CHECK(engine.state() == SyncEngineState::stopped);

    counts = s.outbox().counts();
    REQUIRE(counts.ok());
    CHECK(counts->pending == 0);
    CHECK(counts->sending == 0);
    CHECK(counts->dead_letter == 1);
    CHECK(counts->done == queued - 1);

    // The dead letter keeps the server's message for the UI, in Japanese too.
    auto dead = s.outbox().list(OutboxState::dead_letter);
    REQUIRE(dead.ok());
    REQUIRE(dead->size() == 1);
    CHECK(dead->at(0).operation == "hobby.create");
    const auto err = nlohmann::json::parse(dead->at(0).last_error);
    CHECK(err["http_status"].get<int>() == 422);
    CHECK_FALSE(err["message_ja"].get<std::string>().empty());
    CHECK(err["field"].get<std::string>() == "name");

    // What the server holds: exactly one of everything.
    CHECK(k.server_count("SELECT COUNT(*) FROM accounts") == 1);
    CHECK(k.server_count("SELECT COUNT(*) FROM accounts WHERE client_id='" + owner + "'") == 1);
    CHECK(k.server_count("SELECT COUNT(*) FROM records WHERE collection='profile'") == 1);
    CHECK(k.server_count("SELECT COUNT(*) FROM records WHERE collection='skills'") == 1);
    CHECK(k.server_count("SELECT COUNT(*) FROM records WHERE collection='qualifications'") == 1);
    CHECK(k.server_count("SELECT COUNT(*) FROM records WHERE collection='careers'") == 1);
    CHECK(k.server_count("SELECT COUNT(*) FROM records WHERE collection='hobbies'") == 1);
    CHECK(k.server_count("SELECT COUNT(*) FROM records WHERE collection='bank_account'") == 1);
    CHECK(k.server_count("SELECT COUNT(*) FROM records WHERE collection='nda_agreements'") == 1);
    CHECK(k.server_count("SELECT COUNT(*) FROM companies") == 1);
    CHECK(k.server_count("SELECT COUNT(*) FROM email_changes") == 1);
    CHECK(k.server_count("SELECT COUNT(*) FROM identity_documents WHERE status='pending'") == 1);
    CHECK(k.server_count("SELECT COUNT(*) FROM uploads WHERE state='complete'") == 6);
    CHECK(k.server_count("SELECT COUNT(*) FROM uploads") == 6);

    // Each uploaded file's digest on the server equals the local plaintext's.
    const std::set<std::string> expected = {sha256_hex(photo),     sha256_hex(attachment), sha256_hex(logo),
                                            sha256_hex(signature), sha256_hex(id_front),   sha256_hex(id_back)};
    const auto held = k.server_strings("SELECT sha256 FROM uploads");
    CHECK(std::set<std::string>(held.begin(), held.end()) == expected);

    // Read back through the typed API as the kiosk would.
    HttpClient http(HttpClientConfig{});
    ApiClientConfig ac{k.server().base_url(), k.device_token(), "madoguchi-staff-dev"};
    ApiClient api(http, ac);
    auto skills = api.list_skills(owner);
    REQUIRE(skills.ok());
    REQUIRE(skills->size() == 1);
    CHECK(skills->at(0).level == 5);  // the update arrived after the create
    auto profile = api.get_profile(owner);
    REQUIRE(profile.ok());
    CHECK(profile->family_name == "山田");
    CHECK(profile->photo_file_id != p.photo_file_id);  // now the server's upload id
    auto careers = api.list_careers(owner);
    REQUIRE(careers.ok());
    REQUIRE(careers->size() == 1);
    REQUIRE(careers->at(0).attachments.size() == 1);
    auto companies = api.search_companies("サンプル");
    REQUIRE(companies.ok());
    CHECK(companies->size() == 1);

    // Staff read the document page bytes: identical to what was scanned.
    auto pending = api.staff_pending_documents();
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 1);
    auto front = api.staff_document_page(saved_doc->meta.client_id, "front");
    REQUIRE(front.ok());
    CHECK(front->bytes == std::string(id_front.begin(), id_front.end()));
    CHECK(api.staff_verify_document(saved_doc->meta.client_id, "staff-7", make_idempotency_key()).ok());

    // Events reached the sink: sent rows, upload progress, the dead letter.
    const auto events = k.events();
    const auto count_kind = [&](SyncEvent::Kind kind) {
        return std::count_if(events.begin(), events.end(), [&](const SyncEvent& e) { return e.kind == kind; });
    };
    CHECK(count_kind(SyncEvent::Kind::row_sent) == queued - 1);
    CHECK(count_kind(SyncEvent::Kind::row_dead_letter) == 1);
    CHECK(count_kind(SyncEvent::Kind::upload_progress) >= 6);
    CHECK(events.back().kind == SyncEvent::Kind::state_changed);
    CHECK(events.back().state == SyncEngineState::stopped);

    // Ending the session purges the settled owner's local data... except
    // that the dead letter keeps it until staff act.
    REQUIRE(s.end_session(owner).ok());
    CHECK(s.outbox().counts()->dead_letter == 1);
}

TEST_CASE("device enrollment, sign-in and a second device's view") {
    KioskFixture k;
    Store& s = k.store();
    const Account acc = k.sign_up_offline("suzuki_hanako");
    SyncEngine engine(k.engine_config(), k.store_opener(), k.event_sink());
    engine.start();
    engine.notify();
    REQUIRE(k.wait_drained(60s));
    engine.stop();
    CHECK(s.outbox().counts()->dead_letter == 0);

    // The account exists on the server: a sign-in from another device works.
    HttpClient http(HttpClientConfig{});
    ApiClient api(http, ApiClientConfig{k.server().base_url(), "", ""});
    auto creds = api.enroll_device("kiosk-2", "madoguchi-dev", make_idempotency_key());
    REQUIRE(creds.ok());
    api.set_device_token(creds->device_token);
    auto session = api.sign_in({"suzuki_hanako", "kiosk-Passw0rd"}, make_idempotency_key());
    REQUIRE(session.ok());
    CHECK(session->account.meta.client_id == acc.meta.client_id);
    // Without the session the second device may not touch the account...
    Skill sk{{}, "Excel", 3, 2, ""};
    sk.meta.client_id = make_idempotency_key();
    auto denied = api.put_skill(acc.meta.client_id, sk, make_idempotency_key());
    REQUIRE_FALSE(denied.ok());
    CHECK(denied.failure().kind == FailureKind::forbidden);
    // ...with it, it may.
    api.set_session_token(acc.meta.client_id, session->token);
    CHECK(api.put_skill(acc.meta.client_id, sk, make_idempotency_key()).ok());
    CHECK(api.sign_out(session->token, make_idempotency_key()).ok());

    // A wrong enrollment code is refused with a classified failure.
    auto bad = api.enroll_device("kiosk-3", "wrong-code", make_idempotency_key());
    REQUIRE_FALSE(bad.ok());
    CHECK(action_for(bad.failure()) != FailureAction::retry);
}

TEST_CASE("TLS to the real server: right CA and pin drain; a wrong pin pauses before any body") {
    TempDir certs_dir;
    const TestCerts certs = make_test_certs(certs_dir.path().string());
    KioskFixture k({"--cert", certs.server_pem, "--key", certs.server_key}, "https", certs.ca_pem);
    Store& s = k.store();
    const Account acc = k.sign_up_offline("tls_user");
    Skill sk{{}, "TLS", 3, 1, ""};
    REQUIRE(s.skills().save(acc.meta.client_id, sk).ok());

    SUBCASE("wrong pin: paused, nothing reached the server") {
        auto cfg = k.engine_config();
        cfg.http.pinned_public_keys = "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        SyncEngine engine(cfg, k.store_opener(), k.event_sink());
        engine.start();
        engine.notify();
        const auto deadline = std::chrono::steady_clock::now() + 60s;
        while (engine.state() != SyncEngineState::paused && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(50ms);
        REQUIRE(engine.state() == SyncEngineState::paused);
        engine.stop();
        bool saw_pin = false;
        for (const auto& e : k.events())
            saw_pin |= e.kind == SyncEvent::Kind::state_changed && e.state == SyncEngineState::paused &&
                       e.error.code == "net.tls_pin";
        CHECK(saw_pin);
        CHECK(k.server_count("SELECT COUNT(*) FROM accounts") == 0);
        CHECK(s.outbox().counts()->pending == 2);  // nothing lost, nothing dead-lettered
        CHECK(s.outbox().counts()->dead_letter == 0);
    }
    SUBCASE("wrong CA: paused") {
        auto cfg = k.engine_config();
        cfg.http.ca_file = certs.other_ca_pem;
        SyncEngine engine(cfg, k.store_opener(), k.event_sink());
        engine.start();
        engine.notify();
        const auto deadline = std::chrono::steady_clock::now() + 60s;
        while (engine.state() != SyncEngineState::paused && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(50ms);
        REQUIRE(engine.state() == SyncEngineState::paused);
        engine.stop();
        CHECK(k.server_count("SELECT COUNT(*) FROM accounts") == 0);
    }
    SUBCASE("right CA, backup pin matches: drained") {
        auto cfg = k.engine_config();
        cfg.http.pinned_public_keys = "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=;sha256//" + certs.pin;
        SyncEngine engine(cfg, k.store_opener(), k.event_sink());
        engine.start();
        engine.notify();
        REQUIRE(k.wait_drained(60s));
        engine.stop();
        CHECK(k.server_count("SELECT COUNT(*) FROM accounts") == 1);
        CHECK(k.server_count("SELECT COUNT(*) FROM records WHERE collection='skills'") == 1);
    }
}
