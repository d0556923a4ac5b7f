// The registration number a person shows staff when their sign-up is still
// queued on this kiosk: short, unambiguous, derived from the account id.
#pragma once

#include <string>
#include <string_view>

namespace madoguchi {

// "MD-XXXX-XXXX" from the first 8 hex digits of the account's client_id
// (upper-case). Staff can find the queued row by it; it never changes.
std::string registration_number_for(std::string_view client_id);

}  // namespace madoguchi
