// Exponential backoff with full jitter and a cap (pure functions; the caller
// owns the random engine so tests can seed it).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <random>

namespace madoguchi {

struct RetryPolicy {
    std::chrono::milliseconds base{500};     // ceiling of the first retry
    std::chrono::milliseconds cap{std::chrono::minutes(5)};  // ceiling never grows beyond this
    std::chrono::milliseconds floor{100};    // never hammer with a zero delay
    std::chrono::milliseconds retry_after_cap{std::chrono::minutes(10)};
};

// min(cap, base * 2^attempt); attempt 0 is the first retry. Saturates, never overflows.
std::chrono::milliseconds backoff_ceiling(const RetryPolicy& policy, int attempt);

// "Full jitter": uniform in [floor, max(floor, ceiling)].
std::chrono::milliseconds full_jitter_delay(const RetryPolicy& policy, int attempt, std::mt19937_64& rng);

// The delay before the next attempt: a server's Retry-After (capped by
// retry_after_cap) is a lower bound; jitter still spreads many kiosks apart.
std::chrono::milliseconds next_retry_delay(const RetryPolicy& policy, int attempt,
                                           std::optional<std::chrono::milliseconds> retry_after,
                                           std::mt19937_64& rng);

}  // namespace madoguchi
