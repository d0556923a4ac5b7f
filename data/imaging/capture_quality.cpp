// Measurements: Laplacian variance, luma histogram percentiles, largest
// saturated blob, pixels per inch. Each check maps to a retake message.
#include "data/imaging/capture_quality.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include "data/imaging/image_resize.hpp"

namespace madoguchi {
namespace {

// Luma difference between ink and card on a well-exposed capture.
constexpr double kReferenceContrast = 170.0;

double laplacian_variance(const Image& gray) {
    const int mx = std::max(1, gray.width * 3 / 100), my = std::max(1, gray.height * 3 / 100);
    double sum = 0, sum2 = 0;
    std::size_t count = 0;
    for (int y = my; y < gray.height - my; ++y) {
        for (int x = mx; x < gray.width - mx; ++x) {
            const int v = gray.at(x - 1, y)[0] + gray.at(x + 1, y)[0] + gray.at(x, y - 1)[0] + gray.at(x, y + 1)[0] - 4 * gray.at(x, y)[0];
            sum += v;
            sum2 += static_cast<double>(v) * v;
            ++count;
        }
    }
    if (count == 0) return 0;
    const double mean = sum / static_cast<double>(count);
    return sum2 / static_cast<double>(count) - mean * mean;
}

double largest_saturated_blob(const Image& image, int level) {
    const int w = image.width, h = image.height;
    const std::size_t n = static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
    std::vector<std::uint8_t> state(n, 0);  // 0 = not saturated, 1 = saturated, 2 = visited
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint8_t* p = image.bytes.data() + i * static_cast<std::size_t>(image.channels);
        bool saturated = true;
        for (int c = 0; c < image.channels; ++c) saturated = saturated && p[c] >= level;
        state[i] = saturated ? 1 : 0;
    }
    std::size_t best = 0;
    std::vector<std::size_t> stack;
    for (std::size_t start = 0; start < n; ++start) {
        if (state[start] != 1) continue;
        std::size_t size = 0;
        state[start] = 2;
        stack.push_back(start);
        while (!stack.empty()) {
            const std::size_t i = stack.back();
            stack.pop_back();
            ++size;
            const std::size_t x = i % static_cast<std::size_t>(w);
            const std::size_t row = static_cast<std::size_t>(w);
            if (x > 0 && state[i - 1] == 1) { state[i - 1] = 2; stack.push_back(i - 1); }
            if (x + 1 < row && state[i + 1] == 1) { state[i + 1] = 2; stack.push_back(i + 1); }
            if (i >= row && state[i - row] == 1) { state[i - row] = 2; stack.push_back(i - row); }
            if (i + row < n && state[i + row] == 1) { state[i + row] = 2; stack.push_back(i + row); }
        }
        best = std::max(best, size);
    }
    return n == 0 ? 0.0 : static_cast<double>(best) / static_cast<double>(n);
}

}  // namespace

QualityMetrics measure_quality(const Image& document, const DocumentFormat& format, const QualityThresholds& thresholds) {
    QualityMetrics m;
    if (document.empty()) return m;
    const int longer = std::max(document.width, document.height);
    m.effective_dpi = longer / (format.long_mm / 25.4);

    const int target = static_cast<int>(std::lround(format.long_mm / 25.4 * kQualityDpi));
    const Image scaled = shrink_to_fit(document, std::max(target, 16));
    const Image gray = to_gray(scaled);


    std::array<std::size_t, 256> hist{};
    double sum = 0;
    for (auto v : gray.bytes) { ++hist[v]; sum += v; }
    const std::size_t total = gray.bytes.size();
    m.mean = sum / static_cast<double>(total);
    auto percentile = [&](double q) {
        const auto rank = static_cast<std::size_t>(q * static_cast<double>(total - 1));
        std::size_t seen = 0;
        for (int v = 0; v < 256; ++v) {
            seen += hist[static_cast<std::size_t>(v)];
            if (seen > rank) return v;
        }
        return 255;
    };
    m.p5 = percentile(0.05);
    m.p50 = percentile(0.50);
    m.p95 = percentile(0.95);
    // Normalised to a reference ink-to-paper contrast, so that a dim but sharp
    // photo is reported as dark, not also as blurred.
    const double contrast = std::max(16, m.p95 - m.p5);
    m.sharpness = laplacian_variance(gray) * (kReferenceContrast / contrast) * (kReferenceContrast / contrast);
    m.glare_fraction = largest_saturated_blob(scaled, thresholds.glare_level);
    return m;
}

Errors check_quality(const QualityMetrics& m, const QualityThresholds& t) {
    Errors errors;
    if (m.effective_dpi < t.min_dpi) {
        errors.push_back({"capture.low_resolution", "capture",
                          "書類の写りが小さすぎます。書類を近づけるか、解像度を上げて撮り直してください。",
                          "The document is too small in the image. Move it closer or use a higher resolution, then retake."});
    }
    if (m.p95 < t.dark_p95 || m.mean < t.dark_mean) {
        errors.push_back({"capture.too_dark", "capture", "暗すぎます。明るい場所で撮り直してください。",
                          "Too dark. Retake in brighter light."});
    } else if (m.p5 > t.bright_p5 || m.mean > t.bright_mean) {
        errors.push_back({"capture.too_bright", "capture", "明るすぎて文字が読めません。光を弱めて撮り直してください。",
                          "Too bright: the text is washed out. Reduce the light and retake."});
    }
    if (m.sharpness < t.min_sharpness) {
        errors.push_back({"capture.blurred", "capture", "ぼやけています。書類を動かさずにピントを合わせて撮り直してください。",
                          "The image is blurred. Hold the document still, focus, and retake."});
    }
    if (m.glare_fraction > t.max_glare_fraction && m.p50 < t.glare_background_limit) {
        errors.push_back({"capture.glare", "capture", "光が反射して一部が読めません。角度を変えて撮り直してください。",
                          "Glare hides part of the document. Tilt it or move the light, then retake."});
    }
    return errors;
}

}  // namespace madoguchi
