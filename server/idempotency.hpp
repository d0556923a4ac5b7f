// Idempotency-Key handling: stored responses are replayed forever (a kiosk
// may be offline for weeks); a key reused with another request is refused;
// a key whose first request is still running is reported as in progress.
#pragma once

#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "server/api_response.hpp"
#include "server/sqlite_connection.hpp"

namespace madoguchi::server {

class ServerDatabase;

// Keys whose first request is being handled right now (memory only: after a
// restart nothing is running, and the client's retry simply runs again).
class InFlightKeys {
public:
    bool try_acquire(const std::string& scope, const std::string& key);
    void release(const std::string& scope, const std::string& key);

private:
    std::mutex mutex_;
    std::set<std::pair<std::string, std::string>> keys_;
};

// Fingerprint of what the key promises: method, path (with query) and body.
std::string request_fingerprint(const std::string& method, const std::string& target, const std::string& body);

enum class StoredOutcome { none, replay, key_reused };

struct StoredLookup {
    StoredOutcome outcome = StoredOutcome::none;
    ApiResponse response;  // set for replay
};

StoredLookup find_stored_response(ServerDatabase& db, const std::string& scope, const std::string& key,
                                  const std::string& fingerprint);

// Responses a retry must not see again (transient failures) are not stored.
bool response_is_final(int status);

void store_response(ServerDatabase& db, const std::string& scope, const std::string& key,
                    const std::string& fingerprint, const ApiResponse& response, std::int64_t now_ms);

// The error replies of the protocol.
ApiResponse key_reused_response();
ApiResponse in_progress_response();

}  // namespace madoguchi::server
