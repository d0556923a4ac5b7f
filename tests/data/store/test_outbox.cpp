// Outbox: per-entity order, retry and back-off, dead letter, staff actions,
// crash recovery of `sending`, and the purge that follows an ack.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>

#include "data/crypto/uuid.hpp"
#include "data/store/social_repositories.hpp"
#include "tests/data/store/temp_store.hpp"

using namespace madoguchi;
using madoguchi::testing::TempStore;

namespace {

std::vector<std::int64_t> ready_ids(Store& s, std::int64_t now) {
    auto rows = s.outbox().next_ready(now, 100);
    REQUIRE(rows.ok());
    std::vector<std::int64_t> ids;
    for (const auto& r : *rows) ids.push_back(r.id);
    return ids;
}

Skill skill(const char* name) {
    Skill s;
    s.name = name;
    return s;
}

SyncState record_state(Store& s, const std::string& owner, const std::string& id) {
    auto r = s.skills().get(owner, id);
    REQUIRE(r.ok());
    REQUIRE(r->has_value());
    return (*r)->meta.sync_state;
}

}  // namespace

TEST_CASE("a later row of an entity waits until the earlier one is done; other entities go ahead") {
    TempStore t;
    const std::string owner = make_uuid_v4();
    auto a = t->skills().save(owner, skill("a"));
    auto b = t->skills().save(owner, skill("b"));
    REQUIRE((a.ok() && b.ok()));
    Skill a2 = *a;
    a2.level = 3;
    REQUIRE(t->skills().update(owner, a2).ok());
    REQUIRE(t->skills().remove(owner, a->meta.client_id).ok());

    auto ready = t->outbox().next_ready(t.now_ms, 10);
    REQUIRE(ready->size() == 2);  // a.create and b.create; a.update / a.delete wait
    CHECK((*ready)[0].operation == "skill.create");
    CHECK((*ready)[0].entity_client_id == a->meta.client_id);
    CHECK((*ready)[1].entity_client_id == b->meta.client_id);
    const auto first = (*ready)[0].id;

    REQUIRE(t->outbox().mark_sending(first).ok());
    CHECK(ready_ids(*t, t.now_ms).size() == 1);  // sending still blocks a's next row
    REQUIRE(t->outbox().mark_done(first, R"({"id":"srv-1"})").ok());
    auto next = t->outbox().next_ready(t.now_ms, 10);
    REQUIRE(next->size() == 2);
    CHECK((*next)[0].operation == "skill.create");  // b
    CHECK((*next)[1].operation == "skill.update");  // a's next, only now
    CHECK(t->outbox().next_ready(t.now_ms, 1)->size() == 1);  // limit respected
}

TEST_CASE("account.create goes first: the owner's other rows wait for it") {
    TempStore t;
    Account acc;
    acc.username = "u1";
    auto a = t->accounts().create(acc, SignUpRequest{});
    REQUIRE(a.ok());
    const auto owner = a->meta.client_id;
    REQUIRE(t->skills().save(owner, skill("x")).ok());
    const std::string other = make_uuid_v4();
    REQUIRE(t->skills().save(other, skill("y")).ok());
    auto ready = t->outbox().next_ready(t.now_ms, 10);
    REQUIRE(ready->size() == 2);
    CHECK((*ready)[0].operation == "account.create");
    CHECK((*ready)[1].owner_client_id == other);
    REQUIRE(t->outbox().mark_sending((*ready)[0].id).ok());
    REQUIRE(t->outbox().mark_done((*ready)[0].id, "{}").ok());
    CHECK(t->outbox().next_ready(t.now_ms, 10)->size() == 2);
}

