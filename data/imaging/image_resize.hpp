// Resampling of Image to a new size (stb_image_resize, filtered so that
// downscaling averages instead of aliasing).
#pragma once

#include "data/imaging/image.hpp"

namespace madoguchi {

// `image` resampled to width x height (both > 0); same channel count.
Image resize_image(const Image& image, int width, int height);

// Downscaled so that the longer side is at most `max_side` (never upscaled).
Image shrink_to_fit(const Image& image, int max_side);

}  // namespace madoguchi
