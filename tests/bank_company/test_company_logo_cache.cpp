// CompanyLogoCache: bounded by bytes, least recently used evicted first,
// a lookup counts as a use, a replaced logo is counted once, and a logo
// larger than the whole budget is not kept.
#include <doctest/doctest.h>

#include <string>

#include "services/company_logo_cache.hpp"

using namespace madoguchi;

namespace {

// A side×side RGB logo; with a 2-byte etag it costs side*side*3 + 2 bytes.
CachedLogo logo(int side, const std::string& etag = "e1") {
    CachedLogo l;
    l.etag = etag;
    l.image = Image{side, side, 3, std::vector<std::uint8_t>(static_cast<std::size_t>(side * side * 3), 7)};
    return l;
}

constexpr std::size_t kTen = 10 * 10 * 3 + 2;  // one 10×10 logo

}  // namespace

TEST_CASE("logo cache keeps at most its byte budget, evicting the least recently used") {
    CompanyLogoCache cache(3 * kTen);
    cache.put("a", logo(10));
    cache.put("b", logo(10));
    cache.put("c", logo(10));
    CHECK(cache.size() == 3);
    CHECK(cache.bytes() == 3 * kTen);

    REQUIRE(cache.find("a"));  // a is now the most recently used
    cache.put("d", logo(10));
    CHECK(cache.size() == 3);
    CHECK(cache.bytes() <= 3 * kTen);
    CHECK(cache.contains("a"));
    CHECK_FALSE(cache.contains("b"));  // the oldest unused one went
    CHECK(cache.contains("c"));
    CHECK(cache.contains("d"));
    CHECK(cache.find("b") == nullptr);
}

TEST_CASE("logo cache: a replaced logo is counted once and keeps its newest etag") {
    CompanyLogoCache cache(3 * kTen);
    cache.put("a", logo(10, "e1"));
    cache.put("a", logo(10, "e2"));
    CHECK(cache.size() == 1);
    CHECK(cache.bytes() == kTen);
    const CachedLogo* a = cache.find("a");
    REQUIRE(a);
    CHECK(a->etag == "e2");
    CHECK(a->image.width == 10);
}

TEST_CASE("logo cache: a large logo evicts as many as it needs; one over the budget is not kept") {
    CompanyLogoCache cache(3 * kTen);
    for (const char* id : {"a", "b", "c"}) cache.put(id, logo(10));
    cache.put("big", logo(14));  // 590 bytes: two 10×10 logos must go
    CHECK(cache.contains("big"));
    CHECK(cache.contains("c"));
    CHECK_FALSE(cache.contains("a"));
    CHECK_FALSE(cache.contains("b"));
    CHECK(cache.bytes() == kTen + 14 * 14 * 3 + 2);

    cache.put("huge", logo(40));  // 4,802 bytes > the whole budget
    CHECK_FALSE(cache.contains("huge"));
    CHECK(cache.contains("big"));
    CHECK(cache.bytes() <= 3 * kTen);
}

TEST_CASE("logo cache: thousands of companies seen stay within the default budget") {
    CompanyLogoCache cache;
    for (int i = 0; i < 2000; ++i) cache.put("company-" + std::to_string(i), logo(96, "\"etag\""));
    CHECK(cache.bytes() <= CompanyLogoCache::kDefaultMaxBytes);
    CHECK(cache.size() >= 60);
    CHECK(cache.size() <= 64);
    CHECK(cache.contains("company-1999"));
    CHECK_FALSE(cache.contains("company-0"));
}
