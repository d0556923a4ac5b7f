// Backoff rules: exponential ceiling with a cap, full jitter inside it,
// Retry-After as a lower bound; all deterministic with a seeded engine.
#include <doctest/doctest.h>

#include <random>

#include "net/retry_policy.hpp"

using namespace madoguchi;
using namespace std::chrono_literals;

TEST_CASE("backoff ceiling doubles per attempt and stops at the cap") {
    RetryPolicy p;
    p.base = 500ms;
    p.cap = 60s;
    struct Row {
        int attempt;
        std::chrono::milliseconds ceiling;
    };
    const Row rows[] = {{0, 500ms}, {1, 1000ms}, {2, 2000ms}, {3, 4000ms}, {6, 32000ms},
                        {7, 60s},   {8, 60s},    {40, 60s},   {1000, 60s}, {-3, 500ms}};
    for (const auto& r : rows) {
        CAPTURE(r.attempt);
        CHECK(backoff_ceiling(p, r.attempt) == r.ceiling);
    }
}

TEST_CASE("full jitter stays within [floor, ceiling] and spreads values") {
    RetryPolicy p;
    p.base = 1000ms;
    p.cap = 30s;
    p.floor = 100ms;
    std::mt19937_64 rng(42);
    for (int attempt = 0; attempt < 12; ++attempt) {
        const auto ceiling = backoff_ceiling(p, attempt);
        std::chrono::milliseconds lo = ceiling, hi = 0ms;
        for (int i = 0; i < 500; ++i) {
            const auto d = full_jitter_delay(p, attempt, rng);
            REQUIRE(d >= p.floor);
            REQUIRE(d <= ceiling);
            lo = std::min(lo, d);
            hi = std::max(hi, d);
        }
        // Full jitter uses the whole interval, not a narrow band near the top.
        CHECK(lo < p.floor + (ceiling - p.floor) / 4);
        CHECK(hi > p.floor + (ceiling - p.floor) * 3 / 4);
    }
}

TEST_CASE("seeded engines give identical sequences") {
    RetryPolicy p;
    std::mt19937_64 a(7), b(7);
    for (int i = 0; i < 50; ++i) CHECK(full_jitter_delay(p, i % 9, a) == full_jitter_delay(p, i % 9, b));
}

TEST_CASE("floor above the ceiling never produces less than the floor") {
    RetryPolicy p;
    p.base = 10ms;
    p.cap = 20ms;
    p.floor = 250ms;
    std::mt19937_64 rng(1);
    for (int i = 0; i < 100; ++i) CHECK(full_jitter_delay(p, i, rng) == 250ms);
}

TEST_CASE("Retry-After is a lower bound and is capped") {
    RetryPolicy p;
    p.base = 100ms;
    p.cap = 1s;
    p.floor = 50ms;
    p.retry_after_cap = 120s;
    std::mt19937_64 rng(3);
    for (int i = 0; i < 100; ++i) {
        CHECK(next_retry_delay(p, 0, 5s, rng) == 5s);            // server asked for 5 s
        CHECK(next_retry_delay(p, 0, 3600s, rng) == 120s);       // an hour is capped
        const auto d = next_retry_delay(p, 3, std::nullopt, rng);  // plain jitter
        CHECK(d >= 50ms);
        CHECK(d <= 800ms);
        CHECK(next_retry_delay(p, 9, 0ms, rng) >= 50ms);
    }
}