TEST_CASE("social writes wait for every earlier sign-up and social write, whoever queued it") {
    // Alice follows Bob, who signed up on this kiosk just before: the follow
    // needs Bob's account on the platform, so it waits for his sign-up too
    // (CI once dead-lettered it when Bob's sign-up was in back-off).
    TempStore t;
    Account alice_acc, bob_acc;
    alice_acc.username = "alice";
    bob_acc.username = "bob";
    auto alice = t->accounts().create(alice_acc, SignUpRequest{});
    auto bob = t->accounts().create(bob_acc, SignUpRequest{});
    REQUIRE((alice.ok() && bob.ok()));
    const auto a = alice->meta.client_id;
    const auto b = bob->meta.client_id;
    auto ready = t->outbox().next_ready(t.now_ms, 10);
    REQUIRE(ready->size() == 2);
    REQUIRE(t->outbox().mark_sending((*ready)[0].id).ok());
    REQUIRE(t->outbox().mark_done((*ready)[0].id, "{}").ok());  // Alice is on the platform
    const auto bob_signup = (*ready)[1].id;
    REQUIRE(t->outbox().mark_sending(bob_signup).ok());
    REQUIRE(t->outbox().mark_retry(bob_signup, t.now_ms + 60000, "HTTP 503").ok());  // Bob is not yet

    FollowChange follow;
    follow.worker_id = b;
    follow.follow = true;
    SocialRepository social(t->records());
    REQUIRE(social.change_follow(a, follow).ok());
    REQUIRE(t->skills().save(a, skill("溶接")).ok());  // names nobody: goes ahead
    ready = t->outbox().next_ready(t.now_ms, 10);
    REQUIRE(ready->size() == 1);
    CHECK((*ready)[0].operation == "skill.create");

    // Bob's sign-up goes through: the follow is next, and a message queued
    // after it waits for it even though it is another entity.
    SocialMessage hello;
    hello.to_account_id = b;
    hello.text = "こんにちは";
    REQUIRE(social.send_message(a, hello).ok());
    REQUIRE(t->outbox().mark_sending(bob_signup).ok());
    REQUIRE(t->outbox().mark_done(bob_signup, "{}").ok());
    ready = t->outbox().next_ready(t.now_ms, 10);
    std::vector<std::string> ops;
    for (const auto& r : *ready) ops.push_back(r.operation);
    CHECK(ops == std::vector<std::string>{"follow.create", "skill.create"});

    // A rejected social write does not hold the ones after it.
    const auto follow_row = (*ready)[0].id;
    REQUIRE(t->outbox().mark_sending(follow_row).ok());
    REQUIRE(t->outbox().mark_dead_letter(follow_row, "HTTP 404").ok());
    ready = t->outbox().next_ready(t.now_ms, 10);
    ops.clear();
    for (const auto& r : *ready) ops.push_back(r.operation);
    CHECK(ops == std::vector<std::string>{"skill.create", "message.send"});
}

TEST_CASE("retry: back-off time respected, attempts counted, same idempotency key") {
    TempStore t;
    const std::string owner = make_uuid_v4();
    auto a = t->skills().save(owner, skill("a"));
    REQUIRE(a.ok());
    auto row = t->outbox().next_ready(t.now_ms, 1)->front();
    const auto key = row.idempotency_key;
    for (int attempt = 1; attempt <= 3; ++attempt) {
        REQUIRE(t->outbox().mark_sending(row.id).ok());
        CHECK_FALSE(t->outbox().mark_sending(row.id).ok());  // already sending
        REQUIRE(t->outbox().mark_retry(row.id, t.now_ms + 5000, "HTTP 503").ok());
        CHECK(t->outbox().next_ready(t.now_ms + 4999, 10)->empty());
        auto again = t->outbox().next_ready(t.now_ms + 5000, 10);
        REQUIRE(again->size() == 1);
        CHECK(again->front().idempotency_key == key);
        CHECK(again->front().attempts == attempt);
        CHECK(again->front().last_error == "HTTP 503");
        t.now_ms += 5000;
    }
    CHECK(record_state(*t, owner, a->meta.client_id) == SyncState::pending);
}

TEST_CASE("dead letter blocks its entity until staff requeue or discard it") {
    TempStore t;
    const std::string owner = make_uuid_v4();
    auto a = t->skills().save(owner, skill("a"));
    Skill a2 = *a;
    a2.notes = "later";
    REQUIRE(t->skills().update(owner, a2).ok());
    auto first = t->outbox().next_ready(t.now_ms, 10)->front();
    REQUIRE(t->outbox().mark_sending(first.id).ok());
    REQUIRE(t->outbox().mark_dead_letter(first.id, "HTTP 422 name too long").ok());
    CHECK(record_state(*t, owner, a->meta.client_id) == SyncState::needs_attention);
    CHECK(t->outbox().next_ready(t.now_ms, 10)->empty());
    auto counts = t->outbox().counts();
    CHECK(counts->dead_letter == 1);
    CHECK(counts->pending == 1);
    auto dead = t->outbox().list(OutboxState::dead_letter);
    REQUIRE(dead->size() == 1);
    CHECK(dead->front().last_error == "HTTP 422 name too long");
    CHECK_FALSE(dead->front().payload.empty());  // kept for staff to look at

    CHECK_FALSE(t->outbox().requeue(first.id, "").ok());  // staff id required
    REQUIRE(t->outbox().requeue(first.id, "staff-1").ok());
    auto again = t->outbox().next_ready(t.now_ms, 10);
    REQUIRE(again->size() == 1);
    CHECK(again->front().id == first.id);
    CHECK(again->front().attempts == 0);

    REQUIRE(t->outbox().mark_sending(first.id).ok());
    REQUIRE(t->outbox().mark_dead_letter(first.id, "HTTP 422 again").ok());
    REQUIRE(t->outbox().discard(first.id, "staff-2").ok());
    auto next = t->outbox().next_ready(t.now_ms, 10);
    REQUIRE(next->size() == 1);
    CHECK(next->front().operation == "skill.update");
    auto log = t->db().prepare("SELECT action, staff_id FROM staff_actions ORDER BY id");
    std::vector<std::string> actions;
    while (*log->step()) actions.push_back(log->column_text(0) + "/" + log->column_text(1));
    CHECK(actions == std::vector<std::string>{"requeue/staff-1", "discard/staff-2"});
}

