// stb-backed codec. The stb implementation lives in Debian's libstb.so:
// this file only includes the declarations (no STB_*_IMPLEMENTATION here).
#include "data/imaging/image_codec.hpp"

#include <stb_image.h>
#include <stb_image_write.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>

namespace madoguchi {
namespace {

Error codec_error(std::string code, std::string ja, std::string en) {
    return Error{std::move(code), "", std::move(ja), std::move(en)};
}

struct StbFree {
    void operator()(unsigned char* p) const { stbi_image_free(p); }
};

void append_bytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* p = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), p, p + size);
}

Status check_encodable(const Image& image) {
    if (image.empty() || (image.channels != 1 && image.channels != 3) ||
        image.bytes.size() != image.row_bytes() * static_cast<std::size_t>(image.height)) {
        return codec_error("image.invalid", "画像データが正しくありません。", "The image data is invalid.");
    }
    return ok_status();
}

}  // namespace

Result<Image> decode_image(std::span<const std::uint8_t> encoded) {
    if (encoded.empty() || encoded.size() > static_cast<std::size_t>(INT32_MAX)) {
        return codec_error("image.decode", "画像を読み込めませんでした。", "The image could not be read.");
    }
    int w = 0, h = 0, n = 0;
    const int len = static_cast<int>(encoded.size());
    if (!stbi_info_from_memory(encoded.data(), len, &w, &h, &n)) {
        return codec_error("image.decode", "画像を読み込めませんでした。", "The image could not be read.");
    }
    if (w <= 0 || h <= 0 || static_cast<long long>(w) * h > kMaxDecodedPixels) {
        return codec_error("image.too_large", "画像が大きすぎます。", "The image is too large.");
    }
    // Gray stays gray (scanner gray mode); everything else becomes RGB.
    const int want = (n == 1 || n == 2) ? 1 : 3;
    std::unique_ptr<unsigned char, StbFree> pixels(stbi_load_from_memory(encoded.data(), len, &w, &h, &n, want));
    if (!pixels) {
        return codec_error("image.decode", "画像を読み込めませんでした。", "The image could not be read.");
    }
    Image image = make_image(w, h, want);
    std::memcpy(image.bytes.data(), pixels.get(), image.bytes.size());
    return image;
}

Result<Image> read_image_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return codec_error("image.open", "画像ファイルを開けませんでした。", "The image file could not be opened.");
    }
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return decode_image(bytes);
}

Result<std::vector<std::uint8_t>> encode_png(const Image& image) {
    if (auto s = check_encodable(image); !s) return s.error();
    std::vector<std::uint8_t> out;
    if (!stbi_write_png_to_func(append_bytes, &out, image.width, image.height, image.channels, image.bytes.data(),
                                static_cast<int>(image.row_bytes()))) {
        return codec_error("image.encode", "画像を保存できませんでした。", "The image could not be encoded.");
    }
    return out;
}

Result<std::vector<std::uint8_t>> encode_jpeg(const Image& image, int quality) {
    if (auto s = check_encodable(image); !s) return s.error();
    if (quality < 1 || quality > 100) quality = 90;
    std::vector<std::uint8_t> out;
    if (!stbi_write_jpg_to_func(append_bytes, &out, image.width, image.height, image.channels, image.bytes.data(), quality)) {
        return codec_error("image.encode", "画像を保存できませんでした。", "The image could not be encoded.");
    }
    return out;
}

}  // namespace madoguchi
