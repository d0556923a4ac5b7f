// ProfileService: typed values are normalized and validated with the shared
// rules; a valid profile is saved with one profile.put outbox row; an
// invalid one reports every field by name and stores nothing; each wrong
// field alone (table); the profile and its outbox row in one transaction;
// owner-scoped; postal lookups over the built data set.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "data/datasets/postal_directory.hpp"
#include "data/store/store.hpp"
#include "services/profile_service.hpp"
#include "tests/data/store/temp_store.hpp"

using namespace madoguchi;
using madoguchi::testing::TempStore;

namespace {

const std::string kOwner = "0b6a4a8e-6d0c-4c1e-9a0f-3f1d2c4b5a69";

Profile typed_profile() {
    Profile p;
    p.username = "yamada2024";
    p.nickname = "たろう";
    p.family_name = "山田";
    p.given_name = "太郎";
    p.family_name_kana = "やまだ";  // hiragana as typed: stored as katakana
    p.given_name_kana = "タロウ";
    p.birth_date = {1990, 4, 1};
    p.postal_code = "100-0001";
    p.prefecture = "東京都";
    p.city = "千代田区";
    p.town = "千代田";
    p.phone = "090-1234-5678";
    p.hourly_rate_yen = 1500;
    p.show_age_bracket = true;
    p.preferred_prefecture = "13";
    return p;
}

bool has_field(const Errors& e, const std::string& f) {
    for (const auto& x : e)
        if (x.field == f) return true;
    return false;
}

}  // namespace

TEST_CASE("load gives a blank profile with the username until one is saved") {
    TempStore ts;
    ProfileService svc(*ts, nullptr);
    auto p = svc.load(kOwner, "yamada2024");
    REQUIRE(p.ok());
    CHECK(p->username == "yamada2024");
    CHECK(p->nickname.empty());
    CHECK_FALSE(svc.postal_available());
    CHECK(svc.lookup_postal("1000001").empty());
}

TEST_CASE("a valid profile is normalized, saved with one profile.put row, and loads back") {
    TempStore ts;
    ProfileService svc(*ts, nullptr);
    auto out = svc.save(kOwner, typed_profile());
    REQUIRE_MESSAGE(out.ok(), (out.ok() ? "" : out.errors.front().message_en));
    CHECK(out.profile.family_name_kana == "ヤマダ");
    CHECK(out.profile.postal_code == "1000001");
    CHECK(out.profile.phone == "09012345678");
    auto rows = ts->outbox().list(OutboxState::pending);
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 1);
    CHECK(rows->front().operation == "profile.put");
    CHECK(rows->front().owner_client_id == kOwner);
    auto payload = nlohmann::json::parse(rows->front().payload);
    CHECK(payload["family_name"] == "山田");
    auto back = svc.load(kOwner, "ignored");
    REQUIRE(back.ok());
    CHECK(back->family_name == "山田");
    CHECK(back->username == "yamada2024");
}

TEST_CASE("every invalid field is reported by name and nothing is stored") {
    TempStore ts;
    ProfileService svc(*ts, nullptr);
    Profile p = typed_profile();
    p.nickname.clear();
    p.family_name.clear();
    p.family_name_kana = "yamada";
    p.postal_code = "12-34";
    p.phone = "12";
    p.prefecture = "東京";
    p.hourly_rate_yen = 0;
    p.preferred_prefecture = "48";
    auto out = svc.save(kOwner, p);
    CHECK_FALSE(out.ok());
    for (const char* f : {"nickname", "family_name", "family_name_kana", "postal_code", "phone", "prefecture",
                          "hourly_rate_yen", "preferred_prefecture"}) {
        CAPTURE(f);
        CHECK(has_field(out.errors, f));
    }
    auto counts = ts->outbox().counts();
    REQUIRE(counts.ok());
    CHECK(counts->pending == 0);
    auto stored = ts->profiles().get(kOwner);
    REQUIRE(stored.ok());
    CHECK_FALSE(stored->has_value());
}

TEST_CASE("showing the age bracket needs a birth date") {
    TempStore ts;
    ProfileService svc(*ts, nullptr);
    Profile p = typed_profile();
    p.birth_date = {};
    auto out = svc.save(kOwner, p);
    CHECK(has_field(out.errors, "show_age_bracket"));
}

