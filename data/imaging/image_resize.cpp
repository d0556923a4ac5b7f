// stb_image_resize wrapper; the implementation is in Debian's libstb.so.
#include "data/imaging/image_resize.hpp"

#include <stb_image_resize.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace madoguchi {

Image resize_image(const Image& image, int width, int height) {
    if (image.empty() || width <= 0 || height <= 0) throw std::invalid_argument("resize_image: empty size");
    if (width == image.width && height == image.height) return image;
    Image out = make_image(width, height, image.channels);
    if (!stbir_resize_uint8(image.bytes.data(), image.width, image.height, static_cast<int>(image.row_bytes()),
                            out.bytes.data(), width, height, static_cast<int>(out.row_bytes()), image.channels)) {
        throw std::runtime_error("stbir_resize_uint8 failed");
    }
    return out;
}

Image shrink_to_fit(const Image& image, int max_side) {
    const int longer = std::max(image.width, image.height);
    if (longer <= max_side) return image;
    const double s = static_cast<double>(max_side) / longer;
    return resize_image(image, std::max(1, static_cast<int>(std::lround(image.width * s))),
                        std::max(1, static_cast<int>(std::lround(image.height * s))));
}

}  // namespace madoguchi
