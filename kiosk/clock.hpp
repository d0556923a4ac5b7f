// Time source for timers (idle wipe, countdown, toasts): real on the device,
// manual in tests and scripts so time can be advanced without waiting.
#pragma once

#include <chrono>
#include <cstdint>

namespace madoguchi {

class Clock {
public:
    virtual ~Clock() = default;
    virtual std::int64_t now_ms() const = 0;  // monotonic milliseconds
};

class SteadyClock final : public Clock {
public:
    std::int64_t now_ms() const override {
        using namespace std::chrono;
        return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
    }
};

class ManualClock final : public Clock {
public:
    std::int64_t now_ms() const override { return now_; }
    void advance_ms(std::int64_t ms) { now_ += ms; }

private:
    std::int64_t now_ = 1'000'000;
};

}  // namespace madoguchi
