// RunQueue: tasks posted from worker threads run on the UI thread, in
// order, and each post wakes the loop.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "kiosk/run_queue.hpp"

using namespace madoguchi;

TEST_CASE("posts from threads all run once, wake is called per post") {
    RunQueue q;
    std::atomic<int> wakes{0};
    q.set_wake([&] { ++wakes; });
    std::vector<int> seen;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 100; ++i) q.post([&seen, t, i] { seen.push_back(t * 1000 + i); });
        });
    for (auto& th : threads) th.join();
    CHECK(wakes == 400);
    CHECK(q.run_pending() == 400);
    CHECK(seen.size() == 400);
    CHECK(q.empty());
    // A task may post again; it runs in the next batch, not recursively.
    q.post([&] { q.post([&] { seen.push_back(-1); }); });
    CHECK(q.run_pending() == 1);
    CHECK(q.run_pending() == 1);
    CHECK(seen.back() == -1);
}
