// SignaturePad: a touch area to sign with a finger. Strokes are drawn by
// dragging; "書き直す" clears them. Keeps the strokes in pad units so the
// same signature renders to a PNG of any size, and refuses a signature that
// is empty or too small to be one (a tap, a short tick).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "data/imaging/image.hpp"
#include "data/result.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace madoguchi::ui {

// 0..1 across the pad's width (x) and height (y), origin top-left.
struct SignaturePoint {
    float x = 0;
    float y = 0;
};
using SignatureStroke = std::vector<SignaturePoint>;

// The pad is kSignatureAspect times as wide as it is tall, on screen and in
// the PNG, so a signature keeps its shape.
inline constexpr float kSignatureAspect = 3.0f;
inline constexpr int kSignaturePngWidth = 900;
inline constexpr int kSignaturePngHeight = 300;
// At most this many points are kept (a finger held down and wiggled for
// minutes must not grow memory without bound).
inline constexpr std::size_t kSignatureMaxPoints = 20000;

// Errors: "signature.empty" / "signature.too_small", field "signature".
// Too small: the ink spans less than half the pad's height in both
// directions, or its length is under one pad height.
Status check_signature(const std::vector<SignatureStroke>& strokes);

// Black ink on white, 8-bit gray, `ink_px` thick.
Image render_signature(const std::vector<SignatureStroke>& strokes, int width, int height, float ink_px);
// render_signature at kSignaturePngWidth x kSignaturePngHeight, as PNG.
Result<std::vector<std::uint8_t>> signature_png(const std::vector<SignatureStroke>& strokes);

class SignaturePad {
public:
    // Draws the pad across the available width (no taller than
    // `max_height_em`) with its clear button below. Records `id` (value: the
    // number of strokes; error: `error`) and `id + ".clear"`. While a stroke
    // is drawn, the scroll region around the pad stays still.
    // Returns true when the strokes changed this frame.
    bool draw(Ui& ui, const std::string& id, const std::string& label, float max_height_em = 7.0f);

    void clear();
    bool empty() const { return strokes_.empty(); }
    const std::vector<SignatureStroke>& strokes() const { return strokes_; }
    // Adds a finished stroke (points clamped to 0..1).
    void add_stroke(SignatureStroke stroke);

    std::optional<Error> error;  // shown under the pad; cleared when the person draws again

private:
    std::size_t point_count() const;
    std::vector<SignatureStroke> strokes_;
    bool drawing_ = false;
};

}  // namespace madoguchi::ui
