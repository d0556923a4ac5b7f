// Practice card drawing: bands, a photo box, text-like strokes and digits.
#include "services/identity_practice_card.hpp"

#include <algorithm>
#include <cmath>

namespace madoguchi {
namespace {

void fill(Image& img, PixelRect r, std::uint8_t R, std::uint8_t G, std::uint8_t B) {
    r = clip_rect(r, img.width, img.height);
    for (int y = r.y; y < r.y + r.height; ++y)
        for (int x = r.x; x < r.x + r.width; ++x) {
            std::uint8_t* p = img.at(x, y);
            p[0] = R, p[1] = G, p[2] = B;
        }
}

// Seven segments a..g of the digits 0-9 (bit 0 = a … bit 6 = g).
constexpr std::uint8_t kSegments[10] = {0x3F, 0x06, 0x5B, 0x4F, 0x66, 0x6D, 0x7D, 0x07, 0x7F, 0x6F};

void draw_digit(Image& img, int x, int y, int w, int h, int digit) {
    const int t = std::max(2, w / 5);
    const std::uint8_t s = kSegments[digit];
    const int mid = y + h / 2 - t / 2;
    if (s & 0x01) fill(img, {x, y, w, t}, 20, 20, 30);
    if (s & 0x02) fill(img, {x + w - t, y, t, h / 2}, 20, 20, 30);
    if (s & 0x04) fill(img, {x + w - t, y + h / 2, t, h / 2}, 20, 20, 30);
    if (s & 0x08) fill(img, {x, y + h - t, w, t}, 20, 20, 30);
    if (s & 0x10) fill(img, {x, y + h / 2, t, h / 2}, 20, 20, 30);
    if (s & 0x20) fill(img, {x, y, t, h / 2}, 20, 20, 30);
    if (s & 0x40) fill(img, {x, mid, w, t}, 20, 20, 30);
}

}  // namespace

RelativeRect typical_number_area() { return {0.05, 0.20, 0.62, 0.16}; }

PracticeCard make_practice_card(int dpi, const std::string& digits) {
    const int cw = static_cast<int>(std::lround(85.6 / 25.4 * dpi));
    const int ch = static_cast<int>(std::lround(54.0 / 25.4 * dpi));
    const int margin = cw / 6;
    PracticeCard out;
    out.frame = make_image(cw + 2 * margin, ch + 2 * margin, 3, 0);
    // A dark, slightly textured desk so the card's edges stand out.
    for (int y = 0; y < out.frame.height; ++y)
        for (int x = 0; x < out.frame.width; ++x) {
            std::uint8_t* p = out.frame.at(x, y);
            const auto v = static_cast<std::uint8_t>(45 + ((x * 7 + y * 13) % 9));
            p[0] = v, p[1] = v, p[2] = static_cast<std::uint8_t>(v + 8);
        }
    out.card = {margin, margin, cw, ch};
    fill(out.frame, out.card, 236, 240, 246);
    fill(out.frame, {margin, margin, cw, ch / 9}, 120, 170, 215);  // header band
    // Photo-less insurance card: text lines of strokes on the right half.
    const int cell = std::max(6, cw / 40);
    for (int line = 0; line < 5; ++line) {
        const int y = margin + ch * 45 / 100 + line * cell * 17 / 10;
        for (int x = margin + cw / 20; x < margin + cw * 9 / 10 - cell; x += cell + cell / 5) {
            const int k = (x / cell + line * 3) % 4;
            fill(out.frame, {x, y + (k % 2) * cell / 2, cell * (k == 3 ? 1 : 2) / 2, std::max(2, cell / 6)}, 30, 30, 40);
            fill(out.frame, {x + cell / 2 * (k / 2), y, std::max(2, cell / 6), cell}, 30, 30, 40);
        }
    }
    // The number area: 記号・番号 as digits, where typical_number_area() says.
    const RelativeRect area = typical_number_area();
    const PixelRect na = to_pixels(area, cw, ch);
    out.number_area = {margin + na.x, margin + na.y, na.width, na.height};
    const int n = std::max<int>(1, static_cast<int>(digits.size()));
    const int dh = na.height * 7 / 10;
    const int dw = std::min(dh * 6 / 10, na.width / n * 8 / 10);
    for (int i = 0; i < n; ++i) {
        const char c = digits[static_cast<std::size_t>(i)];
        if (c < '0' || c > '9') continue;
        draw_digit(out.frame, out.number_area.x + i * na.width / n + na.width / n / 10,
                   out.number_area.y + na.height * 15 / 100, dw, dh, c - '0');
    }
    return out;
}

}  // namespace madoguchi
