// Image: the one in-memory raster that scanners, cameras and every imaging
// step exchange (8-bit gray or RGB, rows tightly packed).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "data/imaging/geometry.hpp"

namespace madoguchi {

struct Image {
    int width = 0;
    int height = 0;
    int channels = 0;                 // 1 = gray, 3 = RGB
    std::vector<std::uint8_t> bytes;  // width * channels bytes per row, no padding

    bool empty() const { return width <= 0 || height <= 0 || channels <= 0; }
    std::size_t row_bytes() const { return static_cast<std::size_t>(width) * static_cast<std::size_t>(channels); }
    std::uint8_t* at(int x, int y) { return bytes.data() + static_cast<std::size_t>(y) * row_bytes() + static_cast<std::size_t>(x) * static_cast<std::size_t>(channels); }
    const std::uint8_t* at(int x, int y) const { return bytes.data() + static_cast<std::size_t>(y) * row_bytes() + static_cast<std::size_t>(x) * static_cast<std::size_t>(channels); }
};

// A width x height image of `channels` channels, every byte set to `fill`.
Image make_image(int width, int height, int channels, std::uint8_t fill = 0);

// Luma (ITU-R BT.601 weights) as a 1-channel image; gray input is copied.
Image to_gray(const Image& image);

// 3-channel copy (gray replicated); RGB input is copied.
Image to_rgb(const Image& image);

// The pixels of `rect` (clipped to the image) as a new image.
Image crop(const Image& image, PixelRect rect);

// Rotated clockwise by quarter turns (negative turns rotate anticlockwise),
// for staff who placed a card sideways.
Image rotate_quarter_turns(const Image& image, int turns);

}  // namespace madoguchi