TEST_CASE("rows left in sending by a crash go back to pending on open, same key") {
    TempStore t;
    const std::string owner = make_uuid_v4();
    REQUIRE(t->skills().save(owner, skill("a")).ok());
    auto row = t->outbox().next_ready(t.now_ms, 1)->front();
    REQUIRE(t->outbox().mark_sending(row.id).ok());
    t.reopen();  // the process died while uploading
    CHECK(t->startup_report().outbox_rows_recovered == 1);
    auto again = t->outbox().next_ready(t.now_ms, 10);
    REQUIRE(again->size() == 1);
    CHECK(again->front().id == row.id);
    CHECK(again->front().idempotency_key == row.idempotency_key);
    CHECK(again->front().state == OutboxState::pending);
    CHECK(again->front().attempts == 1);
}

TEST_CASE("ack: record becomes sent, payload cleared; owner in session keeps data") {
    TempStore t;
    const std::string owner = make_uuid_v4();
    REQUIRE(t->begin_session(owner).ok());
    auto a = t->skills().save(owner, skill("a"));
    auto row = t->outbox().next_ready(t.now_ms, 1)->front();
    REQUIRE(t->outbox().mark_sending(row.id).ok());
    REQUIRE(t->outbox().mark_done(row.id, R"({"server_id":"s1"})").ok());
    CHECK(record_state(*t, owner, a->meta.client_id) == SyncState::sent);
    auto done = t->outbox().get(row.id);
    REQUIRE(done.ok());
    CHECK(done->state == OutboxState::done);
    CHECK(done->payload.empty());
    CHECK_FALSE(t->outbox().mark_done(row.id, "{}").ok());  // not twice

    // Session ends: everything acknowledged, so the person's data leaves.
    auto purge = t->end_session(owner);
    REQUIRE(purge.ok());
    CHECK(purge->owners_purged == 1);
    CHECK(purge->records_deleted == 1);
    CHECK(t->skills().list(owner)->empty());
    CHECK(t->outbox().counts()->done == 0);
}

TEST_CASE("purge waits for every row of the owner, and a sent record edited again is pending") {
    TempStore t;
    const std::string owner = make_uuid_v4();
    REQUIRE(t->begin_session(owner).ok());
    auto a = t->skills().save(owner, skill("a"));
    auto b = t->skills().save(owner, skill("b"));
    REQUIRE(t->end_session(owner)->owners_purged == 0);  // nothing acknowledged yet
    auto rows = *t->outbox().next_ready(t.now_ms, 10);
    REQUIRE(rows.size() == 2);
    REQUIRE(t->outbox().mark_sending(rows[0].id).ok());
    REQUIRE(t->outbox().mark_done(rows[0].id, "{}").ok());
    CHECK(t->skills().list(owner)->size() == 2);  // b still unsent: keep all
    REQUIRE(t->outbox().mark_sending(rows[1].id).ok());
    REQUIRE(t->outbox().mark_done(rows[1].id, "{}").ok());
    CHECK(t->skills().list(owner)->empty());  // out of session and settled: purged on ack
    auto left = t->db().prepare("SELECT (SELECT COUNT(*) FROM records) + (SELECT COUNT(*) FROM outbox)"
                                " + (SELECT COUNT(*) FROM owners) + (SELECT COUNT(*) FROM file_keys)");
    REQUIRE(*left->step());
    CHECK(left->column_int(0) == 0);
}

