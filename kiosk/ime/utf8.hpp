// UTF-8 code point decoding/encoding used by the input engine: the keyboard
// edits text one character (code point) at a time, never one byte.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace madoguchi::ime {

// One decoded code point and how many bytes it used.
struct DecodedCodePoint {
    char32_t code_point;
    std::size_t length;
};

// Decodes the code point at the start of `text`; nullopt when `text` is empty
// or starts with an invalid or truncated sequence (overlongs and surrogates
// included).
std::optional<DecodedCodePoint> decode_first_code_point(std::string_view text);

// Byte offset where the last code point of valid UTF-8 `text` starts
// (text.size() when empty).
std::size_t last_code_point_offset(std::string_view text);

// Appends `cp` encoded as UTF-8; code points that are not Unicode scalar
// values are ignored.
void append_utf8(std::string& out, char32_t cp);

bool is_valid_utf8(std::string_view text);

}  // namespace madoguchi::ime
