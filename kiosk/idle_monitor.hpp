// Idle wipe timing: after `timeout` without a touch a countdown starts; when
// it runs out the session must be wiped. Pure timing, no UI.
#pragma once

#include <cstdint>

namespace madoguchi {

enum class IdleState { active, counting_down, expired };

class IdleMonitor {
public:
    IdleMonitor(std::int64_t timeout_ms, std::int64_t countdown_ms) : timeout_ms_(timeout_ms), countdown_ms_(countdown_ms) {}

    void reset(std::int64_t now_ms) { last_activity_ms_ = now_ms; }
    IdleState state(std::int64_t now_ms) const {
        const auto idle = now_ms - last_activity_ms_;
        if (idle < timeout_ms_) return IdleState::active;
        if (idle < timeout_ms_ + countdown_ms_) return IdleState::counting_down;
        return IdleState::expired;
    }
    // Whole seconds left on the countdown (rounded up), for the overlay.
    int seconds_left(std::int64_t now_ms) const {
        const auto left = timeout_ms_ + countdown_ms_ - (now_ms - last_activity_ms_);
        return left <= 0 ? 0 : static_cast<int>((left + 999) / 1000);
    }
    // When the loop must wake next to update the countdown or wipe.
    std::int64_t next_deadline_ms(std::int64_t now_ms) const {
        switch (state(now_ms)) {
            case IdleState::active: return last_activity_ms_ + timeout_ms_;
            case IdleState::counting_down: {
                const auto into = now_ms - last_activity_ms_ - timeout_ms_;
                return now_ms + (1000 - into % 1000);  // next whole second of the countdown
            }
            default: return now_ms;
        }
    }
    void set_timeouts(std::int64_t timeout_ms, std::int64_t countdown_ms) {
        timeout_ms_ = timeout_ms;
        countdown_ms_ = countdown_ms;
    }

private:
    std::int64_t timeout_ms_;
    std::int64_t countdown_ms_;
    std::int64_t last_activity_ms_ = 0;
};

}  // namespace madoguchi
