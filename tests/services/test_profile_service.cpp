// ProfileService: typed values are normalized and validated with the shared
// rules; a valid profile is saved with one profile.put outbox row; an
// invalid one reports every field by name and stores nothing.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

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
