// Launch to first frame, idle CPU and peak memory of the real kiosk process
// under X (Xvfb + Mesa llvmpipe on the bench box), measured from outside the
// process through /proc, beside headless Chromium rendering the same content
// (bench/baseline/*.html). Prints both sides and the ratios; never pass/fail.
//   bench_kiosk_process [launch runs, default 7] [idle seconds, default 10]
// Needs DISPLAY (bench/run starts Xvfb) and `chromium` on PATH for the baseline.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace fs = std::filesystem;
using SteadyClock = std::chrono::steady_clock;

namespace {

double ms_between(SteadyClock::time_point a, SteadyClock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// A child process with its stdout on a pipe; killed and reaped on scope exit.
class Child {
public:
    Child(const std::vector<std::string>& argv, bool quiet_stderr = true) {
        int fds[2];
        if (pipe(fds) != 0) throw std::runtime_error("pipe");
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
        posix_spawn_file_actions_addclose(&fa, fds[0]);
        posix_spawn_file_actions_addclose(&fa, fds[1]);
        if (quiet_stderr) posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        started_ = SteadyClock::now();
        const int rc = posix_spawnp(&pid_, args[0], &fa, nullptr, args.data(), environ);
        posix_spawn_file_actions_destroy(&fa);
        close(fds[1]);
        out_ = fdopen(fds[0], "r");
        if (rc != 0) throw std::runtime_error("cannot start " + argv[0]);
    }
    ~Child() {
        if (pid_ > 0) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
        if (out_) fclose(out_);
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    pid_t pid() const { return pid_; }
    SteadyClock::time_point started() const { return started_; }
    // Next stdout line ("" at EOF).
    std::string line() {
        char buf[512];
        return fgets(buf, sizeof buf, out_) ? std::string(buf) : std::string();
    }
    // Reaps the child; returns its exit status and peak RSS (ru_maxrss, KiB).
    std::pair<int, long> wait() {
        int status = 0;
        rusage ru{};
        wait4(pid_, &status, 0, &ru);
        pid_ = -1;
        return {status, ru.ru_maxrss};
    }
    // Still running (an exited child stays unreaped for wait()).
    bool running() const {
        siginfo_t info{};
        return pid_ > 0 && waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
               info.si_pid == 0;
    }
    void terminate() {
        if (pid_ > 0) kill(pid_, SIGTERM);
    }

private:
    pid_t pid_ = -1;
    FILE* out_ = nullptr;
    SteadyClock::time_point started_;
};

// "Key:   123 kB" fields of a /proc file, in KiB.
long proc_kib(const std::string& path, const std::string& key) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(key + ":", 0) == 0) return std::atol(line.c_str() + key.size() + 1);
    return 0;
}

long pss_kib(pid_t pid) { return proc_kib("/proc/" + std::to_string(pid) + "/smaps_rollup", "Pss"); }

// The process and all its descendants (Chromium's zygotes, renderer, GPU and utility processes).
std::vector<pid_t> process_tree(pid_t root) {
    std::multimap<pid_t, pid_t> children;
    for (const auto& e : fs::directory_iterator("/proc")) {
        const std::string name = e.path().filename();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        std::ifstream in(e.path() / "stat");
        std::string stat;
        std::getline(in, stat);
        const auto close_paren = stat.rfind(')');
        if (close_paren == std::string::npos) continue;
        std::istringstream rest(stat.substr(close_paren + 2));
        char state;
        pid_t ppid = 0;
        rest >> state >> ppid;
        children.emplace(ppid, std::atoi(name.c_str()));
    }
    std::vector<pid_t> tree{root};
    for (std::size_t i = 0; i < tree.size(); ++i) {
        auto [b, e] = children.equal_range(tree[i]);
        for (auto it = b; it != e; ++it) tree.push_back(it->second);
    }
    return tree;
}

long tree_pss_kib(pid_t root) {
    long sum = 0;
    for (pid_t p : process_tree(root)) sum += pss_kib(p);
    return sum;
}

// utime + stime of the whole process (all threads), in clock ticks.
long cpu_ticks(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat;
    std::getline(in, stat);
    std::istringstream rest(stat.substr(stat.rfind(')') + 2));
    std::string field;
    long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {
        if (i == 14) utime = std::atol(field.c_str());
        if (i == 15) stime = std::atol(field.c_str());
    }
    return utime + stime;
}

// Nanoseconds on CPU summed over every thread (/proc/PID/task/*/schedstat):
// finer than ticks for a process that should barely run.
double cpu_ns_all_threads(pid_t pid) {
    double sum = 0;
    std::error_code ec;
    for (const auto& t : fs::directory_iterator("/proc/" + std::to_string(pid) + "/task", ec)) {
        std::ifstream in(t.path() / "schedstat");
        double ns = 0;
        in >> ns;
        sum += ns;
    }
    return sum;
}

std::string kiosk_binary() { return MADOGUCHI_BIN; }

struct TempDir {
    fs::path path;
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "madoguchi-bench-XXXXXX").string();
        if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp");
        path = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

std::string run_capture(const std::vector<std::string>& argv) {
    Child c(argv);
    std::string out, l;
    while (!(l = c.line()).empty()) out += l;
    c.wait();
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

// A throwaway configuration (PINs as scripts/tour makes them) and data directory.
fs::path write_config(const fs::path& dir) {
    const std::string tech = run_capture({kiosk_binary(), "--hash-pin", "2468"});
    const std::string staff = run_capture({kiosk_binary(), "--hash-pin", "1357"});
    const fs::path cfg = dir / "config.json";
    std::ofstream(cfg) << "{\"technician_pin_hash\": \"" << tech << "\", \"staff_pin_hash\": \"" << staff
                       << "\", \"data_dir\": \"" << dir.string() << "\"}\n";
    return cfg;
}

struct LaunchFigures {
    double first_frame_outside_ms = 0;  // spawn → the first_frame line arrives
    double first_frame_inside_ms = 0;   // the shell's own figure (window creation → first frame)
    double process_ms = 0;              // spawn → exit (includes teardown)
};

LaunchFigures kiosk_launch(const fs::path& cfg, int runs) {
    std::vector<double> outside, inside, whole;
    for (int i = 0; i < runs; ++i) {
        // stdbuf: the line must leave the pipe when printed, not at exit.
        Child c({"stdbuf", "-oL", kiosk_binary(), "--config", cfg.string(), "--first-frame"});
        std::string l;
        while (!(l = c.line()).empty()) {
            if (l.rfind("first_frame_ms", 0) == 0) {
                outside.push_back(ms_between(c.started(), SteadyClock::now()));
                inside.push_back(std::atof(l.c_str() + 15));
            }
        }
        c.wait();
        whole.push_back(ms_between(c.started(), SteadyClock::now()));
    }
    return {median(outside), median(inside), median(whole)};
}

struct IdleFigures {
    double cpu_percent_ticks = 0;
    double cpu_percent_schedstat = 0;
    long peak_pss_kib = 0, pss_kib = 0, rss_kib = 0, hwm_kib = 0;
};

IdleFigures kiosk_idle(const fs::path& cfg, int idle_s) {
    IdleFigures f;
    Child c({kiosk_binary(), "--config", cfg.string()});
    const std::string proc = "/proc/" + std::to_string(c.pid());
    // Launch and settle for 3 s, sampling PSS often (the start-up peak).
    const auto settle_end = c.started() + std::chrono::seconds(3);
    while (SteadyClock::now() < settle_end) {
        f.peak_pss_kib = std::max(f.peak_pss_kib, pss_kib(c.pid()));
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    const long t0 = cpu_ticks(c.pid());
    const double ns0 = cpu_ns_all_threads(c.pid());
    const auto w0 = SteadyClock::now();
    const auto idle_end = w0 + std::chrono::seconds(idle_s);
    while (SteadyClock::now() < idle_end) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1000));  // sparse: the sampler must not skew the idle figure
        f.peak_pss_kib = std::max(f.peak_pss_kib, pss_kib(c.pid()));
    }
    const long t1 = cpu_ticks(c.pid());
    const double ns1 = cpu_ns_all_threads(c.pid());
    const double wall_s = ms_between(w0, SteadyClock::now()) / 1000.0;
    f.cpu_percent_ticks = 100.0 * static_cast<double>(t1 - t0) / static_cast<double>(sysconf(_SC_CLK_TCK)) / wall_s;
    f.cpu_percent_schedstat = 100.0 * (ns1 - ns0) / 1e9 / wall_s;
    f.pss_kib = pss_kib(c.pid());
    f.rss_kib = proc_kib(proc + "/status", "VmRSS");
    f.hwm_kib = proc_kib(proc + "/status", "VmHWM");
    if (!c.running()) f.cpu_percent_ticks = -1;  // it died: no figure
    return f;
}

