// The UI thread writes through one connection while the sync worker drains
// the outbox through its own (one connection per thread, WAL, busy timeout).
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <thread>

#include "data/crypto/uuid.hpp"
#include "tests/data/store/temp_store.hpp"

using namespace madoguchi;
using madoguchi::testing::TempStore;

TEST_CASE("a writer thread and a draining sync thread on separate connections") {
    TempStore t;
    const std::string owner = make_uuid_v4();
    REQUIRE(t->begin_session(owner).ok());
    auto cfg = t.config();
    cfg.startup_maintenance = false;  // the second connection of the process
    auto worker_store = Store::open(cfg);
    REQUIRE(worker_store.ok());

    constexpr int kRecords = 150;
    std::vector<std::string> write_errors, sync_errors;
    std::multiset<std::string> acked_keys;
    std::vector<std::string> acked_entities;
    std::atomic<bool> writer_done{false};
    std::thread writer([&] {
        for (int i = 0; i < kRecords; ++i) {
            Skill s;
            s.name = "skill " + std::to_string(i);
            auto saved = t->skills().save(owner, s);
            if (!saved) write_errors.push_back(saved.error().message_en);
        }
        writer_done = true;
    });
    std::thread sync([&] {
        Store& w = **worker_store;
        while (static_cast<int>(acked_keys.size()) < kRecords) {
            const bool writer_finished = writer_done.load();  // read before looking, so no row is missed
            auto ready = w.outbox().next_ready(system_wall_clock_ms() + 1'000'000'000, 16);
            if (!ready) {
                sync_errors.push_back(ready.error().message_en);
                break;
            }
            if (ready->empty()) {
                if (writer_finished) break;  // nothing more will come
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
                continue;
            }
            for (const auto& row : *ready) {
                if (auto s = w.outbox().mark_sending(row.id); !s) sync_errors.push_back(s.error().message_en);
                if (auto s = w.outbox().mark_done(row.id, "{}"); !s) sync_errors.push_back(s.error().message_en);
                acked_keys.insert(row.idempotency_key);
                acked_entities.push_back(row.entity_client_id);
            }
        }
    });
    writer.join();
    sync.join();
    CHECK(write_errors.empty());
    CHECK(sync_errors.empty());
    REQUIRE(acked_keys.size() == kRecords);
    CHECK(std::set<std::string>(acked_keys.begin(), acked_keys.end()).size() == kRecords);  // each once
    auto counts = t->outbox().counts();
    CHECK(counts->done == kRecords);
    CHECK(counts->pending == 0);
    auto skills = t->skills().list(owner);
    REQUIRE(skills->size() == kRecords);
    for (const auto& s : *skills) CHECK(s.meta.sync_state == SyncState::sent);
    CHECK(*t->db().integrity_check() == "ok");
}
