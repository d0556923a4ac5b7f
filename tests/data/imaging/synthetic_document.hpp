// Generated test documents: a card with text-like strokes and a photo, placed
// on a background at any position, rotation or perspective, then blurred,
// darkened, brightened or given a glare spot. Used by imaging tests and
// bench/imaging (no real identity document is ever needed).
#pragma once

#include <array>
#include <cstdint>

#include "data/imaging/geometry.hpp"
#include "data/imaging/image.hpp"

namespace madoguchi::synthetic {

using Rgb = std::array<std::uint8_t, 3>;

// A width x height RGB card: tinted background, a coloured band, a photo box
// and lines of character-like strokes, deterministic for a seed.
Image draw_card(int width, int height, std::uint32_t seed = 1);

// An A4-like white page with paragraphs of strokes.
Image draw_page(int width, int height, std::uint32_t seed = 1);

struct Scene {
    Image frame;
    Quad corners;  // where the card's corners landed
};

// `card` mapped onto `corners` of a frame_width x frame_height frame filled
// with `background` (2x2 supersampled edges, like a real camera).
Scene place_on_quad(const Image& card, int frame_width, int frame_height, const Quad& corners, Rgb background);

// `card` rotated by degrees (clockwise on screen) about `centre`.
Scene place_rotated(const Image& card, int frame_width, int frame_height, PointF centre, double degrees, Rgb background);

// Approximate Gaussian blur (three box passes) of standard deviation sigma px.
Image blur(const Image& image, double sigma);

// out = clamp(in * gain + offset).
Image expose(const Image& image, double gain, int offset);

// A saturated white spot of `radius` px with a soft halo, like a reflection.
Image add_glare(const Image& image, PointF centre, double radius);

}  // namespace madoguchi::synthetic
