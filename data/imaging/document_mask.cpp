// Overwrites masked pixels in a copy: the original values do not survive in
// the returned buffer, so nothing downstream (encoder, file, upload) sees them.
#include "data/imaging/document_mask.hpp"

namespace madoguchi {

Result<Image> apply_masks(const Image& image, std::span<const PixelRect> masks, MaskColour colour) {
    Image out = image;
    for (const PixelRect& requested : masks) {
        const PixelRect r = clip_rect(requested, out.width, out.height);
        if (r.empty()) {
            return Error{"mask.outside", "mask", "マスクする範囲が画像の外にあります。範囲を指定し直してください。",
                         "The masked area is outside the image. Draw the mask again."};
        }
        for (int y = r.y; y < r.y + r.height; ++y) {
            std::uint8_t* p = out.at(r.x, y);
            for (int x = 0; x < r.width; ++x, p += out.channels) {
                if (out.channels == 1) {
                    // Gray images take the luma of the requested colour.
                    p[0] = static_cast<std::uint8_t>((299u * colour[0] + 587u * colour[1] + 114u * colour[2] + 500u) / 1000u);
                } else {
                    for (int c = 0; c < out.channels; ++c) p[c] = colour[static_cast<std::size_t>(c % 3)];
                }
            }
        }
    }
    return out;
}

}  // namespace madoguchi
