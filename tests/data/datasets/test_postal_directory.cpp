// Postal lookups against the real Japan Post data (jquery-jpostal-ja).
#include <doctest/doctest.h>

#include <algorithm>

#include "data/datasets/postal_directory.hpp"
#include "tests/data/datasets/asset_dir.hpp"

using namespace madoguchi;

namespace {
const PostalDirectory& directory() {
    static const PostalDirectory d = [] {
        auto r = PostalDirectory::open(test_asset_dir() / "postal.bin");
        REQUIRE(r.ok());
        return std::move(r).value();
    }();
    return d;
}
}  // namespace

TEST_CASE("100-0001 is 東京都 千代田区 千代田") {
    const auto a = directory().lookup("1000001");
    REQUIRE(a.size() == 1);
    CHECK(a[0].postal_code == "1000001");
    CHECK(a[0].prefecture == "東京都");
    CHECK(a[0].city == "千代田区");
    CHECK(a[0].town == "千代田");
    CHECK(a[0].prefecture_kana == "トウキョウト");
    CHECK(a[0].city_kana == "チヨダク");
    CHECK(a[0].town_kana == "チヨダ");
    CHECK(a[0].business_name.empty());
}

TEST_CASE("typed forms of a postal code find the same address") {
    for (const char* typed : {"100-0001", "〒100-0001", "１００−０００１", "100ー0001"}) {
        INFO(typed);
        const auto a = directory().lookup(typed);
        REQUIRE(a.size() == 1);
        CHECK(a[0].town == "千代田");
    }
}

TEST_CASE("a postal code with several addresses offers them all") {
    const auto a = directory().lookup("0288401");
    CHECK(a.size() == 20);
    for (const auto& x : a) {
        CHECK(x.prefecture == "岩手県");
        CHECK(x.city == "下閉伊郡田野畑村");
    }
    CHECK(std::any_of(a.begin(), a.end(), [](const PostalAddress& x) { return x.town == "蝦夷森"; }));
}

TEST_CASE("浜松市 addresses carry the 2024 wards") {
    struct Case {
        const char* code;
        const char* city;
        const char* town;
    };
    const Case cases[] = {{"4300933", "浜松市中央区", "鍛冶町"},
                          {"4312102", "浜松市浜名区", "都田町"},
                          {"4328001", "浜松市中央区", "西山町"}};
    for (const auto& c : cases) {
        INFO(c.code);
        const auto a = directory().lookup(c.code);
        REQUIRE(a.size() == 1);
        CHECK(a[0].prefecture == "静岡県");
        CHECK(a[0].city == c.city);
        CHECK(a[0].town == c.town);
    }
}

TEST_CASE("business codes carry street and business name") {
    const auto a = directory().lookup("1008111");
    REQUIRE(a.size() == 1);
    CHECK(a[0].business_name == "宮内庁");
    CHECK(a[0].city == "千代田区");
}

TEST_CASE("codes that do not exist or are not codes give nothing") {
    for (const char* code : {"0000000", "9999999", "", "100", "abcdefg", "1000001; DROP TABLE", "\xFF\xFF"}) {
        INFO(code);
        CHECK(directory().lookup(code).empty());
    }
}

TEST_CASE("the data set is the full Japan Post list") {
    CHECK(directory().row_count() > 140000);
    CHECK(directory().data_version().find("ver") != std::string_view::npos);
    CHECK(directory().lookup("0600000").size() == 1);  // first row region
    CHECK(directory().lookup("9071801").size() >= 1);  // 沖縄県 end of the list
}
