// Drawing of synthetic cards and pages and of the capture defects tests need.
#include "tests/data/imaging/synthetic_document.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <vector>

#include "data/imaging/perspective_warp.hpp"

namespace madoguchi::synthetic {
namespace {

// Small deterministic generator (same sequence on every platform).
struct Lcg {
    std::uint32_t state;
    std::uint32_t next() {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    }
    int range(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint32_t>(hi - lo + 1)); }
};

void fill_rect(Image& img, int x, int y, int w, int h, Rgb c) {
    const PixelRect r = clip_rect({x, y, w, h}, img.width, img.height);
    for (int yy = r.y; yy < r.y + r.height; ++yy) {
        for (int xx = r.x; xx < r.x + r.width; ++xx) {
            std::uint8_t* p = img.at(xx, yy);
            p[0] = c[0]; p[1] = c[1]; p[2] = c[2];
        }
    }
}

// Lines of "characters": each cell gets 2-4 horizontal/vertical strokes.
void draw_text(Image& img, Lcg& rng, int x0, int x1, int y0, int y1, int cell, Rgb ink) {
    const int stroke = std::max(1, cell / 7);
    for (int y = y0; y + cell <= y1; y += cell * 8 / 5) {
        const int line_end = x0 + (x1 - x0) * rng.range(55, 100) / 100;
        for (int x = x0; x + cell <= line_end; x += cell + cell / 6) {
            const int strokes = rng.range(2, 4);
            for (int s = 0; s < strokes; ++s) {
                if (rng.next() % 2) {
                    const int yy = y + rng.range(0, cell - stroke);
                    const int xa = x + rng.range(0, cell / 3);
                    fill_rect(img, xa, yy, rng.range(cell / 2, cell - (xa - x)), stroke, ink);
                } else {
                    const int xx = x + rng.range(0, cell - stroke);
                    const int ya = y + rng.range(0, cell / 3);
                    fill_rect(img, xx, ya, stroke, rng.range(cell / 2, cell - (ya - y)), ink);
                }
            }
        }
    }
}

}  // namespace

Image draw_card(int width, int height, std::uint32_t seed) {
    Lcg rng{seed};
    Image card = make_image(width, height, 3);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            std::uint8_t* p = card.at(x, y);
            // Faint diagonal guilloche-like tint, as security backgrounds have.
            const int wave = static_cast<int>(6 * std::sin((x + y) * 0.05));
            p[0] = static_cast<std::uint8_t>(222 + wave);
            p[1] = static_cast<std::uint8_t>(232 + wave);
            p[2] = static_cast<std::uint8_t>(222 - wave);
        }
    }
    fill_rect(card, 0, 0, width, height / 9, {150, 190, 225});
    const int cell = std::max(6, width / 38);
    draw_text(card, rng, width / 30, width * 2 / 3, height / 6, height * 9 / 10, cell, {25, 25, 35});
    // Photo: grey box with a darker head and shoulders.
    const int px = width * 7 / 10, py = height * 3 / 10, pw = width / 4, ph = height * 6 / 10;
    fill_rect(card, px, py, pw, ph, {170, 175, 185});
    for (int y = py; y < py + ph; ++y) {
        for (int x = px; x < px + pw; ++x) {
            const double dx = (x - (px + pw / 2.0)) / (pw * 0.25), dy = (y - (py + ph * 0.38)) / (ph * 0.22);
            const double sx = (x - (px + pw / 2.0)) / (pw * 0.45), sy = (y - (py + ph * 1.05)) / (ph * 0.4);
            if (dx * dx + dy * dy < 1 || sx * sx + sy * sy < 1) fill_rect(card, x, y, 1, 1, {70, 60, 55});
        }
    }
    return card;
}

Image draw_page(int width, int height, std::uint32_t seed) {
    Lcg rng{seed};
    Image page = make_image(width, height, 3, 246);
    const int cell = std::max(6, width / 70);
    draw_text(page, rng, width / 10, width * 9 / 10, height / 10, height * 9 / 10, cell, {20, 20, 20});
    return page;
}

