// Fault campaigns, each ending with exact counts on the server (0 missing,
// 0 duplicates, identical SHA-256 of every file): server SIGKILLed and
// restarted during a sync; a proxy that cuts, drops, stalls and injects
// 500 / 429 / malformed replies; the kiosk's own sync process SIGKILLed.
#include <doctest/doctest.h>

#include <random>

#include "tests/net/fault_proxy.hpp"
#include "tests/net/fault_workload.hpp"

using namespace madoguchi;
using namespace madoguchi::test;
using namespace std::chrono_literals;

namespace {

// ASan on 2 shared cores: default sizes are the brief's minimum, the knob
// scales the campaign (MADOGUCHI_FAULT_ITERATIONS=N multiplies by N/10).
int scaled(int base) { return std::max(base, base * scaled_iterations(10) / 10); }

}  // namespace

TEST_CASE("server killed and restarted repeatedly during a sync") {
    KioskFixture k;
    const Workload w = queue_workload(k, scaled(1000), scaled(20) , 2u << 20, "kill");
    auto cfg = k.engine_config();
    cfg.upload_chunk_bytes = 1u << 20;
    SyncEngine engine(cfg, k.store_opener(), k.event_sink());
    engine.start();
    engine.notify();

    std::mt19937_64 rng(99);
    int kills = 0;
    const auto deadline = std::chrono::steady_clock::now() + 240s;
    for (;;) {
        std::this_thread::sleep_for(std::chrono::milliseconds(300 + rng() % 1200));
        auto c = k.store().outbox().counts();
        REQUIRE(c.ok());
        if (c->pending == 0 && c->sending == 0) break;
        REQUIRE(std::chrono::steady_clock::now() < deadline);
        k.server().kill_hard();
        ++kills;
        std::this_thread::sleep_for(std::chrono::milliseconds(rng() % 400));
        k.server().start();  // same port, same data directory
    }
    REQUIRE(k.wait_drained(60s));
    engine.stop();
    MESSAGE("server SIGKILLs during the sync: " << kills);
    CHECK(kills >= 3);
    check_server_holds_exactly(k, w);
}

TEST_CASE("fault proxy: cuts, dropped replies, stalls, 500, 429 and malformed JSON") {
    KioskFixture k;
    const Workload w = queue_workload(k, scaled(300), scaled(6), 2u << 20, "proxy");
    std::mt19937_64 rng(2026);
    std::mutex rng_mutex;
    int stalls_left = 2;  // each costs a low-speed bound of waiting
    FaultProxy proxy(k.server().port(), [&](const ProxyRequest& r) {
        std::lock_guard lock(rng_mutex);
        const int roll = static_cast<int>(rng() % 100);
        if (roll < 60) return ProxyFault::none;
        if (roll < 67) return ProxyFault::cut_request;
        if (roll < 74) return ProxyFault::cut_response;
        if (roll < 82) return ProxyFault::drop_response;
        if (roll < 87) return ProxyFault::inject_500;
        if (roll < 91) return ProxyFault::inject_429;
        if (roll < 96) return ProxyFault::inject_malformed;
        if (stalls_left > 0 && r.method != "HEAD") {
            --stalls_left;
            return ProxyFault::stall_response;
        }
        return ProxyFault::none;
    });
    auto cfg = k.engine_config(proxy.base_url());
    cfg.upload_chunk_bytes = 1u << 20;
    cfg.http.low_speed_limit_bytes_per_s = 1024;
    cfg.http.low_speed_time = 2s;
    SyncEngine engine(cfg, k.store_opener(), k.event_sink());
    engine.start();
    engine.notify();
    REQUIRE(k.wait_drained(300s));
    engine.stop();
    proxy.stop();

    for (auto f : {ProxyFault::none, ProxyFault::cut_request, ProxyFault::cut_response, ProxyFault::drop_response,
                   ProxyFault::stall_response, ProxyFault::inject_500, ProxyFault::inject_429,
                   ProxyFault::inject_malformed}) {
        MESSAGE(std::string(to_code(f)) << ": " << proxy.count(f));
        CHECK(proxy.count(f) > 0);  // every fault really happened
    }
    // The client abandoned each stalled reply within its low-speed bound
    // (2 s), not after the proxy's 60 s of silence.
    for (double s : proxy.stall_durations()) {
        MESSAGE("stall aborted after " << s << " s");
        CHECK(s < 30.0);
    }
    // 429's Retry-After and malformed replies were classified as retries.
    const auto events = k.events();
    bool saw_retry_after = false, saw_malformed = false, saw_stall = false;
    for (const auto& e : events) {
        if (e.kind != SyncEvent::Kind::row_retry) continue;
        saw_retry_after |= e.error.code == "rate.limited" && e.retry_in >= 1s;
        saw_malformed |= e.error.code == "net.malformed_reply";
        saw_stall |= e.error.code == "net.stalled";
    }
    CHECK(saw_retry_after);
    CHECK(saw_malformed);
    CHECK(saw_stall);
    check_server_holds_exactly(k, w);
}

TEST_CASE("kiosk sync process SIGKILLed mid-sync and restarted") {
    KioskFixture k;
    const Workload w = queue_workload(k, scaled(400), scaled(6), 2u << 20, "crash");
    const StoreConfig sc = k.store_config(false);
    std::mt19937_64 rng(7);
    int kills = 0;
    bool finished = false;
    for (int round = 0; round < 200 && !finished; ++round) {
        const pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            const std::string helper = bin_dir() + "/net_sync_helper";
            execl(helper.c_str(), helper.c_str(), sc.database_path.c_str(), sc.files_dir.c_str(),
                  sc.master_key_path.c_str(), k.server().base_url().c_str(), k.device_token().c_str(),
                  static_cast<char*>(nullptr));
            _exit(127);
        }
        // Let it work a little, then kill it without warning (the first
        // rounds only; then let it finish).
        const auto run_for = std::chrono::milliseconds(400 + rng() % 1200);
        const auto until = std::chrono::steady_clock::now() + (kills < 8 ? run_for : 300s);
        int status = 0;
        pid_t done = 0;
        while (std::chrono::steady_clock::now() < until && (done = waitpid(pid, &status, WNOHANG)) == 0)
            std::this_thread::sleep_for(20ms);
        if (done == pid) {
            REQUIRE(WIFEXITED(status));
            REQUIRE(WEXITSTATUS(status) == 0);
            finished = true;
        } else {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            ++kills;
        }
    }
    REQUIRE(finished);
    MESSAGE("sync process SIGKILLs: " << kills);
    CHECK(kills >= 3);
    check_server_holds_exactly(k, w);
}
