// Perspective correction: maps a document's four corners in a frame onto an
// upright rectangle (a homography, sampled bilinearly).
#pragma once

#include <array>
#include <optional>

#include "data/imaging/geometry.hpp"
#include "data/imaging/image.hpp"

namespace madoguchi {

// 3x3 projective transform, row-major, h[8] == 1.
struct Homography {
    std::array<double, 9> h{};
    PointF apply(PointF p) const;
};

// The homography taking from[i] to to[i] for the four corners; nullopt when
// the points are degenerate (three on a line).
std::optional<Homography> homography_between(const std::array<PointF, 4>& from, const std::array<PointF, 4>& to);

// Size of the upright document: the longer of each pair of opposite sides.
// With `aspect` (long side / short side, e.g. 85.60/53.98 for ID-1 cards) the
// short side is set from the long one, undoing perspective foreshortening.
struct WarpSize {
    int width = 0;
    int height = 0;
};
WarpSize upright_size(const Quad& quad, std::optional<double> aspect = std::nullopt);

// The quad's content resampled onto a size.width x size.height image.
// Returns an empty Image when the quad is degenerate.
Image warp_quad(const Image& frame, const Quad& quad, WarpSize size);

}  // namespace madoguchi
