// Backoff arithmetic; see retry_policy.hpp for the rules.
#include "net/retry_policy.hpp"

#include <algorithm>

namespace madoguchi {

std::chrono::milliseconds backoff_ceiling(const RetryPolicy& policy, int attempt) {
    const auto cap = std::max(policy.cap, std::chrono::milliseconds(0));
    auto value = std::max(policy.base, std::chrono::milliseconds(1));
    for (int i = 0; i < attempt && value < cap; ++i) value *= 2;  // at most ~40 doublings
    return std::min(value, cap);
}

std::chrono::milliseconds full_jitter_delay(const RetryPolicy& policy, int attempt, std::mt19937_64& rng) {
    const auto ceiling = std::max(backoff_ceiling(policy, attempt), policy.floor);
    std::uniform_int_distribution<std::int64_t> pick(policy.floor.count(), ceiling.count());
    return std::chrono::milliseconds(pick(rng));
}

std::chrono::milliseconds next_retry_delay(const RetryPolicy& policy, int attempt,
                                           std::optional<std::chrono::milliseconds> retry_after,
                                           std::mt19937_64& rng) {
    const auto jitter = full_jitter_delay(policy, attempt, rng);
    if (!retry_after) return jitter;
    const auto honoured = std::min(*retry_after, policy.retry_after_cap);
    return std::max(honoured, jitter);
}

}  // namespace madoguchi
