// Turning HTTP replies and Retry-After headers into Failures (pure rules).
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "net/failure.hpp"
#include "net/http_client.hpp"

namespace madoguchi {

// Retry-After is either delta-seconds or an HTTP-date; `now` anchors the
// date form. Negative or unparsable values give nullopt; the result is capped.
std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                           std::chrono::system_clock::time_point now,
                                                           std::chrono::milliseconds cap);

// Kind for an HTTP status that is not 2xx.
FailureKind kind_for_status(long status);

// A non-2xx reply as a Failure: parses the API error shape
// {"error": {"code","field","message","message_ja"}} when present, else a
// generic message; Retry-After honoured for 408/429/5xx.
Failure failure_from_reply(const HttpResponse& reply, std::chrono::milliseconds retry_after_cap);

}  // namespace madoguchi