namespace {

// One wrong value and the one field that must answer for it.
struct FieldCase {
    const char* name;
    void (*spoil)(Profile&);
    const char* field;
};

const FieldCase kFieldCases[] = {
    {"nickname empty", [](Profile& p) { p.nickname.clear(); }, "nickname"},
    {"nickname too long", [](Profile& p) { p.nickname = std::string(300, 'a'); }, "nickname"},
    {"self-introduction 10 kB paste", [](Profile& p) { p.self_introduction = std::string(10240, 'x'); },
     "self_introduction"},
    {"family name empty", [](Profile& p) { p.family_name.clear(); }, "family_name"},
    {"given name empty", [](Profile& p) { p.given_name.clear(); }, "given_name"},
    {"family kana in latin", [](Profile& p) { p.family_name_kana = "Yamada"; }, "family_name_kana"},
    {"given kana with kanji", [](Profile& p) { p.given_name_kana = "太郎"; }, "given_name_kana"},
    {"birth date in the future", [](Profile& p) { p.birth_date = {2300, 1, 1}; }, "birth_date"},
    {"postal code empty", [](Profile& p) { p.postal_code.clear(); }, "postal_code"},
    {"postal code short", [](Profile& p) { p.postal_code = "100-001"; }, "postal_code"},
    {"prefecture empty", [](Profile& p) { p.prefecture.clear(); }, "prefecture"},
    {"prefecture not one of 47", [](Profile& p) { p.prefecture = "東京"; }, "prefecture"},
    {"city empty", [](Profile& p) { p.city.clear(); }, "city"},
    {"phone empty", [](Profile& p) { p.phone.clear(); }, "phone"},
    {"phone too short", [](Profile& p) { p.phone = "0312"; }, "phone"},
    {"phone with letters", [](Profile& p) { p.phone = "090-abcd-5678"; }, "phone"},
    {"hourly rate zero", [](Profile& p) { p.hourly_rate_yen = 0; }, "hourly_rate_yen"},
    {"hourly rate negative", [](Profile& p) { p.hourly_rate_yen = -1500; }, "hourly_rate_yen"},
    {"age bracket without birth date", [](Profile& p) { p.birth_date = {}; }, "show_age_bracket"},
    {"preferred prefecture 48", [](Profile& p) { p.preferred_prefecture = "48"; }, "preferred_prefecture"},
    {"municipality of another prefecture", [](Profile& p) { p.preferred_municipality = "011002"; },
     "preferred_municipality"},
    {"hometown too long", [](Profile& p) { p.hometown = std::string(1000, 'a'); }, "hometown"},
    {"schools too long", [](Profile& p) { p.schools = std::string(5000, 'a'); }, "schools"},
};

}  // namespace

TEST_CASE("each wrong field is answered on that field alone, in Japanese and English, and nothing is stored") {
    for (const FieldCase& c : kFieldCases) {
        CAPTURE(c.name);
        TempStore ts;
        ProfileService svc(*ts, nullptr);
        Profile p = typed_profile();
        c.spoil(p);
        const auto out = svc.save(kOwner, p);
        REQUIRE_FALSE(out.ok());
        CHECK(out.errors.size() == 1);
        CHECK(out.errors.front().field == c.field);
        CHECK_FALSE(out.errors.front().code.empty());
        CHECK_FALSE(out.errors.front().message_ja.empty());
        CHECK_FALSE(out.errors.front().message_en.empty());
        auto counts = ts->outbox().counts();
        REQUIRE(counts.ok());
        CHECK(counts->pending == 0);
        auto stored = ts->profiles().get(kOwner);
        REQUIRE(stored.ok());
        CHECK_FALSE(stored->has_value());
    }
}

