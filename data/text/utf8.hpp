// UTF-8 decoding, validation and encoding. Input from the keyboard, the wire
// and the data sets is untrusted: invalid bytes are detected, never trusted.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace madoguchi {

inline constexpr char32_t kReplacementChar = U'\uFFFD';

// Strict decoding (no overlong forms, no surrogates, nothing above U+10FFFF).
// nullopt when any byte sequence is invalid.
std::optional<std::u32string> decode_utf8(std::string_view bytes);

// Decoding that replaces every invalid sequence with U+FFFD (one per
// maximal invalid subpart, as Unicode recommends).
std::u32string decode_utf8_lossy(std::string_view bytes);

bool is_valid_utf8(std::string_view bytes);

// Byte offset of the first invalid sequence, or nullopt when all is valid.
std::optional<std::size_t> first_invalid_utf8_offset(std::string_view bytes);

// Length in characters (code points). An invalid sequence counts as one
// character, as it would once replaced by U+FFFD.
std::size_t count_code_points(std::string_view bytes);

void append_utf8(std::string& out, char32_t c);
std::string encode_utf8(std::u32string_view code_points);

}  // namespace madoguchi
