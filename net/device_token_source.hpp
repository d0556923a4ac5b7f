// DeviceTokenSource: the one place the running kiosk keeps its device token.
// Every service that calls the platform reads it per request, so a token
// that arrives (first-start enrolment) or is replaced (re-enrolment after a
// 401) reaches all of them at once instead of at the next start.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

namespace madoguchi {

class DeviceTokenSource {
public:
    DeviceTokenSource() = default;
    explicit DeviceTokenSource(std::string token) : token_(std::move(token)) {}

    // "" while the kiosk is not enrolled (calls then go out without the
    // header and the server answers 401, which callers report as offline).
    std::string token() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return token_;
    }
    // Enrolment answered (or was redone): the next request of every reader carries it.
    void set(std::string token) {
        std::lock_guard<std::mutex> lock(mutex_);
        token_ = std::move(token);
        ++generation_;
    }
    // The server refused the token: nobody sends it again.
    void clear() { set({}); }
    // Changes with every set()/clear(): lets a reader that caches something
    // built from the token (the sync engine) see that it is stale.
    std::uint64_t generation() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return generation_;
    }

private:
    mutable std::mutex mutex_;
    std::string token_;
    std::uint64_t generation_ = 0;
};

using SharedDeviceToken = std::shared_ptr<DeviceTokenSource>;

}  // namespace madoguchi