TEST_CASE("ID scans are crypto-erased the moment their upload is acknowledged") {
    TempStore t;
    const std::string owner = make_uuid_v4();
    REQUIRE(t->begin_session(owner).ok());
    auto f1 = t->files().put(owner, std::vector<std::uint8_t>(5000, 1));
    auto f2 = t->files().put(owner, std::vector<std::uint8_t>(5000, 2));
    auto photo = t->files().put(owner, std::vector<std::uint8_t>(10, 3));
    Profile p;
    p.photo_file_id = *photo;
    REQUIRE(t->profiles().save(owner, p).ok());
    IdentityDocument doc;
    doc.user_client_id = owner;
    doc.pages = {{"front", *f1, ""}, {"back", *f2, ""}};
    REQUIRE(t->identity_documents().save(doc).ok());
    auto rows = *t->outbox().next_ready(t.now_ms, 10);
    REQUIRE(rows.size() == 2);
    const auto& upload = rows[1];
    CHECK(upload.operation == "identity_document.upload");
    REQUIRE(t->outbox().mark_sending(upload.id).ok());
    REQUIRE(t->outbox().mark_done(upload.id, "{}").ok());
    CHECK_FALSE(t->files().has_key(*f1));
    CHECK_FALSE(t->files().has_key(*f2));
    CHECK_FALSE(t->files().file_exists(*f1));
    CHECK_FALSE(t->files().file_exists(*f2));
    CHECK(t->files().has_key(*photo));  // still on the unsent profile, kept
    CHECK(t->files().file_exists(*photo));
}

TEST_CASE("a replaced photo is kept until the row that uploads it is acknowledged") {
    TempStore t;
    const std::string owner = make_uuid_v4();
    REQUIRE(t->begin_session(owner).ok());
    auto old_photo = t->files().put(owner, std::vector<std::uint8_t>{1});
    auto new_photo = t->files().put(owner, std::vector<std::uint8_t>{2});
    Profile p;
    p.photo_file_id = *old_photo;
    REQUIRE(t->profiles().save(owner, p).ok());
    p.photo_file_id = *new_photo;
    REQUIRE(t->profiles().save(owner, p).ok());
    t.reopen();  // start-up sweep must not take the old photo: a pending row lists it
    REQUIRE(t->begin_session(owner).ok());
    CHECK(t->files().has_key(*old_photo));
    auto first = t->outbox().next_ready(t.now_ms, 10)->front();
    CHECK(first.file_ids == std::vector<std::string>{*old_photo});
    REQUIRE(t->outbox().mark_sending(first.id).ok());
    REQUIRE(t->outbox().mark_done(first.id, "{}").ok());
    CHECK_FALSE(t->files().has_key(*old_photo));  // no record and no row need it now
    CHECK(t->files().has_key(*new_photo));
}

TEST_CASE("start-up: sessions end, settled owners are purged, staged files swept") {
    TempStore t;
    const std::string owner = make_uuid_v4();
    REQUIRE(t->begin_session(owner).ok());
    REQUIRE(t->skills().save(owner, skill("a")).ok());
    auto staged = t->files().put(owner, std::vector<std::uint8_t>{9, 9});
    REQUIRE(staged.ok());
    auto row = t->outbox().next_ready(t.now_ms, 1)->front();
    REQUIRE(t->outbox().mark_sending(row.id).ok());
    REQUIRE(t->outbox().mark_done(row.id, "{}").ok());
    CHECK(t->skills().list(owner)->size() == 1);  // in session: kept
    // A stray temp file and an unkeyed file, as after a crash mid-write.
    const auto dir = t->files().dir();
    { std::ofstream(dir / "x.mdf.tmp-1") << "partial"; }
    const auto stray = make_uuid_v4();
    { std::ofstream(dir / (stray + ".mdf")) << "no key"; }
    t.reopen();  // crash: the session did not end properly
    CHECK(t->startup_report().purge.owners_purged == 1);
    CHECK(t->skills().list(owner)->empty());
    CHECK(t->startup_report().files.temp_files_removed == 1);
    CHECK(t->startup_report().files.unkeyed_files_removed >= 1);
    CHECK_FALSE(std::filesystem::exists(dir / (stray + ".mdf")));
    CHECK_FALSE(t->files().file_exists(*staged));
    CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator{}) == 0);
}

TEST_CASE("nothing is deleted without ack or staff action") {
    TempStore t;
    const std::string owner = make_uuid_v4();
    REQUIRE(t->skills().save(owner, skill("a")).ok());
    auto row = t->outbox().next_ready(t.now_ms, 1)->front();
    REQUIRE(t->outbox().mark_sending(row.id).ok());
    REQUIRE(t->outbox().mark_dead_letter(row.id, "HTTP 400").ok());
    for (int i = 0; i < 3; ++i) t.reopen();
    CHECK(t->outbox().counts()->dead_letter == 1);
    CHECK(t->skills().list(owner)->size() == 1);
    CHECK(t->end_session(owner)->owners_purged == 0);
    REQUIRE(t->outbox().discard(row.id, "staff-9").ok());
    CHECK(t->skills().list(owner)->empty());  // staff discarded the last row: purged
}
