// The ID image pipeline in the order the staff flow runs it: find and
// straighten the document, measure its quality, then mask and encode in one
// step so that no unmasked copy is ever encoded.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "data/imaging/capture_quality.hpp"
#include "data/imaging/document_format.hpp"
#include "data/imaging/document_locator.hpp"
#include "data/imaging/geometry.hpp"
#include "data/imaging/image.hpp"
#include "data/result.hpp"

namespace madoguchi {

struct CaptureOptions {
    DocumentFormat format = kIdCardFormat;
    // Off for a page that fills the scanner glass (nothing to crop).
    bool crop_to_document = true;
    // Restore the true aspect ratio of `format` after straightening.
    bool snap_to_format = true;
    // The source already cut the frame to the document: a sheet-fed card
    // scanner, or a scan area the size of the card against the glass's card
    // guide. Such a frame has no background around the document, so the
    // locator (which looks for the document against its background) would
    // refuse it; instead the frame itself must have the format's shape (and,
    // when `frame_dpi` is known, its physical size) and must not be blank.
    // Overrides crop_to_document.
    bool frame_is_document = false;
    int frame_dpi = 0;  // the source's resolution (0: unknown)
    LocatorOptions locator;
    QualityThresholds thresholds;
};

struct PreparedDocument {
    Image image;                // straightened document (or the frame, uncropped)
    std::optional<Quad> found;  // where it was in the frame
    QualityMetrics metrics;
    Errors problems;            // retake reasons; empty when the capture is good
};

// Errors: document.not_found, document.not_inside, document.wrong_size
// (frame_is_document: the scan area does not match the format); quality problems
// are listed in PreparedDocument::problems so the screen can show them all.
Result<PreparedDocument> prepare_document(const Image& frame, const CaptureOptions& options = {});

enum class ImageEncoding { png, jpeg };

// Masks then encodes; the only way the capture flow produces bytes to store.
Result<std::vector<std::uint8_t>> encode_masked_document(const Image& document, std::span<const PixelRect> masks,
                                                         ImageEncoding encoding = ImageEncoding::jpeg, int jpeg_quality = 90);

}  // namespace madoguchi