struct TreeRun {
    double ms = 0;
    long peak_pss_kib = 0;
    long peak_rss_kib = 0;  // ru_maxrss of the launched process only
    int status = 0;
};

// Runs a command to completion, sampling its whole process tree's PSS.
TreeRun run_sampled(const std::vector<std::string>& argv, int sample_ms) {
    TreeRun r;
    Child c(argv);
    std::thread drain([&c] {
        while (!c.line().empty()) {
        }
    });
    while (true) {
        if (!c.running()) break;
        r.peak_pss_kib = std::max(r.peak_pss_kib, tree_pss_kib(c.pid()));
        std::this_thread::sleep_for(std::chrono::milliseconds(sample_ms));
    }
    auto [status, maxrss] = c.wait();
    r.ms = ms_between(c.started(), SteadyClock::now());
    r.status = status;
    r.peak_rss_kib = maxrss;
    drain.join();
    return r;
}

std::vector<std::string> chromium_argv(const fs::path& profile, const fs::path& shot, const fs::path& page) {
    return {"chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--window-size=1280,800",
            "--user-data-dir=" + profile.string(),
            "--screenshot=" + shot.string(),
            "file://" + page.string()};
}

bool on_path(const std::string& exe) {
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "");
    std::string d;
    while (std::getline(dirs, d, ':'))
        if (access((fs::path(d) / exe).c_str(), X_OK) == 0) return true;
    return false;
}

