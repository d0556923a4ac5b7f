// Homography solve (8x8 Gaussian elimination) and bilinear inverse mapping.
#include "data/imaging/perspective_warp.hpp"

#include <algorithm>
#include <cmath>

namespace madoguchi {

PointF Homography::apply(PointF p) const {
    const double w = h[6] * p.x + h[7] * p.y + h[8];
    return {(h[0] * p.x + h[1] * p.y + h[2]) / w, (h[3] * p.x + h[4] * p.y + h[5]) / w};
}

std::optional<Homography> homography_between(const std::array<PointF, 4>& from, const std::array<PointF, 4>& to) {
    // Unknowns h0..h7; two equations per correspondence.
    double a[8][9] = {};
    for (int i = 0; i < 4; ++i) {
        const double x = from[i].x, y = from[i].y, u = to[i].x, v = to[i].y;
        double* r0 = a[2 * i];
        double* r1 = a[2 * i + 1];
        r0[0] = x; r0[1] = y; r0[2] = 1; r0[6] = -u * x; r0[7] = -u * y; r0[8] = u;
        r1[3] = x; r1[4] = y; r1[5] = 1; r1[6] = -v * x; r1[7] = -v * y; r1[8] = v;
    }
    for (int col = 0; col < 8; ++col) {
        int pivot = col;
        for (int r = col + 1; r < 8; ++r) {
            if (std::fabs(a[r][col]) > std::fabs(a[pivot][col])) pivot = r;
        }
        if (std::fabs(a[pivot][col]) < 1e-12) return std::nullopt;
        if (pivot != col) {
            for (int c = 0; c < 9; ++c) std::swap(a[pivot][c], a[col][c]);
        }
        for (int r = 0; r < 8; ++r) {
            if (r == col) continue;
            const double f = a[r][col] / a[col][col];
            if (f == 0) continue;
            for (int c = col; c < 9; ++c) a[r][c] -= f * a[col][c];
        }
    }
    Homography hm;
    for (int i = 0; i < 8; ++i) hm.h[static_cast<std::size_t>(i)] = a[i][8] / a[i][i];
    hm.h[8] = 1;
    return hm;
}

namespace {
double distance(PointF a, PointF b) { return std::hypot(a.x - b.x, a.y - b.y); }
}  // namespace

WarpSize upright_size(const Quad& quad, std::optional<double> aspect) {
    const auto& c = quad.corners;
    const double w = std::max(distance(c[0], c[1]), distance(c[3], c[2]));
    const double h = std::max(distance(c[0], c[3]), distance(c[1], c[2]));
    WarpSize size{std::max(1, static_cast<int>(std::lround(w))), std::max(1, static_cast<int>(std::lround(h)))};
    if (aspect && *aspect > 0) {
        if (size.width >= size.height) {
            size.height = std::max(1, static_cast<int>(std::lround(size.width / *aspect)));
        } else {
            size.width = std::max(1, static_cast<int>(std::lround(size.height / *aspect)));
        }
    }
    return size;
}

Image warp_quad(const Image& frame, const Quad& quad, WarpSize size) {
    if (frame.empty() || size.width <= 0 || size.height <= 0) return {};
    const std::array<PointF, 4> rect{PointF{0, 0}, PointF{static_cast<double>(size.width), 0},
                                     PointF{static_cast<double>(size.width), static_cast<double>(size.height)},
                                     PointF{0, static_cast<double>(size.height)}};
    const auto to_frame = homography_between(rect, quad.corners);
    if (!to_frame) return {};
    const auto& h = to_frame->h;
    Image out = make_image(size.width, size.height, frame.channels);
    const int ch = frame.channels;
    const int max_x = frame.width - 1;
    const int max_y = frame.height - 1;
    for (int v = 0; v < size.height; ++v) {
        std::uint8_t* dst = out.at(0, v);
        const double yv = v + 0.5;
        for (int u = 0; u < size.width; ++u, dst += ch) {
            const double xu = u + 0.5;
            const double w = h[6] * xu + h[7] * yv + h[8];
            // Sample positions are pixel centres: continuous x maps to index x - 0.5.
            const double sx = (h[0] * xu + h[1] * yv + h[2]) / w - 0.5;
            const double sy = (h[3] * xu + h[4] * yv + h[5]) / w - 0.5;
            const double fx = std::clamp(sx, 0.0, static_cast<double>(max_x));
            const double fy = std::clamp(sy, 0.0, static_cast<double>(max_y));
            const int x0 = static_cast<int>(fx);
            const int y0 = static_cast<int>(fy);
            const int x1 = std::min(x0 + 1, max_x);
            const int y1 = std::min(y0 + 1, max_y);
            const double ax = fx - x0;
            const double ay = fy - y0;
            const std::uint8_t* p00 = frame.at(x0, y0);
            const std::uint8_t* p10 = frame.at(x1, y0);
            const std::uint8_t* p01 = frame.at(x0, y1);
            const std::uint8_t* p11 = frame.at(x1, y1);
            for (int k = 0; k < ch; ++k) {
                const double top = p00[k] + (p10[k] - p00[k]) * ax;
                const double bottom = p01[k] + (p11[k] - p01[k]) * ax;
                dst[k] = static_cast<std::uint8_t>(std::lround(top + (bottom - top) * ay));
            }
        }
    }
    return out;
}

}  // namespace madoguchi
