// libsodium start-up.
#include "data/crypto/sodium_init.hpp"

#include <sodium.h>

#include <stdexcept>

namespace madoguchi {

void ensure_sodium_initialized() {
    // sodium_init is itself thread-safe and returns 1 when already done.
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

}  // namespace madoguchi
