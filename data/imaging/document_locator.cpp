// Background difference + largest connected region + largest inscribed
// quadrilateral of its convex hull, refined by fitting a line to each side
// (so that a card's rounded corners do not pull its corners inwards).
#include "data/imaging/document_locator.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

#include "data/imaging/image_resize.hpp"

namespace madoguchi {
namespace {

Error not_found() {
    return Error{"document.not_found", "document",
                 "書類が見つかりません。書類を台の中央に置き、背景と区別できるようにしてください。",
                 "No document found. Place the document in the middle, against a contrasting background."};
}

Error not_inside() {
    return Error{"document.not_inside", "document",
                 "書類の一部が枠からはみ出しています。書類全体が枠に収まるように置き直してください。",
                 "Part of the document is outside the frame. Place the whole document inside the frame."};
}

// Median of each channel over a 2-pixel ring along the frame edge.
std::array<int, 3> border_colour(const Image& img) {
    std::array<std::vector<std::uint8_t>, 3> samples;
    auto take = [&](int x, int y) {
        const std::uint8_t* p = img.at(x, y);
        for (int c = 0; c < img.channels; ++c) samples[static_cast<std::size_t>(c)].push_back(p[c]);
    };
    const int ring = std::min({2, img.width, img.height});
    for (int r = 0; r < ring; ++r) {
        for (int x = 0; x < img.width; ++x) { take(x, r); take(x, img.height - 1 - r); }
        for (int y = 0; y < img.height; ++y) { take(r, y); take(img.width - 1 - r, y); }
    }
    std::array<int, 3> median{};
    for (int c = 0; c < img.channels; ++c) {
        auto& s = samples[static_cast<std::size_t>(c)];
        std::nth_element(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(s.size() / 2), s.end());
        median[static_cast<std::size_t>(c)] = s[s.size() / 2];
    }
    return median;
}

int otsu_threshold(const std::vector<std::uint8_t>& values) {
    std::array<double, 256> hist{};
    for (auto v : values) hist[v] += 1;
    const double total = static_cast<double>(values.size());
    double sum_all = 0;
    for (int i = 0; i < 256; ++i) sum_all += i * hist[static_cast<std::size_t>(i)];
    double w0 = 0, sum0 = 0, best = -1;
    int best_t = 0;
    for (int t = 0; t < 256; ++t) {
        w0 += hist[static_cast<std::size_t>(t)];
        sum0 += t * hist[static_cast<std::size_t>(t)];
        const double w1 = total - w0;
        if (w0 == 0 || w1 == 0) continue;
        const double m0 = sum0 / w0, m1 = (sum_all - sum0) / w1;
        const double between = w0 * w1 * (m0 - m1) * (m0 - m1);
        if (between > best) { best = between; best_t = t; }
    }
    return best_t;
}

// 3x3 erosion or dilation; outside the image counts as `outside` so that a
// document touching the edge keeps touching it after the opening.
std::vector<std::uint8_t> morph(const std::vector<std::uint8_t>& m, int w, int h, bool erode) {
    std::vector<std::uint8_t> out(m.size());
    const std::uint8_t outside = erode ? 1 : 0;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            std::uint8_t v = erode ? 1 : 0;
            for (int dy = -1; dy <= 1; ++dy) {
                for (int dx = -1; dx <= 1; ++dx) {
                    const int xx = x + dx, yy = y + dy;
                    const std::uint8_t s = (xx < 0 || yy < 0 || xx >= w || yy >= h) ? outside : m[static_cast<std::size_t>(yy * w + xx)];
                    if (erode) v &= s; else v |= s;
                }
            }
            out[static_cast<std::size_t>(y * w + x)] = v;
        }
    }
    return out;
}

