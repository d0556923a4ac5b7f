// Every enum code round-trips, and unknown codes from the wire are refused.
#include <doctest/doctest.h>

#include "data/model/enum_codes.hpp"

using namespace madoguchi;

TEST_CASE("enum codes round-trip") {
    for (auto v : {WeeklyHours::under_3, WeeklyHours::h3_to_5, WeeklyHours::h5_to_10, WeeklyHours::h10_to_20,
                   WeeklyHours::h20_to_30, WeeklyHours::h30_to_40}) {
        auto back = from_code<WeeklyHours>(to_code(v));
        REQUIRE(back.has_value());
        CHECK(*back == v);
    }
    for (auto v : {DocumentType::drivers_license, DocumentType::passport, DocumentType::health_insurance_card,
                   DocumentType::residence_record, DocumentType::residence_card,
                   DocumentType::my_number_card_front}) {
        CHECK(from_code<DocumentType>(to_code(v)) == v);
    }
    CHECK(from_code<AccountType>("ordinary") == AccountType::ordinary);
    CHECK(from_code<SyncState>("needs_attention") == SyncState::needs_attention);
}

TEST_CASE("unknown codes are refused") {
    CHECK_FALSE(from_code<Gender>("").has_value());
    CHECK_FALSE(from_code<Gender>("MALE").has_value());
    CHECK_FALSE(from_code<VerificationStatus>("verified; DROP TABLE").has_value());
}

#include "data/model/model_json.hpp"

TEST_CASE("profile JSON round-trips and refuses unknown enum codes") {
    Profile p;
    p.meta.client_id = "8c1f0e2a-0000-4000-8000-000000000001";
    p.family_name = "山田";
    p.given_name_kana = "タロウ";
    p.birth_date = {1990, 4, 1};
    p.weekly_hours = WeeklyHours::h20_to_30;
    p.hourly_rate_yen = 1500;
    nlohmann::json j = p;
    CHECK(j["birth_date"] == "1990-04-01");
    CHECK(j["weekly_hours"] == "20_to_30");
    auto back = j.get<Profile>();
    CHECK(back.family_name == "山田");
    CHECK(back.birth_date == CivilDate{1990, 4, 1});
    CHECK(back.hourly_rate_yen == 1500);
    CHECK(back.meta.client_id == p.meta.client_id);

    j["gender"] = "robot";
    CHECK_THROWS(j.get<Profile>());
    j["gender"] = "male";
    j["birth_date"] = "1990/04/01";
    CHECK_THROWS(j.get<Profile>());
}

TEST_CASE("career keeps attachments and an open end (現在)") {
    Career c;
    c.period_from = {2020, 4};
    c.attachments.push_back({"f1", "resume.pdf", "application/pdf"});
    nlohmann::json j = c;
    CHECK(j["period_to"] == "");
    auto back = j.get<Career>();
    CHECK(back.period_to.empty());
    REQUIRE(back.attachments.size() == 1);
    CHECK(back.attachments[0].file_name == "resume.pdf");
}
