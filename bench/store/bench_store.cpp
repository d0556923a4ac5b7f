// Store benchmark: durable profile save latency (p50/p99, synchronous=FULL,
// one transaction = record + outbox row) and outbox rows inserted per second.
// Prints figures; no pass/fail. Usage: bench_store [profile_saves] [skill_saves]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "data/crypto/uuid.hpp"
#include "data/store/store.hpp"

using namespace madoguchi;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
    const int profile_saves = argc > 1 ? std::atoi(argv[1]) : 500;
    const int skill_saves = argc > 2 ? std::atoi(argv[2]) : 2000;
    std::string tmpl = (std::filesystem::temp_directory_path() / "madoguchi-bench-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) return 1;
    const std::filesystem::path dir = tmpl;
    int rc = 0;
    {
        StoreConfig cfg;
        cfg.database_path = (dir / "store.db").string();
        cfg.files_dir = (dir / "files").string();
        cfg.master_key_path = (dir / "device.key").string();
        auto opened = Store::open(cfg);
        if (!opened) {
            std::fprintf(stderr, "open: %s\n", opened.error().message_en.c_str());
            return 1;
        }
        Store& store = **opened;
        const std::string owner = make_uuid_v4();
        (void)store.begin_session(owner);

        Profile p;
        p.family_name = "山田";
        p.given_name = "太郎";
        p.self_introduction = std::string(800, 'x');
        std::vector<double> ms;
        ms.reserve(static_cast<std::size_t>(profile_saves));
        for (int i = 0; i < profile_saves; ++i) {
            p.nickname = "n" + std::to_string(i);
            const auto t0 = Clock::now();
            auto saved = store.profiles().save(owner, p);
            const auto t1 = Clock::now();
            if (!saved) {
                std::fprintf(stderr, "save: %s\n", saved.error().message_en.c_str());
                rc = 1;
                break;
            }
            ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        }
        std::sort(ms.begin(), ms.end());
        auto pct = [&](double q) { return ms.empty() ? 0.0 : ms[static_cast<std::size_t>(q * (ms.size() - 1))]; };
        std::printf("profile save (durable commit, record + outbox row): n=%zu p50=%.2f ms p99=%.2f ms max=%.2f ms\n",
                    ms.size(), pct(0.50), pct(0.99), ms.empty() ? 0.0 : ms.back());

        Skill sk;
        const auto t0 = Clock::now();
        for (int i = 0; i < skill_saves; ++i) {
            sk.meta.client_id.clear();
            sk.name = "skill " + std::to_string(i);
            if (!store.skills().save(owner, sk)) {
                rc = 1;
                break;
            }
        }
        const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
        std::printf("outbox rows inserted, one durable transaction each: %d in %.2f s = %.0f rows/s\n", skill_saves,
                    secs, skill_saves / secs);

        // Batched: many rows in one transaction (what an import would do).
        const auto t2 = Clock::now();
        {
            auto tx = Transaction::begin(store.db());
            for (int i = 0; i < skill_saves; ++i) {
                sk.meta.client_id.clear();
                if (!store.skills().save(owner, sk)) rc = 1;
            }
            if (!tx || !tx->commit()) rc = 1;
        }
        const double bsecs = std::chrono::duration<double>(Clock::now() - t2).count();
        std::printf("outbox rows inserted, one transaction for all: %d in %.2f s = %.0f rows/s\n", skill_saves, bsecs,
                    skill_saves / bsecs);

        const auto t3 = Clock::now();
        auto ready = store.outbox().next_ready(system_wall_clock_ms(), 100);
        const double rms = std::chrono::duration<double, std::milli>(Clock::now() - t3).count();
        std::printf("next_ready(100) over %lld queued rows: %.2f ms\n",
                    static_cast<long long>(store.outbox().counts()->pending), rms);
        if (!ready) rc = 1;
    }
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    return rc;
}
