// PNG/JPEG decoding and encoding of Image in memory (stb). Files on disk are
// the store's business: identity scans are encrypted before they are written.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "data/imaging/image.hpp"
#include "data/result.hpp"

namespace madoguchi {

// Decodes PNG or JPEG (any stb-supported format) to gray or RGB 8-bit; alpha
// is dropped, 16-bit samples are reduced. Refuses images larger than
// kMaxDecodedPixels so a hostile file cannot exhaust memory.
inline constexpr long long kMaxDecodedPixels = 100'000'000;
Result<Image> decode_image(std::span<const std::uint8_t> encoded);

// Reads and decodes an image file (used by the file-backed camera and tools).
Result<Image> read_image_file(const std::string& path);

// Lossless PNG. stb writes no metadata chunks (no EXIF, no time, no device).
Result<std::vector<std::uint8_t>> encode_png(const Image& image);

// Baseline JPEG, quality 1..100.
Result<std::vector<std::uint8_t>> encode_jpeg(const Image& image, int quality = 90);

}  // namespace madoguchi
