// libsodium start-up: sodium_init() once per process before any crypto call.
#pragma once

namespace madoguchi {

// Idempotent and thread-safe. Throws std::runtime_error when libsodium cannot
// initialise (no entropy source): a start-up failure, not an expected one.
void ensure_sodium_initialized();

}  // namespace madoguchi
