// Glue of locator, warp, quality, mask and codec; its one rule of its own:
// a frame the source already cut to the document must have the format's size.
#include "data/imaging/document_capture.hpp"

#include <algorithm>
#include <cmath>

#include "data/imaging/document_mask.hpp"
#include "data/imaging/image_codec.hpp"
#include "data/imaging/perspective_warp.hpp"

namespace madoguchi {
namespace {

// A frame the source cut to the document may differ from the format by the
// scanner's rounding of its scan area (85.6 mm -> 86 mm: 0.5 %) and a few
// lines of feed slip; beyond this the scan area is not the document's.
constexpr double kFrameSizeTolerance = 0.04;

Error wrong_size() {
    return Error{"document.wrong_size", "document",
                 "読み取り範囲が書類の大きさと合いません。書類の種類とスキャナーの設定を確認してください。",
                 "The scanned area does not match the document's size. Check the document type and the scanner settings."};
}

Error blank_frame() {
    return Error{"document.not_found", "document",
                 "書類が読み取れませんでした。書類を差し込み直してから、もう一度読み取ってください。",
                 "No document was read. Insert the document again, then scan once more."};
}

bool within(double value, double expected) {
    return std::abs(value - expected) <= expected * kFrameSizeTolerance;
}

// The frame has the format's shape, and its size when the resolution is known.
Status check_frame_matches_format(const Image& frame, const DocumentFormat& format, int dpi) {
    const double longer = std::max(frame.width, frame.height), shorter = std::min(frame.width, frame.height);
    if (shorter <= 0 || !within(longer / shorter, format.aspect())) return wrong_size();
    if (dpi > 0 && !within(longer / dpi * 25.4, format.long_mm)) return wrong_size();
    return ok_status();
}

}  // namespace

Result<PreparedDocument> prepare_document(const Image& frame, const CaptureOptions& options) {
    PreparedDocument doc;
    if (options.frame_is_document) {
        if (auto s = check_frame_matches_format(frame, options.format, options.frame_dpi); !s) return s.error();
        doc.image = frame;
        doc.metrics = measure_quality(doc.image, options.format, options.thresholds);
        // Nothing fed (or a blank sheet): no ink anywhere in the frame. The
        // locator's contrast rule, applied to the whole frame.
        if (doc.metrics.p95 - doc.metrics.p5 < 2 * options.locator.min_contrast) return blank_frame();
        doc.problems = check_quality(doc.metrics, options.thresholds);
        return doc;
    }
    if (options.crop_to_document) {
        auto quad = locate_document(frame, options.locator);
        if (!quad) return quad.error();
        const auto aspect = options.snap_to_format ? std::optional<double>(options.format.aspect()) : std::nullopt;
        doc.image = warp_quad(frame, *quad, upright_size(*quad, aspect));
        if (doc.image.empty()) {
            return Error{"document.not_found", "document", "書類の形を認識できませんでした。置き直してください。",
                         "The document's outline could not be recognised. Place it again."};
        }
        doc.found = *quad;
    } else {
        doc.image = frame;
    }
    doc.metrics = measure_quality(doc.image, options.format, options.thresholds);
    doc.problems = check_quality(doc.metrics, options.thresholds);
    return doc;
}

Result<std::vector<std::uint8_t>> encode_masked_document(const Image& document, std::span<const PixelRect> masks,
                                                         ImageEncoding encoding, int jpeg_quality) {
    auto masked = apply_masks(document, masks);
    if (!masked) return masked.error();
    return encoding == ImageEncoding::png ? encode_png(*masked) : encode_jpeg(*masked, jpeg_quality);
}

}  // namespace madoguchi