TEST_CASE("a save is one transaction: when the outbox row cannot be written the profile is not stored either") {
    TempStore ts;
    ProfileService svc(*ts, nullptr);
    int notified = 0;
    svc.set_on_saved([&] { ++notified; });
    // The outbox refuses every new row (as a full disk or a broken file would).
    REQUIRE(ts->db().exec("CREATE TEMP TRIGGER outbox_refuses BEFORE INSERT ON main.outbox "
                          "BEGIN SELECT RAISE(ABORT, 'outbox refused'); END;")
                .ok());
    const auto refused = svc.save(kOwner, typed_profile());
    REQUIRE_FALSE(refused.ok());
    CHECK(notified == 0);
    auto stored = ts->profiles().get(kOwner);
    REQUIRE(stored.ok());
    CHECK_FALSE(stored->has_value());  // rolled back with the outbox row
    CHECK_FALSE(ts->db().in_transaction());

    REQUIRE(ts->db().exec("DROP TRIGGER temp.outbox_refuses").ok());
    const auto saved = svc.save(kOwner, typed_profile());
    REQUIRE_MESSAGE(saved.ok(), (saved.ok() ? "" : saved.errors.front().message_en));
    CHECK(notified == 1);
    auto rows = ts->outbox().list(OutboxState::pending);
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 1);
    CHECK(rows->front().entity_client_id == saved.profile.meta.client_id);
    stored = ts->profiles().get(kOwner);
    REQUIRE(stored.ok());
    CHECK(stored->has_value());
}

TEST_CASE("profiles are owner-scoped: one person's save is nobody else's profile or outbox row") {
    TempStore ts;
    ProfileService svc(*ts, nullptr);
    const std::string other = "5d1c3b2a-0f9e-4d8c-8b7a-6e5f4d3c2b1a";
    REQUIRE(svc.save(kOwner, typed_profile()).ok());
    Profile second = typed_profile();
    second.username = "suzuki2024";
    second.nickname = "はなこ";
    REQUIRE(svc.save(other, second).ok());

    auto mine = svc.load(kOwner, "yamada2024");
    auto theirs = svc.load(other, "suzuki2024");
    REQUIRE(mine.ok());
    REQUIRE(theirs.ok());
    CHECK(mine->nickname == "たろう");
    CHECK(theirs->nickname == "はなこ");
    CHECK(mine->meta.client_id != theirs->meta.client_id);
    // A third person sees a blank form with their own username only.
    auto nobody = svc.load("9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d", "tanaka2024");
    REQUIRE(nobody.ok());
    CHECK(nobody->nickname.empty());
    CHECK(nobody->family_name.empty());
    CHECK(nobody->username == "tanaka2024");
    auto rows = ts->outbox().list(OutboxState::pending);
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 2);
    for (const auto& r : *rows) {
        const auto payload = nlohmann::json::parse(r.payload);
        CHECK(payload["nickname"] == (r.owner_client_id == kOwner ? "たろう" : "はなこ"));
    }
    // Saving again replaces the owner's profile (same record, a new row).
    Profile again = *mine;
    again.nickname = "たろうさん";
    auto resaved = svc.save(kOwner, again);
    REQUIRE(resaved.ok());
    CHECK(resaved.profile.meta.client_id == mine->meta.client_id);
    CHECK(svc.load(other, "suzuki2024")->nickname == "はなこ");
}

#ifdef MADOGUCHI_DATASET_DIR
TEST_CASE("postal lookups over the built data set: as typed, full-width, several towns, unknown, garbage") {
    auto postal = PostalDirectory::open(std::string(MADOGUCHI_DATASET_DIR) + "/postal.bin");
    REQUIRE_MESSAGE(postal.ok(), "postal.bin missing: build the madoguchi_datasets target");
    TempStore ts;
    ProfileService svc(*ts, &*postal);
    CHECK(svc.postal_available());
    struct Case {
        const char* typed;
        std::size_t count;
        const char* first;  // prefecture + city + town of the first address
    };
    for (const Case& c : {Case{"100-0001", 1, "東京都千代田区千代田"}, Case{"1000001", 1, "東京都千代田区千代田"},
                          Case{"〒１００－０００１", 1, "東京都千代田区千代田"}, Case{"028-8401", 20, nullptr},
                          Case{"999-9999", 0, nullptr}, Case{"", 0, nullptr}, Case{"abc", 0, nullptr},
                          Case{"100-00011", 0, nullptr}}) {
        CAPTURE(c.typed);
        const auto found = svc.lookup_postal(c.typed);
        CHECK(found.size() == c.count);
        if (c.first && !found.empty())
            CHECK(found.front().prefecture + found.front().city + found.front().town == c.first);
    }
    const auto iwate = svc.lookup_postal("0288401");
    REQUIRE_FALSE(iwate.empty());
    for (const auto& a : iwate) CHECK(a.prefecture == "岩手県");
}
#endif
