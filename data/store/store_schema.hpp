// The kiosk store's schema: the numbered migration steps of its database.
#pragma once

#include <span>

#include "data/store/migrations.hpp"

namespace madoguchi {

std::span<const Migration> store_migrations();

}  // namespace madoguchi
