// The one table from failure kind to what the sync engine does about it.
#include "net/failure.hpp"

namespace madoguchi {

FailureAction action_for(const Failure& failure) {
    switch (failure.kind) {
        case FailureKind::transport:
        case FailureKind::timeout:
        case FailureKind::server_busy:
        case FailureKind::malformed_reply:
            return FailureAction::retry;
        case FailureKind::tls:
        case FailureKind::unauthorized:
            return FailureAction::pause_queue;
        case FailureKind::aborted:
            return FailureAction::abort;
        case FailureKind::conflict:
            // The same key still running on the server (our earlier attempt
            // whose reply was lost) settles by itself: ask again later.
            return failure.error.code == "idempotency.in_progress" ? FailureAction::retry
                                                                   : FailureAction::dead_letter;
        case FailureKind::rejected:
        case FailureKind::forbidden:
        case FailureKind::not_found:
            return FailureAction::dead_letter;
    }
    return FailureAction::dead_letter;
}

const char* to_code(FailureKind kind) {
    switch (kind) {
        case FailureKind::transport: return "transport";
        case FailureKind::timeout: return "timeout";
        case FailureKind::tls: return "tls";
        case FailureKind::aborted: return "aborted";
        case FailureKind::rejected: return "rejected";
        case FailureKind::unauthorized: return "unauthorized";
        case FailureKind::forbidden: return "forbidden";
        case FailureKind::not_found: return "not_found";
        case FailureKind::conflict: return "conflict";
        case FailureKind::server_busy: return "server_busy";
        case FailureKind::malformed_reply: return "malformed_reply";
    }
    return "unknown";
}

}  // namespace madoguchi
