// Masking: burns uniform pixels over regions that must never be kept (a
// health insurance card's insurer and insured numbers) before the image is
// encoded or written anywhere.
#pragma once

#include <array>
#include <cstdint>
#include <span>

#include "data/imaging/geometry.hpp"
#include "data/imaging/image.hpp"
#include "data/result.hpp"

namespace madoguchi {

using MaskColour = std::array<std::uint8_t, 3>;
inline constexpr MaskColour kMaskBlack{0, 0, 0};

// A new image with every rectangle (clipped to the image) filled with
// `colour`; the input is left untouched. Error "mask.outside" when a
// rectangle lies entirely outside the image (the staff's mask would hide
// nothing).
Result<Image> apply_masks(const Image& image, std::span<const PixelRect> masks, MaskColour colour = kMaskBlack);

}  // namespace madoguchi
