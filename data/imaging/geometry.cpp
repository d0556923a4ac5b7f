// Rectangle clipping and relative-to-pixel conversion.
#include "data/imaging/geometry.hpp"

#include <algorithm>
#include <cmath>

namespace madoguchi {

PixelRect clip_rect(PixelRect rect, int width, int height) {
    const int x0 = std::max(rect.x, 0);
    const int y0 = std::max(rect.y, 0);
    const int x1 = std::min(rect.x + std::max(rect.width, 0), width);
    const int y1 = std::min(rect.y + std::max(rect.height, 0), height);
    if (x1 <= x0 || y1 <= y0) return {};
    return {x0, y0, x1 - x0, y1 - y0};
}

PixelRect to_pixels(const RelativeRect& rect, int width, int height) {
    const int x0 = static_cast<int>(std::floor(rect.x * width));
    const int y0 = static_cast<int>(std::floor(rect.y * height));
    const int x1 = static_cast<int>(std::ceil((rect.x + rect.width) * width));
    const int y1 = static_cast<int>(std::ceil((rect.y + rect.height) * height));
    return clip_rect({x0, y0, x1 - x0, y1 - y0}, width, height);
}

}  // namespace madoguchi
