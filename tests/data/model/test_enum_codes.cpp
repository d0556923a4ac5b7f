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
