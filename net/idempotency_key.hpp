// Idempotency keys: random UUIDv4 strings (the outbox makes its own; this is
// for interactive calls such as sign-in that have no outbox row).
#pragma once

#include <string>

namespace madoguchi {

std::string make_idempotency_key();

}  // namespace madoguchi