double cross(PointF o, PointF a, PointF b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

// Andrew's monotone chain; collinear points dropped.
std::vector<PointF> convex_hull(std::vector<PointF> pts) {
    std::sort(pts.begin(), pts.end(), [](PointF a, PointF b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
    pts.erase(std::unique(pts.begin(), pts.end(), [](PointF a, PointF b) { return a.x == b.x && a.y == b.y; }), pts.end());
    if (pts.size() < 3) return pts;
    std::vector<PointF> hull(2 * pts.size());
    std::size_t k = 0;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        while (k >= 2 && cross(hull[k - 2], hull[k - 1], pts[i]) <= 0) --k;
        hull[k++] = pts[i];
    }
    for (std::size_t i = pts.size() - 1, t = k + 1; i > 0; --i) {
        while (k >= t && cross(hull[k - 2], hull[k - 1], pts[i - 1]) <= 0) --k;
        hull[k++] = pts[i - 1];
    }
    hull.resize(k - 1);
    return hull;
}

// Largest-area quadrilateral with vertices on a convex polygon: for each
// diagonal (i, k) the best apex on either side moves monotonically, so the
// search is O(n^2).
std::array<PointF, 4> largest_inscribed_quad(const std::vector<PointF>& p) {
    const std::size_t n = p.size();
    auto at = [&](std::size_t i) { return p[i % n]; };
    auto tri = [&](std::size_t a, std::size_t b, std::size_t c) { return std::fabs(cross(at(a), at(b), at(c))); };
    double best = -1;
    std::array<std::size_t, 4> idx{0, 1, 2, 3};
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t j = i + 1, l = i + 3;
        for (std::size_t k = i + 2; k + 2 <= i + n; ++k) {
            if (j >= k) j = k - 1;
            while (j + 1 < k && tri(i, j + 1, k) >= tri(i, j, k)) ++j;
            if (l <= k) l = k + 1;
            while (l + 1 < i + n && tri(k, l + 1, i) >= tri(k, l, i)) ++l;
            const double area = tri(i, j, k) + tri(k, l, i);
            if (area > best) { best = area; idx = {i, j, k, l}; }
        }
    }
    return {at(idx[0]), at(idx[1]), at(idx[2]), at(idx[3])};
}

struct Line {  // point + unit direction
    PointF p;
    PointF d;
};

// Total-least-squares line through the boundary points along side a→b,
// ignoring the ends (rounded corners) and points far from the side.
std::optional<Line> fit_side(const std::vector<PointF>& boundary, PointF a, PointF b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    if (len2 < 1) return std::nullopt;
    const double len = std::sqrt(len2);
    const double tolerance = std::max(2.0, 0.03 * len);
    double sx = 0, sy = 0;
    std::vector<PointF> near;
    for (const auto& q : boundary) {
        const double t = ((q.x - a.x) * dx + (q.y - a.y) * dy) / len2;
        if (t < 0.12 || t > 0.88) continue;
        const double dist = std::fabs((q.x - a.x) * dy - (q.y - a.y) * dx) / len;
        if (dist > tolerance) continue;
        near.push_back(q);
        sx += q.x;
        sy += q.y;
    }
    if (near.size() < 6) return std::nullopt;
    const double mx = sx / static_cast<double>(near.size()), my = sy / static_cast<double>(near.size());
    double cxx = 0, cxy = 0, cyy = 0;
    for (const auto& q : near) {
        cxx += (q.x - mx) * (q.x - mx);
        cxy += (q.x - mx) * (q.y - my);
        cyy += (q.y - my) * (q.y - my);
    }
    const double angle = 0.5 * std::atan2(2 * cxy, cxx - cyy);
    return Line{{mx, my}, {std::cos(angle), std::sin(angle)}};
}

std::optional<PointF> intersect(const Line& a, const Line& b) {
    const double det = a.d.x * b.d.y - a.d.y * b.d.x;
    if (std::fabs(det) < 1e-6) return std::nullopt;
    const double t = ((b.p.x - a.p.x) * b.d.y - (b.p.y - a.p.y) * b.d.x) / det;
    return PointF{a.p.x + t * a.d.x, a.p.y + t * a.d.y};
}

// Top-left first, then clockwise on screen (y grows downwards).
std::array<PointF, 4> order_corners(std::array<PointF, 4> c) {
    PointF centre{};
    for (const auto& p : c) { centre.x += p.x / 4; centre.y += p.y / 4; }
    std::sort(c.begin(), c.end(), [&](PointF a, PointF b) {
        return std::atan2(a.y - centre.y, a.x - centre.x) < std::atan2(b.y - centre.y, b.x - centre.x);
    });
    std::size_t first = 0;
    for (std::size_t i = 1; i < 4; ++i) {
        if (c[i].x + c[i].y < c[first].x + c[first].y) first = i;
    }
    std::array<PointF, 4> out;
    for (std::size_t i = 0; i < 4; ++i) out[i] = c[(first + i) % 4];
    return out;
}

}  // namespace

