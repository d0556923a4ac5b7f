// SANE status codes as the Errors staff read (Japanese and English).
#pragma once

#include <sane/sane.h>

#include "data/result.hpp"

namespace madoguchi {

// Error for a failed SANE call; `code` "scanner.<reason>".
Error sane_status_error(SANE_Status status);

}  // namespace madoguchi
