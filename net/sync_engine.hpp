// SyncEngine: the worker thread that drains the local outbox to the
// platform: in order per entity, one idempotency key per row, resumable file
// uploads first, backoff on transient failures, dead letters for rejected
// rows, and a prompt, clean stop.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "data/result.hpp"
#include "data/store/store.hpp"
#include "net/api_client.hpp"
#include "net/http_client.hpp"
#include "net/retry_policy.hpp"

namespace madoguchi {

enum class SyncEngineState {
    stopped,
    idle,          // outbox drained (or everything waits for a retry time)
    sending,
    paused,        // TLS or device-token problem: a technician must act (resume())
};
const char* to_code(SyncEngineState s);

// What the engine tells the app. Delivered ON THE WORKER THREAD: the app's
// callback queues it for the main thread and calls glfwPostEmptyEvent().
struct SyncEvent {
    enum class Kind {
        state_changed,    // `state` is the new state; `error` set when paused
        row_sent,         // the platform acknowledged `outbox_id`
        row_retry,        // transient failure; retried after `retry_in`
        row_dead_letter,  // rejected: `error` is the server's message (ja/en)
        upload_progress,  // `bytes_done` of `bytes_total` for a file of `outbox_id`
    };
    Kind kind = Kind::state_changed;
    SyncEngineState state = SyncEngineState::idle;
    std::int64_t outbox_id = 0;
    std::string operation;
    std::string entity_client_id;
    std::uint64_t bytes_done = 0;
    std::uint64_t bytes_total = 0;
    std::chrono::milliseconds retry_in{0};
    Error error;
    OutboxCounts counts;  // after this event (state_changed, row_* events)
};

struct SyncEngineConfig {
    ApiClientConfig api;
    HttpClientConfig http;
    RetryPolicy retry;
    int batch_size = 64;
    std::size_t upload_chunk_bytes = 4u << 20;
    // Even without notify(), look at the outbox this often (rows whose retry
    // time came, rows queued by another process).
    std::chrono::milliseconds poll_interval{std::chrono::seconds(30)};
    // A paused engine tries again by itself after this long.
    std::chrono::milliseconds pause_retry{std::chrono::minutes(5)};
    std::uint64_t rng_seed = 0;  // 0 = seeded from the OS
};

class SyncEngine {
public:
    // The worker opens its own Store connection (one connection per
    // thread) through `open_store`, e.g. Store::open(cfg with
    // startup_maintenance=false).
    using StoreOpener = std::function<Result<std::unique_ptr<Store>>()>;
    using EventSink = std::function<void(const SyncEvent&)>;

    SyncEngine(SyncEngineConfig config, StoreOpener open_store, EventSink on_event);
    ~SyncEngine();  // stop()
    SyncEngine(const SyncEngine&) = delete;
    SyncEngine& operator=(const SyncEngine&) = delete;

    void start();
    // Aborts the in-flight transfer (within about a second), leaves its row
    // pending with the same key, joins the worker. Idempotent.
    void stop();
    // New outbox rows were committed: look now instead of at the next poll.
    void notify();
    // Leave the paused state (configuration fixed) and try again now.
    void resume();

    // A user session issued to this device for an account it did not
    // create (sign-in); applied before the next row of that account.
    void set_session_token(const std::string& account_id, std::string token);

    SyncEngineState state() const { return state_.load(); }

private:
    void run();
    void wait_for(std::chrono::milliseconds d, bool paused);
    void set_state(SyncEngineState s, Error error, Store* store);

    struct Worker;
    SyncEngineConfig config_;
    StoreOpener open_store_;
    EventSink on_event_;
    std::atomic<bool> stop_{false};
    std::atomic<SyncEngineState> state_{SyncEngineState::stopped};
    std::mutex mutex_;
    std::condition_variable wake_cv_;
    bool wake_ = false;
    bool resume_ = false;
    std::map<std::string, std::string> session_tokens_;  // guarded by mutex_
    std::thread thread_;
};

}  // namespace madoguchi
