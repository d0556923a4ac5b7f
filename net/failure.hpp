// How a network call failed and what the caller should do about it: the one
// classification shared by the HTTP client, the API client and the sync engine.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "data/result.hpp"

namespace madoguchi {

enum class FailureKind {
    transport,        // refused, reset, DNS, cut mid-transfer: the network, not the record
    timeout,          // connect timeout or a transfer that stalled below the low-speed bound
    tls,              // certificate, CA or public-key pin refused: a technician must look
    aborted,          // we asked curl to stop (shutdown): neither success nor failure
    rejected,         // 400/422 and other 4xx the record itself caused: never retried
    unauthorized,     // 401: the device token is not accepted (re-enrolment needed)
    forbidden,        // 403: this device may not act for that account
    not_found,        // 404
    conflict,         // 409 (slug taken, offset mismatch, idempotency key in progress)
    server_busy,      // 408, 429, 5xx: the server asks us to come back later
    malformed_reply,  // a reply we could not parse (proxy garbage, truncated JSON)
};

// What the sync engine does with the outbox row (or the whole queue).
enum class FailureAction {
    retry,        // back off (honouring Retry-After) and send the same row again
    dead_letter,  // park the row with the server's message; a person must act
    pause_queue,  // nothing can succeed until configuration changes (TLS, token)
    abort,        // shutting down: leave the row as it was
};

struct Failure {
    FailureKind kind = FailureKind::transport;
    int http_status = 0;                                // 0 when no HTTP reply arrived
    std::optional<std::chrono::milliseconds> retry_after;  // already capped
    Error error;                                        // server's message when it sent one
};

FailureAction action_for(const Failure& failure);
const char* to_code(FailureKind kind);

// Result<T> whose failure carries the classification above. Kept separate
// from data/result.hpp because only the network layer needs retry hints.
template <typename T>
class [[nodiscard]] NetResult {
public:
    NetResult(T value) : v_(std::move(value)) {}
    NetResult(Failure failure) : v_(std::move(failure)) {}

    bool ok() const { return std::holds_alternative<T>(v_); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(v_); }
    const T& value() const& { return std::get<T>(v_); }
    T&& value() && { return std::get<T>(std::move(v_)); }
    const Failure& failure() const { return std::get<Failure>(v_); }
    const Error& error() const { return failure().error; }

    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

private:
    std::variant<T, Failure> v_;
};

using NetStatus = NetResult<Ok>;

}  // namespace madoguchi