Result<Quad> locate_document(const Image& frame, const LocatorOptions& options) {
    if (frame.empty() || frame.width < 8 || frame.height < 8) return not_found();
    const Image small = shrink_to_fit(frame, std::max(64, options.analysis_side));
    const int w = small.width, h = small.height;
    const std::size_t n = static_cast<std::size_t>(w) * static_cast<std::size_t>(h);

    const auto bg = border_colour(small);
    std::vector<std::uint8_t> diff(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint8_t* p = small.bytes.data() + i * static_cast<std::size_t>(small.channels);
        int d = 0;
        for (int c = 0; c < small.channels; ++c) d = std::max(d, std::abs(p[c] - bg[static_cast<std::size_t>(c)]));
        diff[i] = static_cast<std::uint8_t>(d);
    }
    // Noise level of the background itself: 99th percentile of the ring's
    // differences from its median. Anything clearly above it is document,
    // even a pale card on a white lid; Otsu alone would split ink from paper.
    std::vector<std::uint8_t> ring;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            if (x < 2 || y < 2 || x >= w - 2 || y >= h - 2) ring.push_back(diff[static_cast<std::size_t>(y * w + x)]);
        }
    }
    std::nth_element(ring.begin(), ring.begin() + static_cast<std::ptrdiff_t>(ring.size() * 99 / 100), ring.end());
    const int noise = ring[ring.size() * 99 / 100];
    const int threshold = std::max(options.min_contrast, std::min(otsu_threshold(diff), noise + 10));
    std::vector<std::uint8_t> mask(n);
    for (std::size_t i = 0; i < n; ++i) mask[i] = diff[i] > threshold ? 1 : 0;
    mask = morph(morph(mask, w, h, true), w, h, false);

    // Largest 4-connected region.
    std::vector<int> label(n, 0);
    std::vector<std::size_t> stack;
    int best_label = 0;
    std::size_t best_size = 0;
    int next = 0;
    for (std::size_t start = 0; start < n; ++start) {
        if (!mask[start] || label[start]) continue;
        ++next;
        std::size_t size = 0;
        stack.push_back(start);
        label[start] = next;
        while (!stack.empty()) {
            const std::size_t i = stack.back();
            stack.pop_back();
            ++size;
            const int x = static_cast<int>(i % static_cast<std::size_t>(w)), y = static_cast<int>(i / static_cast<std::size_t>(w));
            const std::size_t neighbours[4] = {x > 0 ? i - 1 : i, x + 1 < w ? i + 1 : i, y > 0 ? i - static_cast<std::size_t>(w) : i,
                                               y + 1 < h ? i + static_cast<std::size_t>(w) : i};
            for (std::size_t j : neighbours) {
                if (mask[j] && !label[j]) { label[j] = next; stack.push_back(j); }
            }
        }
        if (size > best_size) { best_size = size; best_label = next; }
    }
    if (best_label == 0 || static_cast<double>(best_size) < options.min_area_fraction * static_cast<double>(n)) return not_found();

    // The region was found with a low threshold (robust for pale cards); its
    // edge is placed where the difference reaches half the document's typical
    // contrast, the middle of the blurred or anti-aliased edge ramp.
    std::vector<std::uint8_t> inside;
    inside.reserve(best_size);
    for (std::size_t i = 0; i < n; ++i) {
        if (label[i] == best_label) inside.push_back(diff[i]);
    }
    std::nth_element(inside.begin(), inside.begin() + static_cast<std::ptrdiff_t>(inside.size() / 2), inside.end());
    const int edge_level = std::max(threshold, inside[inside.size() / 2] / 2);
    auto in_document = [&](int x, int y) {
        const std::size_t i = static_cast<std::size_t>(y * w + x);
        return label[i] == best_label && diff[i] > edge_level;
    };

    // Outer boundary: row and column extremes, on the pixels' outer edges.
    std::vector<PointF> boundary;
    bool touches = false;
    for (int y = 0; y < h; ++y) {
        int first = -1, last = -1;
        for (int x = 0; x < w; ++x) {
            if (in_document(x, y)) { if (first < 0) first = x; last = x; }
        }
        if (first < 0) continue;
        if (first == 0 || last == w - 1 || y == 0 || y == h - 1) touches = true;
        boundary.push_back({static_cast<double>(first), y + 0.5});
        boundary.push_back({last + 1.0, y + 0.5});
    }
    for (int x = 0; x < w; ++x) {
        int first = -1, last = -1;
        for (int y = 0; y < h; ++y) {
            if (in_document(x, y)) { if (first < 0) first = y; last = y; }
        }
        if (first < 0) continue;
        boundary.push_back({x + 0.5, static_cast<double>(first)});
        boundary.push_back({x + 0.5, last + 1.0});
    }
    if (touches) return not_inside();

    const auto hull = convex_hull(boundary);
    if (hull.size() < 4) return not_found();
    auto corners = order_corners(largest_inscribed_quad(hull));

    std::array<std::optional<Line>, 4> sides;
    for (std::size_t i = 0; i < 4; ++i) sides[i] = fit_side(boundary, corners[i], corners[(i + 1) % 4]);
    const double diagonal = std::hypot(w, h);
    for (std::size_t i = 0; i < 4; ++i) {
        const auto& before = sides[(i + 3) % 4];
        const auto& after = sides[i];
        if (!before || !after) continue;
        const auto p = intersect(*before, *after);
        if (p && std::hypot(p->x - corners[i].x, p->y - corners[i].y) < 0.05 * diagonal) corners[i] = *p;
    }

    const double sx = static_cast<double>(frame.width) / w, sy = static_cast<double>(frame.height) / h;
    Quad quad;
    for (std::size_t i = 0; i < 4; ++i) {
        quad.corners[i] = {std::clamp(corners[i].x * sx, 0.0, static_cast<double>(frame.width)),
                           std::clamp(corners[i].y * sy, 0.0, static_cast<double>(frame.height))};
    }
    return quad;
}

}  // namespace madoguchi
