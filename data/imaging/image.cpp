// Pixel-format conversions and lossless geometric edits of Image.
#include "data/imaging/image.hpp"

#include <cstring>

namespace madoguchi {

Image make_image(int width, int height, int channels, std::uint8_t fill) {
    Image image;
    image.width = width;
    image.height = height;
    image.channels = channels;
    image.bytes.assign(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * static_cast<std::size_t>(channels), fill);
    return image;
}

Image to_gray(const Image& image) {
    if (image.channels == 1) return image;
    Image gray = make_image(image.width, image.height, 1);
    const std::size_t n = static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height);
    const std::uint8_t* src = image.bytes.data();
    for (std::size_t i = 0; i < n; ++i, src += image.channels) {
        // Integer BT.601: 0.299 R + 0.587 G + 0.114 B, rounded.
        gray.bytes[i] = static_cast<std::uint8_t>((299u * src[0] + 587u * src[1] + 114u * src[2] + 500u) / 1000u);
    }
    return gray;
}

Image to_rgb(const Image& image) {
    if (image.channels == 3) return image;
    Image rgb = make_image(image.width, image.height, 3);
    const std::size_t n = static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height);
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint8_t v = image.bytes[i * static_cast<std::size_t>(image.channels)];
        rgb.bytes[i * 3] = rgb.bytes[i * 3 + 1] = rgb.bytes[i * 3 + 2] = v;
    }
    return rgb;
}

Image crop(const Image& image, PixelRect rect) {
    rect = clip_rect(rect, image.width, image.height);
    Image out = make_image(rect.width, rect.height, image.channels);
    for (int y = 0; y < rect.height; ++y) {
        std::memcpy(out.at(0, y), image.at(rect.x, rect.y + y), out.row_bytes());
    }
    return out;
}

Image rotate_quarter_turns(const Image& image, int turns) {
    turns = ((turns % 4) + 4) % 4;
    if (turns == 0) return image;
    const bool swap = turns % 2 == 1;
    Image out = make_image(swap ? image.height : image.width, swap ? image.width : image.height, image.channels);
    const int c = image.channels;
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            int ox = x, oy = y;
            if (turns == 1) { ox = image.height - 1 - y; oy = x; }
            else if (turns == 2) { ox = image.width - 1 - x; oy = image.height - 1 - y; }
            else { ox = y; oy = image.width - 1 - x; }
            std::memcpy(out.at(ox, oy), image.at(x, y), static_cast<std::size_t>(c));
        }
    }
    return out;
}

}  // namespace madoguchi