Scene place_on_quad(const Image& card, int frame_width, int frame_height, const Quad& corners, Rgb background) {
    const std::array<PointF, 4> rect{PointF{0, 0}, PointF{static_cast<double>(card.width), 0},
                                     PointF{static_cast<double>(card.width), static_cast<double>(card.height)},
                                     PointF{0, static_cast<double>(card.height)}};
    const auto to_card = homography_between(corners.corners, rect);
    if (!to_card) throw std::invalid_argument("degenerate quad");
    Scene scene{make_image(frame_width, frame_height, 3), corners};
    for (int y = 0; y < frame_height; ++y) {
        for (int x = 0; x < frame_width; ++x) {
            int acc[3] = {0, 0, 0};
            for (int s = 0; s < 4; ++s) {
                const PointF q = to_card->apply({x + 0.25 + 0.5 * (s % 2), y + 0.25 + 0.5 * (s / 2)});
                const int cx = static_cast<int>(std::floor(q.x)), cy = static_cast<int>(std::floor(q.y));
                const bool inside = cx >= 0 && cy >= 0 && cx < card.width && cy < card.height;
                const std::uint8_t* p = inside ? card.at(cx, cy) : background.data();
                for (int c = 0; c < 3; ++c) acc[c] += p[c];
            }
            std::uint8_t* out = scene.frame.at(x, y);
            for (int c = 0; c < 3; ++c) out[c] = static_cast<std::uint8_t>((acc[c] + 2) / 4);
        }
    }
    return scene;
}

Scene place_rotated(const Image& card, int frame_width, int frame_height, PointF centre, double degrees, Rgb background) {
    const double a = degrees * std::numbers::pi / 180.0;
    const double hw = card.width / 2.0, hh = card.height / 2.0;
    const PointF local[4] = {{-hw, -hh}, {hw, -hh}, {hw, hh}, {-hw, hh}};
    Quad quad;
    for (std::size_t i = 0; i < 4; ++i) {
        quad.corners[i] = {centre.x + local[i].x * std::cos(a) - local[i].y * std::sin(a),
                           centre.y + local[i].x * std::sin(a) + local[i].y * std::cos(a)};
    }
    return place_on_quad(card, frame_width, frame_height, quad, background);
}

Image blur(const Image& image, double sigma) {
    if (sigma <= 0) return image;
    // Three box passes of width w approximate a Gaussian: sigma^2 = 3 (w^2 - 1) / 12.
    const int w = std::max(1, static_cast<int>(std::lround(std::sqrt(4.0 * sigma * sigma + 1.0))));
    const int r = w / 2;
    Image a = image, b = image;
    const int ch = image.channels;
    auto pass = [&](const Image& src, Image& dst, bool horizontal) {
        const int n = horizontal ? src.width : src.height;
        const int lines = horizontal ? src.height : src.width;
        std::vector<int> sum(static_cast<std::size_t>(ch));
        for (int line = 0; line < lines; ++line) {
            auto px = [&](int i) { i = std::clamp(i, 0, n - 1); return horizontal ? src.at(i, line) : src.at(line, i); };
            for (int c = 0; c < ch; ++c) {
                int s = 0;
                for (int i = -r; i <= r; ++i) s += px(i)[c];
                sum[static_cast<std::size_t>(c)] = s;
            }
            for (int i = 0; i < n; ++i) {
                std::uint8_t* d = horizontal ? dst.at(i, line) : dst.at(line, i);
                for (int c = 0; c < ch; ++c) {
                    d[c] = static_cast<std::uint8_t>(sum[static_cast<std::size_t>(c)] / (2 * r + 1));
                    sum[static_cast<std::size_t>(c)] += px(i + r + 1)[c] - px(i - r)[c];
                }
            }
        }
    };
    for (int k = 0; k < 3; ++k) {
        pass(a, b, true);
        pass(b, a, false);
    }
    return a;
}

Image expose(const Image& image, double gain, int offset) {
    Image out = image;
    for (auto& v : out.bytes) v = static_cast<std::uint8_t>(std::clamp(static_cast<int>(std::lround(v * gain)) + offset, 0, 255));
    return out;
}

Image add_glare(const Image& image, PointF centre, double radius) {
    Image out = image;
    for (int y = 0; y < out.height; ++y) {
        for (int x = 0; x < out.width; ++x) {
            const double d = std::hypot(x + 0.5 - centre.x, y + 0.5 - centre.y);
            if (d > radius * 1.6) continue;
            // Fully saturated core, fading halo around it.
            const double t = d <= radius ? 1.0 : 1.0 - (d - radius) / (0.6 * radius);
            std::uint8_t* p = out.at(x, y);
            for (int c = 0; c < out.channels; ++c) p[c] = static_cast<std::uint8_t>(std::lround(p[c] + (255 - p[c]) * t));
        }
    }
    return out;
}

}  // namespace madoguchi::synthetic
