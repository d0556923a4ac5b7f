// The content type of a stored image upload, from its first bytes: the one
// answer for every route that serves an uploaded image (company logos,
// identity-document pages). Uploads carry no trusted type of their own.
#pragma once

#include <string_view>

namespace madoguchi::server {

inline std::string_view image_content_type(std::string_view bytes) {
    if (bytes.starts_with("\x89PNG")) return "image/png";
    if (bytes.starts_with("\xFF\xD8\xFF")) return "image/jpeg";
    return "application/octet-stream";
}

}  // namespace madoguchi::server
