// Camera pixel formats to RGB: packed YUYV 4:2:2 and Motion-JPEG (whose
// frames often omit the Huffman tables a still-image decoder needs).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "data/imaging/image.hpp"
#include "data/result.hpp"

namespace madoguchi {

// YUYV (Y0 U Y1 V per two pixels), ITU-R BT.601 limited range, to RGB.
// `bytes_per_line` >= width * 2 (drivers may pad rows); width must be even.
Result<Image> yuyv_to_rgb(std::span<const std::uint8_t> data, int width, int height, int bytes_per_line);

// A JPEG with the standard Huffman tables (ITU-T T.81 Annex K.3) inserted
// before the scan when it has none, as MJPEG webcams send it (AVI1 style).
// Input that already has tables, or is not a JPEG, is returned unchanged.
std::vector<std::uint8_t> with_default_huffman_tables(std::span<const std::uint8_t> jpeg);

// Decodes one MJPEG frame to RGB.
Result<Image> mjpeg_to_rgb(std::span<const std::uint8_t> data);

}  // namespace madoguchi
