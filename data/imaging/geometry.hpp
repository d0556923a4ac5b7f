// Plane geometry shared by the imaging steps: points, pixel rectangles and
// the four corners of a document seen in a frame.
#pragma once

#include <array>

namespace madoguchi {

// Continuous image coordinates: pixel (i, j) covers [i, i+1) x [j, j+1).
struct PointF {
    double x = 0;
    double y = 0;
};

// Axis-aligned rectangle in whole pixels (masks, crops).
struct PixelRect {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;

    bool empty() const { return width <= 0 || height <= 0; }
};

// Rectangle as fractions of an image's width/height (0..1), so a mask drawn
// on a preview applies unchanged to the full-resolution image.
struct RelativeRect {
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;
};

// Corners of a document in a frame, clockwise as seen on screen:
// top-left, top-right, bottom-right, bottom-left.
struct Quad {
    std::array<PointF, 4> corners;
};

// The part of `rect` inside a width x height image (empty when disjoint).
PixelRect clip_rect(PixelRect rect, int width, int height);

// A relative rectangle in pixels of a width x height image, rounded outwards
// so that a mask never shrinks by rounding.
PixelRect to_pixels(const RelativeRect& rect, int width, int height);

}  // namespace madoguchi
