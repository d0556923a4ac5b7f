// ImGui CPU time per frame on each kiosk screen (headless runner: the real
// screens, fonts and catalogs; ImGui builds its draw lists, no GL), atlas
// size, and atlas rebuild time when 100 new kanji arrive. Prints figures
// beside their targets; never pass/fail.
//   bench_kiosk_frame [frames per screen, default 600] [rebuild rounds, default 7]
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include <imgui_internal.h>

#include "kiosk/app.hpp"
#include "kiosk/pin_check.hpp"
#include "kiosk/shell/headless_runner.hpp"
#include "kiosk/shell/imgui_context.hpp"
#include "kiosk/testing/ui_driver.hpp"
#include "kiosk/testing/ui_script.hpp"
#include "screens/screen_factory.hpp"
#include "tests/support/jis_kanji.hpp"

using namespace madoguchi;

namespace {

// CPU time of this thread: the figure that matters on a shared 2-core box
// (wall time would count other processes' turns on the core).
double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double wall_ms() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

// Runs script lines against the driver; a failure here means the screens
// changed under the benchmark, which must not print figures for the wrong screen.
void run_lines(UiDriver& driver, const std::string& lines) {
    std::istringstream in(lines);
    std::ostringstream log;
    if (auto s = run_ui_script(driver, in, "bench", ScriptOptions{}, log); !s) {
        std::fprintf(stderr, "bench_kiosk_frame: navigation failed: %s\n", s.error().message_en.c_str());
        std::exit(1);
    }
}

void measure_screen(UiDriver& driver, const char* name, int frames) {
    driver.frames(5);  // settle: popups size themselves, glyphs get built
    std::vector<double> cpu;
    cpu.reserve(static_cast<std::size_t>(frames));
    const double wall0 = wall_ms();
    for (int i = 0; i < frames; ++i) {
        const double t0 = thread_cpu_ms();
        driver.frames(1);
        cpu.push_back(thread_cpu_ms() - t0);
    }
    const double wall = (wall_ms() - wall0) / frames;
    const ImDrawData* dd = ImGui::GetDrawData();
    std::printf("%-34s %8.3f %8.3f %8.3f %8.3f %8d %8d\n", name, percentile(cpu, 0.5), percentile(cpu, 0.95),
                percentile(cpu, 0.99), wall, dd ? dd->TotalVtxCount : 0, dd ? dd->TotalIdxCount / 3 : 0);
}

char32_t first_codepoint(const std::string& s) {
    unsigned int c = 0;
    ImTextCharFromUtf8(&c, s.c_str(), s.c_str() + s.size());
    return c;
}

void print_atlas(const char* when, const AtlasStats& a) {
    std::printf("%-34s %5d x %-5d %8.2f MiB  body %zu / title %zu glyphs   (target <= 2048 x 2048)\n", when,
                a.width, a.height, static_cast<double>(a.texture_bytes) / (1024.0 * 1024.0), a.body_glyphs,
                a.title_glyphs);
}

}  // namespace

int main(int argc, char** argv) {
    const int frames = argc > 1 ? std::max(10, std::atoi(argv[1])) : 600;
    const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 7;

    KioskConfig config;
    config.assets_dir = MADOGUCHI_ASSETS_DIR;
    config.data_dir = "/nonexistent-bench-data";  // nothing is saved: the benchmark never taps save
    config.technician_pin_hash = hash_pin("2468").value();
    auto strings = StringCatalog::load(config.assets_dir + "/i18n");
    if (!strings) {
        std::fprintf(stderr, "%s\n", strings.error().message_en.c_str());
        return 1;
    }
    ManualClock clock;
    ImGuiContextGuard imgui(config.font_size_px);
    App app(config, std::move(strings.value()), clock, make_screen_factory());
    app.services().screen_available = [](int id) { return screen_exists(static_cast<ScreenId>(id)); };
    if (auto s = app.init_fonts(); !s) {
        std::fprintf(stderr, "%s\n", s.error().message_en.c_str());
        return 1;
    }
    HeadlessRunner runner(app, ImVec2(1280, 800));
    UiDriver driver(app, runner, clock);

    std::printf("# ImGui CPU time per frame, 1280x800, %d frames per screen (target <= 0.5 ms on the heaviest)\n",
                frames);
    std::printf("%-34s %8s %8s %8s %8s %8s %8s\n", "screen", "p50 ms", "p95 ms", "p99 ms", "wall ms", "vertices",
                "triangles");
    driver.frames(3);
    measure_screen(driver, "attract (ja)", frames);
    run_lines(driver, "tap attract.start\nexpect screen home\n");
    measure_screen(driver, "home", frames);
    run_lines(driver, "tap header.end\ntap confirm.ok\nexpect screen attract\n");
    run_lines(driver,
              "tap attract.tech_corner\ntap attract.tech_corner\ntap attract.tech_corner\n"
              "tap attract.tech_corner\ntap attract.tech_corner\n"
              "tap pin.key.2\ntap pin.key.4\ntap pin.key.6\ntap pin.key.8\ntap pin.enter\n"
              "expect screen technician_settings\n");
    measure_screen(driver, "technician settings", frames);
    run_lines(driver, "tap tech.location\ntype しぶや\n");
    measure_screen(driver, "  + keyboard hiragana", frames);
    run_lines(driver, "tap kbd.layout.romaji\ntype ikkai\n");
    measure_screen(driver, "  + keyboard romaji (candidates)", frames);
    run_lines(driver, "tap kbd.layout.alpha\n");
    measure_screen(driver, "  + keyboard alpha", frames);
    run_lines(driver, "tap kbd.done\n");

    std::printf("\n# font atlas (RGBA32 as uploaded)\n");
    print_atlas("after the tour above", app.fonts().stats());

    // 100 kanji the atlas does not have yet arrive at once (a name, an
    // address, server data): note() marks them, build() packs the new atlas.
    std::printf("\n# atlas rebuild when 100 new kanji arrive (FontSet::note + build; CPU side, no GL upload)\n");
    const auto kanji = madoguchi::testing::jis_x0208_kanji(16, 47);
    std::size_t next = 0;
    std::vector<double> build_wall, build_cpu;
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    for (int r = 0; r < rounds; ++r) {
        std::string batch;
        int n = 0;
        while (n < 100 && next < kanji.size()) {
            const std::string& k = kanji[next++];
            if (app.fonts().has_glyph(first_codepoint(k))) continue;
            batch += k;
            ++n;
        }
        if (n < 100) break;
        const double w0 = wall_ms(), c0 = thread_cpu_ms();
        app.fonts().note(batch);
        if (auto s = app.fonts().build(atlas); !s) {
            std::fprintf(stderr, "%s\n", s.error().message_en.c_str());
            return 1;
        }
        build_cpu.push_back(thread_cpu_ms() - c0);
        build_wall.push_back(wall_ms() - w0);
        atlas.SetTexID(reinterpret_cast<ImTextureID>(1));
        driver.frames(1);  // a frame between batches, as the shell would draw
    }
    std::printf("rounds %zu: median %.1f ms wall, %.1f ms CPU (min %.1f, max %.1f ms wall)\n", build_wall.size(),
                percentile(build_wall, 0.5), percentile(build_cpu, 0.5), percentile(build_wall, 0.0),
                percentile(build_wall, 1.0));
    print_atlas("after the rebuilds", app.fonts().stats());
    return 0;
}
