// madoguchi: the kiosk executable. Interactive on the device; `--script`
// drives it through the UI script language (headless or under a window).
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "kiosk/app.hpp"
#include "kiosk/ime/kana_kanji_converter.hpp"
#include "kiosk/config.hpp"
#include "kiosk/pin_check.hpp"
#include "kiosk/shell/glfw_shell.hpp"
#include "kiosk/shell/headless_runner.hpp"
#include "kiosk/shell/imgui_context.hpp"
#include "kiosk/testing/ui_driver.hpp"
#include "kiosk/testing/ui_script.hpp"
#include "screens/screen_factory.hpp"
#include "services/account_service.hpp"
#include "services/kiosk_backend.hpp"

namespace {

using namespace madoguchi;

struct Args {
    std::string config_path;
    std::string data_dir;
    std::string server_url;
    std::string script;
    std::string screenshot_dir = ".";
    std::string hash_pin;
    bool headless = false;
    bool windowed = false;
    int width = 1280, height = 800;
    bool first_frame_only = false;  // bench: print launch-to-first-frame and exit
    bool help = false;
};

void usage() {
    std::puts(
        "usage: madoguchi [options]\n"
        "  --config FILE         configuration (JSON); default DATA/config.json when present\n"
        "  --data DIR            data directory (default var/kiosk)\n"
        "  --server URL          platform server (default http://127.0.0.1:8088)\n"
        "  --windowed WxH        a normal window instead of full screen (development)\n"
        "  --script FILE         run a UI script (docs/ui-scripts.md); exit 1 on a failed expectation\n"
        "  --headless            with --script: no window, no GPU\n"
        "  --screenshot-dir DIR  where a script's `screenshot` writes PNGs\n"
        "  --hash-pin PIN        print the Argon2id hash of a staff/technician PIN for the config\n"
        "  --first-frame         print launch-to-first-frame time in ms and exit (bench)");
}

bool parse_size(const char* s, int& w, int& h) { return std::sscanf(s, "%dx%d", &w, &h) == 2 && w > 0 && h > 0; }

bool parse_args(int argc, char** argv, Args& a) {
    for (int i = 1; i < argc; ++i) {
        std::string k = argv[i];
        auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
        const char* v = nullptr;
        if (k == "--config" && (v = next())) a.config_path = v;
        else if (k == "--data" && (v = next())) a.data_dir = v;
        else if (k == "--server" && (v = next())) a.server_url = v;
        else if (k == "--script" && (v = next())) a.script = v;
        else if (k == "--screenshot-dir" && (v = next())) a.screenshot_dir = v;
        else if (k == "--hash-pin" && (v = next())) a.hash_pin = v;
        else if (k == "--windowed" && (v = next())) {
            a.windowed = true;
            if (!parse_size(v, a.width, a.height)) return false;
        } else if (k == "--headless") a.headless = true;
        else if (k == "--first-frame") a.first_frame_only = true;
        else if (k == "--help" || k == "-h") a.help = true;
        else return false;
    }
    return true;
}

bool file_exists(const std::string& p) {
    struct stat st {};
    return stat(p.c_str(), &st) == 0;
}

}  // namespace

