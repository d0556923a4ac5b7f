// PIN verification for staff and technician entry: Argon2id hashes
// (libsodium) in the configuration, and a growing lockout after wrong tries.
#pragma once

#include <cstdint>
#include <string>

#include "data/result.hpp"

namespace madoguchi {

// Argon2id hash string of `pin` (for `madoguchi --hash-pin`).
Result<std::string> hash_pin(const std::string& pin);
bool verify_pin(const std::string& hash, const std::string& pin);

// 5 wrong tries lock for 30 s, then each further wrong try doubles it (cap 1 h).
class PinLockout {
public:
    bool locked(std::int64_t now_ms) const { return now_ms < locked_until_ms_; }
    int seconds_left(std::int64_t now_ms) const {
        return locked(now_ms) ? static_cast<int>((locked_until_ms_ - now_ms + 999) / 1000) : 0;
    }
    void record_failure(std::int64_t now_ms);
    void record_success() { failures_ = 0, locked_until_ms_ = 0; }
    int failures() const { return failures_; }

private:
    int failures_ = 0;
    std::int64_t locked_until_ms_ = 0;
};

}  // namespace madoguchi
