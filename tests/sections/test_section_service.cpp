// SectionService<T> on a real store: invalid records store nothing, each
// change queues exactly one outbox row, records are scoped to their owner.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "services/section_service.hpp"
#include "tests/data/store/temp_store.hpp"

using namespace madoguchi;
using madoguchi::testing::TempStore;

namespace {

std::vector<OutboxRow> pending(TempStore& s) {
    auto rows = s->outbox().list(OutboxState::pending);
    REQUIRE(rows.ok());
    return *rows;
}

bool has_field(const Errors& errors, const std::string& field) {
    for (const auto& e : errors)
        if (e.field == field) return true;
    return false;
}

}  // namespace

TEST_CASE("section service: create, update, remove, one outbox row each; invalid stores nothing") {
    TempStore store;
    SectionServices sections(*store, std::string(MADOGUCHI_ASSETS_DIR) + "/suggestions");
    int changes = 0;
    sections.set_on_change([&] { ++changes; });
    REQUIRE(sections.skill_suggestions() != nullptr);
    REQUIRE(sections.qualification_suggestions() != nullptr);

    Skill bad;
    bad.name = "";
    bad.years_experience = 99;
    auto refused = sections.skills.save("owner-a", bad);
    CHECK_FALSE(refused.ok());
    CHECK(has_field(refused.errors, "name"));
    CHECK(has_field(refused.errors, "years_experience"));
    CHECK(pending(store).empty());
    CHECK(changes == 0);

    Skill s;
    s.name = "Excel";
    s.level = 3;
    s.years_experience = 4;
    auto saved = sections.skills.save("owner-a", s);
    REQUIRE(saved.ok());
    CHECK_FALSE(saved.record.meta.client_id.empty());
    saved.record.years_experience = 5;
    auto updated = sections.skills.save("owner-a", saved.record);
    REQUIRE(updated.ok());
    CHECK(updated.record.meta.client_id == saved.record.meta.client_id);
    CHECK(sections.skills.remove("owner-a", saved.record.meta.client_id).ok());
    CHECK(changes == 3);

    auto rows = pending(store);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].operation == "skill.create");
    CHECK(rows[1].operation == "skill.update");
    CHECK(rows[2].operation == "skill.delete");
    for (const auto& r : rows) CHECK(r.entity_client_id == saved.record.meta.client_id);
    CHECK(nlohmann::json::parse(rows[1].payload)["years_experience"] == 5);
    auto left = sections.skills.list("owner-a");
    REQUIRE(left.ok());
    CHECK(left->empty());
}

TEST_CASE("section service: records belong to their owner; no owner, no write") {
    TempStore store;
    SectionServices sections(*store, "");
    CHECK(sections.skill_suggestions() == nullptr);  // no list: free text only
    Hobby h;
    h.name = "つり";
    auto a = sections.hobbies.save("owner-a", h);
    REQUIRE(a.ok());
    auto other = sections.hobbies.list("owner-b");
    REQUIRE(other.ok());
    CHECK(other->empty());
    // Another owner cannot update or remove it.
    Hobby stolen = a.record;
    stolen.name = "のっとり";
    CHECK_FALSE(sections.hobbies.save("owner-b", stolen).ok());
    (void)sections.hobbies.remove("owner-b", a.record.meta.client_id);  // refused or a no-op
    auto mine = sections.hobbies.list("owner-a");
    REQUIRE(mine.ok());
    REQUIRE(mine->size() == 1);
    CHECK(mine->front().name == "つり");
    auto signed_out = sections.hobbies.save("", h);
    REQUIRE_FALSE(signed_out.ok());
    CHECK(signed_out.errors.front().code == "session.signed_out");
}

TEST_CASE("section service: career URL is normalized before the rules run; bad ones are refused") {
    TempStore store;
    SectionServices sections(*store, "");
    Career c;
    c.category = "full_time";
    c.period_from = {2015, 4};
    c.period_to = {2014, 3};
    c.company_name = "まどぐち";
    c.company_url = "not a url";
    c.team_size = 0;
    auto refused = sections.careers.save("owner-a", c);
    CHECK(has_field(refused.errors, "period_to"));
    CHECK(has_field(refused.errors, "company_url"));
    CHECK(has_field(refused.errors, "team_size"));
    CHECK(pending(store).empty());
    c.period_to = {};
    c.company_url = "ＨＴＴＰＳ：／／Example.co.jp";
    c.team_size = 8;
    auto saved = sections.careers.save("owner-a", c);
    INFO((saved.ok() ? "" : saved.errors.front().message_en));
    REQUIRE(saved.ok());
    CHECK(saved.record.company_url.find("https://") == 0);
}
