// Random UUID v4 strings for client ids, idempotency keys and file ids.
#pragma once

#include <string>
#include <string_view>

namespace madoguchi {

// "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx" from libsodium's CSPRNG
// (randombytes_buf), lower-case hex.
std::string make_uuid_v4();

// True for the canonical lower/upper-case 8-4-4-4-12 hex form. Used before a
// uuid becomes part of a file name.
bool is_uuid(std::string_view text);

}  // namespace madoguchi