int main(int argc, char** argv) {
    Args args;
    if (!parse_args(argc, argv, args)) {
        usage();
        return 2;
    }
    if (args.help) {
        usage();
        return 0;
    }
    if (!args.hash_pin.empty()) {
        auto h = hash_pin(args.hash_pin);
        if (!h) {
            std::cerr << h.error().message_en << "\n";
            return 2;
        }
        std::cout << h.value() << "\n";
        return 0;
    }

    KioskConfig config;
    if (!args.data_dir.empty()) config.data_dir = args.data_dir;
    std::string config_path = args.config_path.empty() ? config.data_dir + "/config.json" : args.config_path;
    if (!args.config_path.empty() || file_exists(config_path)) {
        auto loaded = load_config_file(config_path, config);
        if (!loaded) {
            std::cerr << "madoguchi: " << loaded.error().message_en << "\n";
            return 2;
        }
        config = loaded.value();
    }
    if (!args.server_url.empty()) config.server_url = args.server_url;
    if (args.windowed) config.windowed = true, config.window_width = args.width, config.window_height = args.height;
    if (config.assets_dir.empty()) config.assets_dir = MADOGUCHI_ASSETS_DIR;

    auto strings = StringCatalog::load(config.assets_dir + "/i18n");
    if (!strings) {
        std::cerr << "madoguchi: " << strings.error().message_en << "\n";
        return 2;
    }

    const bool scripted = !args.script.empty();
    SteadyClock steady;
    ManualClock manual;
    const Clock& clock = scripted ? static_cast<const Clock&>(manual) : steady;

    // Kana→kanji candidates for the keyboard (Anthy + SKK dictionaries);
    // declared before the app so it outlives the keyboard that points to it.
    // Without it the keyboard still types kana, with no candidate bar.
    std::unique_ptr<ime::KanaKanjiConverter> converter;
    if (auto c = ime::KanaKanjiConverter::open(ime::default_skk_dictionaries())) converter = std::move(*c);
    else std::cerr << "madoguchi: no kana-kanji conversion: " << c.error().message_en << "\n";

    ImGuiContextGuard imgui(config.font_size_px);
    App app(config, std::move(strings.value()), clock, make_screen_factory());
    app.keyboard().set_converter(converter.get());
    app.services().config_path = config_path;
    app.services().screen_available = [](int id) { return screen_exists(static_cast<ScreenId>(id)); };
    app.services().save_config = [&app, config_path](const KioskConfig& c) -> Status {
        if (auto s = validate_config(c); !s) return s;
        if (auto s = save_config_file(config_path, c); !s) return s;
        app.apply_config(c);
        return ok_status();
    };
    if (auto s = app.init_fonts(); !s) {
        std::cerr << "madoguchi: " << s.error().message_en << "\n";
        return 2;
    }

    // Local store, sync engine and app services. Offline-first: a store that
    // cannot open leaves the account screens "not available" but the kiosk
    // runs; nothing here waits for the network.
    std::unique_ptr<KioskBackend> backend;
    if (auto opened = KioskBackend::open(
            KioskBackendConfig{config.data_dir, config.server_url, {}, !scripted, MADOGUCHI_DATASET_DIR,
                               config.assets_dir + "/suggestions",
                               // Staff camera: MADOGUCHI_CAMERA=/dev/videoN or file:DIR (demo, tour).
                               std::getenv("MADOGUCHI_CAMERA") ? std::getenv("MADOGUCHI_CAMERA") : "",
                               config.assets_dir + "/nda",
                               // First start with this server: enrol (services/device_enrolment.hpp).
                               config.kiosk_id, config.enrollment_code, config.tls_pinned_public_key},
            [&app](std::function<void()> task) { app.run_queue().post(std::move(task)); })) {
        backend = std::move(*opened);
        app.services().accounts = &backend->accounts();
        app.services().profiles = &backend->profiles();
        app.services().on_session_end = [b = backend.get()](const std::string& id) { (void)b->accounts().sign_out(id); };
        app.services().staff = &backend->staff();
        app.services().identity = &backend->identity();
        app.services().companies = &backend->companies();
        app.services().bank_accounts = &backend->bank_accounts();
        app.services().sections = &backend->sections();
        app.services().nda = &backend->nda();
        app.services().my_page = &backend->my_page();
        app.services().social = &backend->social();
    } else {
        std::cerr << "madoguchi: store unavailable: " << opened.error().message_en << "\n";
    }

    try {
        if (scripted) {
            std::ifstream in(args.script);
            if (!in) {
                std::cerr << "madoguchi: cannot open script " << args.script << "\n";
                return 2;
            }
            std::unique_ptr<FrameRunner> runner;
            if (args.headless)
                runner = std::make_unique<HeadlessRunner>(
                    app, ImVec2(static_cast<float>(config.window_width), static_cast<float>(config.window_height)));
            else
                runner = std::make_unique<GlfwShell>(
                    app, WindowOptions{true, config.window_width, config.window_height, false});
            UiDriver driver(app, *runner, manual);
            auto result = run_ui_script(driver, in, args.script, ScriptOptions{args.screenshot_dir}, std::cout);
            if (!result) {
                std::cerr << result.error().message_en << "\n";
                return 1;
            }
            std::cout << "script ok: " << driver.tap_count() << " taps\n";
            return 0;
        }
        GlfwShell shell(app, WindowOptions{config.windowed, config.window_width, config.window_height, true});
        if (args.first_frame_only) {
            shell.run_frame(nullptr, 0);
            std::printf("first_frame_ms %.1f\n", shell.first_frame_ms());
            std::fflush(stdout);
            return 0;
        }
        shell.run_interactive(app.quit_requested());
    } catch (const std::exception& e) {
        std::cerr << "madoguchi: " << e.what() << "\n";
        return 3;
    }
    return 0;
}
