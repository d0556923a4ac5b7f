// Quality of a straightened document image and the retake messages staff
// see when it is blurred, too dark, too bright, has glare or too few pixels.
// Thresholds and how they were chosen: docs/devices.md.
#pragma once

#include "data/imaging/document_format.hpp"
#include "data/imaging/image.hpp"
#include "data/result.hpp"

namespace madoguchi {

// Figures measured on the document; sharpness, exposure and glare are
// measured on a copy scaled to kQualityDpi so that they mean the same for a
// 600 dpi scan and a 250 dpi camera frame.
inline constexpr double kQualityDpi = 200.0;

struct QualityMetrics {
    double sharpness = 0;       // variance of the 4-neighbour Laplacian, scaled to a
                                // 170-level ink/paper contrast (p95 - p5)
    double mean = 0;            // mean luma 0..255
    int p5 = 0;                 // 5th percentile of luma (ink, photo)
    int p50 = 0;                // median luma (card background)
    int p95 = 0;                // 95th percentile of luma (brightest paper)
    double glare_fraction = 0;  // largest saturated blob / document area
    double effective_dpi = 0;   // document pixels per inch along its long side
};


struct QualityThresholds {
    double min_sharpness = 60;        // below: blurred
    int dark_p95 = 110;               // p95 below: even the paper is dark
    double dark_mean = 70;
    int bright_p5 = 150;              // p5 above: the ink is washed out
    double bright_mean = 240;
    int glare_level = 250;            // every channel at or above: saturated
    double max_glare_fraction = 0.01; // largest saturated blob above: glare
    int glare_background_limit = 235; // median above: white paper, glare undetectable
    double min_dpi = 200;             // below: too small / too far
};

QualityMetrics measure_quality(const Image& document, const DocumentFormat& format,
                               const QualityThresholds& thresholds = {});

// One Error per problem found (codes capture.blurred, capture.too_dark,
// capture.too_bright, capture.glare, capture.low_resolution); empty = good.
Errors check_quality(const QualityMetrics& metrics, const QualityThresholds& thresholds = {});

}  // namespace madoguchi
