// ImageView: shows an in-memory Image (a captured document) scaled into a
// box. It draws a reduced copy as runs of filled rectangles on the draw list
// rather than through a GPU texture, so the same code shows the image in
// the GL shell, in headless tests and in screenshots, and no image bytes are
// handed to the driver (nothing to clean up when the session is wiped).
#pragma once

#include "data/imaging/image_resize.hpp"

#include <cstdlib>

#include <algorithm>

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdint>
#include <vector>

#include "data/imaging/image.hpp"

namespace madoguchi::ui {

class ImageView {
public:
    // Preview resolution: long side in cells. 320 keeps card digits (≈3 mm)
    // about 10 cells tall — readable enough to place a mask.
    static constexpr int kPreviewLongSide = 320;
    // At most this many rectangles (4 vertices each) per image: see set_image.
    static constexpr std::size_t kMaxRuns = 9000;

    // Rebuilds the preview from `image` (call when the image changes).
    void set_image(const Image& image);
    void clear();
    bool empty() const { return width_ == 0; }

    // Draws into [origin, origin+size) keeping the aspect ratio, centred;
    // returns the rectangle actually covered (for mapping touches).
    ImRect draw(ImDrawList* list, ImVec2 origin, ImVec2 size) const;
    // Size of the full-resolution image the preview stands for.
    int source_width() const { return source_width_; }
    int source_height() const { return source_height_; }

    std::size_t run_count() const { return runs_.size(); }

private:
    struct Run {
        std::uint16_t x0, x1, y;  // cells [x0, x1) of row y
        ImU32 colour;
    };
    int width_ = 0, height_ = 0;  // preview size in cells
    int source_width_ = 0, source_height_ = 0;
    std::vector<Run> runs_;

    void build_runs(const Image& small);
};

// Inline so the UI kit needs no build-file change for these two pieces.

inline void ImageView::clear() {
    width_ = height_ = source_width_ = source_height_ = 0;
    runs_.clear();
}

inline void ImageView::set_image(const Image& image) {
    clear();
    if (image.empty()) return;
    source_width_ = image.width;
    source_height_ = image.height;
    // Every run is a rectangle of 4 vertices in the window's draw list, which
    // holds at most 65,536 with 16-bit indices (the headless runner) and is
    // shared with the screen's widgets: a busy image (fine print, a scanner's
    // test pattern: nearly one run per cell) would overflow it. Such an image
    // is shown coarser until it fits the budget; a card's flat background
    // needs a few thousand runs at full preview size.
    for (int side = kPreviewLongSide;; side = side * 7 / 10) {
        build_runs(to_rgb(shrink_to_fit(image, side)));
        if (runs_.size() <= kMaxRuns || side < 16) break;
    }
}

inline void ImageView::build_runs(const Image& small) {
    runs_.clear();
    width_ = small.width;
    height_ = small.height;
    runs_.reserve(static_cast<std::size_t>(width_ * height_) / 3);
    // Neighbouring cells within a few levels of each other share one
    // rectangle: a card's flat background becomes a handful of runs.
    constexpr int kTolerance = 6;
    for (int y = 0; y < height_; ++y) {
        int x = 0;
        while (x < width_) {
            const std::uint8_t* p = small.at(x, y);
            int end = x + 1;
            while (end < width_) {
                const std::uint8_t* q = small.at(end, y);
                if (std::abs(q[0] - p[0]) > kTolerance || std::abs(q[1] - p[1]) > kTolerance ||
                    std::abs(q[2] - p[2]) > kTolerance)
                    break;
                ++end;
            }
            runs_.push_back({static_cast<std::uint16_t>(x), static_cast<std::uint16_t>(end),
                             static_cast<std::uint16_t>(y), IM_COL32(p[0], p[1], p[2], 255)});
            x = end;
        }
    }
}

inline ImRect ImageView::draw(ImDrawList* list, ImVec2 origin, ImVec2 size) const {
    if (empty() || size.x <= 0 || size.y <= 0) return ImRect(origin, origin);
    const float scale = std::min(size.x / static_cast<float>(width_), size.y / static_cast<float>(height_));
    const ImVec2 drawn(width_ * scale, height_ * scale);
    const ImVec2 at(origin.x + (size.x - drawn.x) * 0.5f, origin.y + (size.y - drawn.y) * 0.5f);
    for (const Run& r : runs_) {
        // Rows overlap by a fraction of a pixel so no seams show between them.
        list->AddRectFilled(ImVec2(at.x + r.x0 * scale, at.y + r.y * scale),
                            ImVec2(at.x + r.x1 * scale, at.y + (r.y + 1) * scale + 0.5f), r.colour);
    }
    return ImRect(at, ImVec2(at.x + drawn.x, at.y + drawn.y));
}

}  // namespace madoguchi::ui