double mib(long kib) { return static_cast<double>(kib) / 1024.0; }

}  // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 7;
    const int idle_s = argc > 2 ? std::max(1, std::atoi(argv[2])) : 10;
    if (!std::getenv("DISPLAY")) {
        std::fprintf(stderr, "bench_kiosk_process: needs an X display (run bench/run, or under xvfb-run -a)\n");
        return 2;
    }
    TempDir tmp;
    const fs::path cfg = write_config(tmp.path);
    const fs::path baseline = MADOGUCHI_BASELINE_DIR;

    std::printf("# kiosk: %s (full screen on DISPLAY=%s)\n", kiosk_binary().c_str(), std::getenv("DISPLAY"));
    const LaunchFigures launch = kiosk_launch(cfg, runs);
    std::printf("launch to first frame, median of %d (from outside) %8.1f ms   (target <= 300 ms)\n", runs,
                launch.first_frame_outside_ms);
    std::printf("  window creation to first frame (in-process)  %8.1f ms\n", launch.first_frame_inside_ms);
    std::printf("  whole --first-frame process (incl. exit)     %8.1f ms\n", launch.process_ms);

    const IdleFigures idle = kiosk_idle(cfg, idle_s);
    std::printf("idle CPU over %d s (utime+stime ticks)        %8.2f %% of one core   (target <= 1 %%)\n", idle_s,
                idle.cpu_percent_ticks);
    std::printf("  idle CPU (schedstat, all threads)            %8.3f %% of one core\n", idle.cpu_percent_schedstat);
    std::printf("memory, idle attract: peak PSS %.1f MiB, PSS %.1f MiB, RSS %.1f MiB, VmHWM %.1f MiB\n",
                mib(idle.peak_pss_kib), mib(idle.pss_kib), mib(idle.rss_kib), mib(idle.hwm_kib));

    // Every screen and keyboard layout once (the screenshot tour): the peak a session can reach.
    TempDir shots;
    const TreeRun tour = run_sampled({kiosk_binary(), "--config", cfg.string(), "--windowed", "1280x800",
                                      "--script", std::string(MADOGUCHI_SOURCE_DIR) + "/scripts/tour.mdg",
                                      "--screenshot-dir", shots.path.string()},
                                     20);
    std::printf("memory, whole screenshot tour: peak PSS %.1f MiB, peak RSS (ru_maxrss) %.1f MiB%s\n",
                mib(tour.peak_pss_kib), mib(tour.peak_rss_kib), tour.status == 0 ? "" : "  (tour FAILED)");
    const long kiosk_peak_pss = std::max(idle.peak_pss_kib, tour.peak_pss_kib);

    if (!on_path("chromium")) {
        std::printf("\n# chromium not installed: no baseline (bench/run installs it)\n");
        return 0;
    }
    std::printf("\n# baseline: headless Chromium, same content (%s)\n", baseline.c_str());
    std::printf("%-16s %12s %16s %14s\n", "page", "run ms", "tree peak PSS", "browser RSS");
    double chromium_attract_ms = 0;
    long chromium_attract_pss = 0;
    for (const char* page : {"attract.html", "settings.html"}) {
        std::vector<double> ms;
        std::vector<double> pss, rss;
        const int chromium_runs = std::max(1, std::min(runs, 3));
        for (int i = 0; i < chromium_runs; ++i) {
            TempDir profile;
            const TreeRun r =
                run_sampled(chromium_argv(profile.path, profile.path / "shot.png", baseline / page), 50);
            if (r.status != 0 || !fs::exists(profile.path / "shot.png")) {
                std::printf("%-16s chromium failed (status %d)\n", page, r.status);
                continue;
            }
            ms.push_back(r.ms);
            pss.push_back(static_cast<double>(r.peak_pss_kib));
            rss.push_back(static_cast<double>(r.peak_rss_kib));
        }
        if (ms.empty()) continue;
        std::printf("%-16s %9.1f ms %12.1f MiB %10.1f MiB\n", page, median(ms), median(pss) / 1024.0,
                    median(rss) / 1024.0);
        if (std::string(page) == "attract.html") {
            chromium_attract_ms = median(ms);
            chromium_attract_pss = static_cast<long>(median(pss));
        }
    }
    if (chromium_attract_pss > 0) {
        std::printf("\n# ratios (kiosk / chromium, attract page)\n");
        std::printf("launch to first frame vs screenshot run   %6.3f  (%.1f ms vs %.1f ms)\n",
                    launch.first_frame_outside_ms / chromium_attract_ms, launch.first_frame_outside_ms,
                    chromium_attract_ms);
        std::printf("peak PSS                                  %6.3f  (%.1f MiB vs %.1f MiB; target <= 0.333)\n",
                    static_cast<double>(kiosk_peak_pss) / static_cast<double>(chromium_attract_pss),
                    mib(kiosk_peak_pss), mib(chromium_attract_pss));
    }
    return 0;
}
