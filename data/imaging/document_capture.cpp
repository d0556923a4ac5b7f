// Glue of locator, warp, quality, mask and codec; owns no rule of its own.
#include "data/imaging/document_capture.hpp"

#include "data/imaging/document_mask.hpp"
#include "data/imaging/image_codec.hpp"
#include "data/imaging/perspective_warp.hpp"

namespace madoguchi {

Result<PreparedDocument> prepare_document(const Image& frame, const CaptureOptions& options) {
    PreparedDocument doc;
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
