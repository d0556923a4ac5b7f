// Prints the processing time of one page through the ID image pipeline:
// locate + straighten, quality checks, mask, PNG/JPEG encode. Two pages: an
// ID card scanned at 600 dpi and an A4 page at 300 dpi. Figures, not a test.
// MADOGUCHI_BENCH_REPEAT=N sets the number of runs (median is printed).
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "data/imaging/capture_quality.hpp"
#include "data/imaging/document_capture.hpp"
#include "data/imaging/document_locator.hpp"
#include "data/imaging/document_mask.hpp"
#include "data/imaging/image_codec.hpp"
#include "data/imaging/perspective_warp.hpp"
#include "tests/data/imaging/synthetic_document.hpp"

using namespace madoguchi;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

// CPU time of this thread: steadier than wall time on a shared machine.
double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

struct Case {
    std::string name;
    Image frame;
    DocumentFormat format;
    bool crop;
};

void run(const Case& c, int repeat) {
    std::vector<double> locate_ms, warp_ms, check_ms, mask_ms, png_ms, jpeg_ms, total_ms, cpu_ms;
    std::size_t png_bytes = 0, jpeg_bytes = 0;
    int out_w = 0, out_h = 0;
    std::string problems;
    for (int r = 0; r < repeat; ++r) {
        const auto start = Clock::now();
        const double cpu_start = thread_cpu_ms();
        double t = thread_cpu_ms();
        Image doc = c.frame;
        if (c.crop) {
            auto quad = locate_document(c.frame);
            locate_ms.push_back(thread_cpu_ms() - t);
            if (!quad) {
                std::printf("%s: %s\n", c.name.c_str(), quad.error().message_en.c_str());
                return;
            }
            t = thread_cpu_ms();
            doc = warp_quad(c.frame, *quad, upright_size(*quad, c.format.aspect()));
            warp_ms.push_back(thread_cpu_ms() - t);
        } else {
            locate_ms.push_back(0);
            warp_ms.push_back(0);
        }
        t = thread_cpu_ms();
        const auto metrics = measure_quality(doc, c.format);
        const auto errors = check_quality(metrics);
        check_ms.push_back(thread_cpu_ms() - t);
        t = thread_cpu_ms();
        const PixelRect masks[] = {to_pixels({0.05, 0.55, 0.5, 0.08}, doc.width, doc.height),
                                   to_pixels({0.70, 0.70, 0.2, 0.2}, doc.width, doc.height)};
        auto masked = apply_masks(doc, masks);
        mask_ms.push_back(thread_cpu_ms() - t);
        t = thread_cpu_ms();
        auto png = encode_png(*masked);
        png_ms.push_back(thread_cpu_ms() - t);
        t = thread_cpu_ms();
        auto jpeg = encode_jpeg(*masked, 90);
        jpeg_ms.push_back(thread_cpu_ms() - t);
        total_ms.push_back(ms_since(start));
        cpu_ms.push_back(thread_cpu_ms() - cpu_start);
        png_bytes = png->size();
        jpeg_bytes = jpeg->size();
        out_w = doc.width;
        out_h = doc.height;
        problems.clear();
        for (const auto& e : errors) problems += e.code + " ";
    }
    std::printf("%s\n  frame %dx%d -> document %dx%d  quality: %s\n", c.name.c_str(), c.frame.width, c.frame.height, out_w, out_h,
                problems.empty() ? "ok" : problems.c_str());
    std::printf("  CPU, median of %d: locate %.1f ms, straighten %.1f ms, checks %.1f ms, mask %.1f ms, PNG %.1f ms (%zu KB), JPEG q90 %.1f ms (%zu KB)\n",
                repeat, median(locate_ms), median(warp_ms), median(check_ms), median(mask_ms), median(png_ms), png_bytes / 1024,
                median(jpeg_ms), jpeg_bytes / 1024);
    std::printf("  per page (crop + checks + mask + PNG + JPEG): %.1f ms CPU, %.1f ms wall; with JPEG only: %.1f ms CPU\n",
                median(cpu_ms), median(total_ms), median(cpu_ms) - median(png_ms));
}

}  // namespace

int main() {
    const char* env = std::getenv("MADOGUCHI_BENCH_REPEAT");
    const int repeat = std::max(1, env ? std::atoi(env) : 3);

    std::printf("generating documents...\n");
    const synthetic::Rgb lid{40, 42, 50};
    // ID-1 card at 600 dpi (2022 x 1275 px) on a dark lid, slightly skewed.
    const auto card = synthetic::place_rotated(synthetic::draw_card(2022, 1275), 2400, 1600, {1200, 800}, 2.5, lid);
    // A4 at 300 dpi: a page filling the glass (no crop) and one placed on a
    // dark lid with a margin (cropped).
    const Image page = synthetic::draw_page(2480, 3508);
    const auto page_on_lid = synthetic::place_rotated(synthetic::draw_page(2338, 3307), 2480, 3508, {1240, 1754}, 0.8, lid);

    run({"ID card, 600 dpi (2022x1275 card in the frame)", card.frame, kIdCardFormat, true}, repeat);
    run({"A4 page, 300 dpi (2480x3508, fills the glass, no crop)", page, kA4Format, false}, repeat);
    run({"A4 page, 300 dpi (on a dark lid, cropped)", page_on_lid.frame, kA4Format, true}, repeat);
    return 0;
}
