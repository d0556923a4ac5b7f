// Finds a document (card or page) against the background of a scan or camera
// frame: the four corners of the largest region that differs from the border.
#pragma once

#include "data/imaging/geometry.hpp"
#include "data/imaging/image.hpp"
#include "data/result.hpp"

namespace madoguchi {

struct LocatorOptions {
    // Analysis runs on a copy whose longer side is this many pixels: corners
    // are then accurate to about frame_side / analysis_side pixels.
    int analysis_side = 480;
    // A region smaller than this fraction of the frame is not a document.
    double min_area_fraction = 0.04;
    // Smallest colour difference from the background that counts as document
    // (raised automatically above the background's own noise).
    int min_contrast = 12;
};

// Corners of the document in frame coordinates (top-left first, clockwise).
// Errors: "document.not_found" (nothing stands out from the background) and
// "document.not_inside" (the document touches the frame edge: part of it may
// be cut off).
Result<Quad> locate_document(const Image& frame, const LocatorOptions& options = {});

}  // namespace madoguchi
