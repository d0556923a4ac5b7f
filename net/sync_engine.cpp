// Sync worker: outbox rows -> (uploads) -> API request -> mark_done /
// mark_retry / mark_dead_letter, with events for the UI.
#include "net/sync_engine.hpp"

#include <algorithm>
#include <random>

#include "net/api_reply.hpp"
#include "net/buffer_upload_source.hpp"
#include "net/outbox_routes.hpp"
#include "net/resumable_upload.hpp"

namespace madoguchi {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// How the stored error text looks: JSON so the UI can show the Japanese
// message next to the record (docs/sync.md).
std::string error_text(const Failure& f) {
    return json{{"code", f.error.code},
                {"field", f.error.field},
                {"message_ja", f.error.message_ja},
                {"message_en", f.error.message_en},
                {"http_status", f.http_status},
                {"kind", to_code(f.kind)}}
        .dump();
}

Failure local_failure(const Error& e) {
    Failure f;
    f.kind = FailureKind::rejected;  // a local problem no retry can fix
    f.error = e;
    return f;
}

enum class RowOutcome { done, retry, dead_letter, pause, abort };

}  // namespace

const char* to_code(SyncEngineState s) {
    switch (s) {
        case SyncEngineState::stopped: return "stopped";
        case SyncEngineState::idle: return "idle";
        case SyncEngineState::sending: return "sending";
        case SyncEngineState::paused: return "paused";
    }
    return "stopped";
}

// Everything that lives on the worker thread only.
struct SyncEngine::Worker {
    SyncEngine& engine;
    Store& store;
    HttpClient http;
    ApiClient api;
    std::mt19937_64 rng;
    std::int64_t earliest_retry_ms = 0;  // 0 = none scheduled
    Failure pause_reason;

    Worker(SyncEngine& e, Store& s)
        : engine(e),
          store(s),
          http(e.config_.http, &e.stop_),
          api(http, e.config_.api),
          rng(e.config_.rng_seed ? e.config_.rng_seed : std::random_device{}()) {}

    void emit(SyncEvent ev) {
        if (engine.on_event_) engine.on_event_(ev);
    }

    void apply_session_tokens() {
        std::lock_guard lock(engine.mutex_);
        for (const auto& [account, token] : engine.session_tokens_) api.set_session_token(account, token);
    }

    RowOutcome fail(const OutboxRow& row, const Failure& f) {
        OutboxStore& outbox = store.outbox();
        const std::int64_t now = system_wall_clock_ms();
        SyncEvent ev;
        ev.outbox_id = row.id;
        ev.operation = row.operation;
        ev.entity_client_id = row.entity_client_id;
        ev.error = f.error;
        switch (action_for(f)) {
            case FailureAction::retry: {
                const auto delay =
                    next_retry_delay(engine.config_.retry, std::max(0, row.attempts), f.retry_after, rng);
                const std::int64_t at = now + delay.count();
                (void)outbox.mark_retry(row.id, at, error_text(f));
                earliest_retry_ms = earliest_retry_ms ? std::min(earliest_retry_ms, at) : at;
                ev.kind = SyncEvent::Kind::row_retry;
                ev.retry_in = delay;
                emit(ev);
                return RowOutcome::retry;
            }
            case FailureAction::dead_letter: {
                (void)outbox.mark_dead_letter(row.id, error_text(f));
                ev.kind = SyncEvent::Kind::row_dead_letter;
                if (auto c = outbox.counts()) ev.counts = *c;
                emit(ev);
                return RowOutcome::dead_letter;
            }
            case FailureAction::pause_queue:
                (void)outbox.mark_retry(row.id, now, error_text(f));
                pause_reason = f;
                return RowOutcome::pause;
            case FailureAction::abort:
                // Back to pending as it was; the next start sends it again
                // under the same key.
                (void)outbox.mark_retry(row.id, now, "");
                return RowOutcome::abort;
        }
        return RowOutcome::retry;
    }

    RowOutcome process(const OutboxRow& row) {
        OutboxStore& outbox = store.outbox();
        if (!outbox.mark_sending(row.id)) return RowOutcome::retry;  // someone else took it

        json payload = nullptr;
        if (!row.payload.empty()) {
            payload = json::parse(row.payload, nullptr, false);
            if (payload.is_discarded())
                return fail(row, local_failure({"sync.bad_payload", "", "送信データが壊れています。担当者に連絡してください。",
                                                "Outbox payload is not JSON."}));
        }

        // Files first: each becomes a completed upload whose id the record
        // references instead of the local file id.
        std::map<std::string, std::string> upload_ids;
        std::map<std::string, std::string> digests;
        for (const auto& file_id : row.file_ids) {
            auto plain = store.files().read_any_owner(file_id);
            if (!plain) return fail(row, local_failure(plain.error()));
            BufferUploadSource source(std::move(*plain));
            auto sha = sha256_hex_of(source);
            if (!sha) return fail(row, local_failure(sha.error()));
            UploadSpec spec;
            spec.idempotency_key = row.idempotency_key + ":file:" + file_id;
            spec.filename = file_id;
            spec.kind = row.entity_type;
            spec.sha256_hex = *sha;
            spec.chunk_bytes = engine.config_.upload_chunk_bytes;
            auto uploaded = upload_resumable(api, source, spec, [&](const UploadProgress& p) {
                SyncEvent ev;
                ev.kind = SyncEvent::Kind::upload_progress;
                ev.outbox_id = row.id;
                ev.operation = row.operation;
                ev.entity_client_id = row.entity_client_id;
                ev.bytes_done = p.confirmed_bytes;
                ev.bytes_total = p.total_bytes;
                emit(ev);
            });
            if (!uploaded) return fail(row, uploaded.failure());
            upload_ids[file_id] = uploaded->upload_id;
            digests[file_id] = *sha;
        }
        if (!digests.empty() && payload.is_object()) {
            // Pages carry the plaintext digest the server checks; fill it
            // when capture left it empty.
            if (auto pages = payload.find("pages"); pages != payload.end() && pages->is_array()) {
                for (auto& page : *pages) {
                    if (!page.is_object()) continue;
                    const auto fid = string_member(page, "file_id");
                    const auto sha = string_member(page, "sha256");
                    if (fid && digests.count(*fid) && (!sha || sha->empty())) page["sha256"] = digests[*fid];
                }
            }
        }
        replace_file_ids(payload, upload_ids);

        auto plan = plan_request(row.operation, row.owner_client_id, row.entity_client_id, payload);
        if (!plan) return fail(row, local_failure(plan.error()));
        std::string response;
        if (!plan->method.empty()) {
            auto reply = api.call(plan->method, plan->path, plan->body, plan->account_id, row.idempotency_key);
            if (!reply) return fail(row, reply.failure());
            // A 2xx whose body is not JSON did not come from the platform as
            // sent (a proxy or a cut mangled it): never take it as an ack.
            // Retrying under the same key replays the real answer.
            if (!reply->body.empty()) {
                if (auto parsed = parse_json_body(reply->body); !parsed) return fail(row, parsed.failure());
            }
            response = std::move(reply->body);
        }
        if (auto done = outbox.mark_done(row.id, response); !done) {
            // The server has it; the local bookkeeping failed (disk full?).
            // Retrying resends under the same key and gets the replay.
            Failure f;
            f.kind = FailureKind::transport;
            f.error = done.error();
            return fail(row, f);
        }
        SyncEvent ev;
        ev.kind = SyncEvent::Kind::row_sent;
        ev.outbox_id = row.id;
        ev.operation = row.operation;
        ev.entity_client_id = row.entity_client_id;
        emit(ev);
        return RowOutcome::done;
    }
};

SyncEngine::SyncEngine(SyncEngineConfig config, StoreOpener open_store, EventSink on_event)
    : config_(std::move(config)), open_store_(std::move(open_store)), on_event_(std::move(on_event)) {}

SyncEngine::~SyncEngine() { stop(); }

void SyncEngine::start() {
    if (thread_.joinable()) return;
    stop_.store(false);
    thread_ = std::thread([this] { run(); });
}

void SyncEngine::stop() {
    stop_.store(true);
    {
        std::lock_guard lock(mutex_);
        wake_ = true;
    }
    wake_cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void SyncEngine::notify() {
    {
        std::lock_guard lock(mutex_);
        wake_ = true;
    }
    wake_cv_.notify_all();
}

void SyncEngine::resume() {
    {
        std::lock_guard lock(mutex_);
        resume_ = true;
        wake_ = true;
    }
    wake_cv_.notify_all();
}

void SyncEngine::set_session_token(const std::string& account_id, std::string token) {
    std::lock_guard lock(mutex_);
    session_tokens_[account_id] = std::move(token);
    wake_ = true;
    wake_cv_.notify_all();
}

void SyncEngine::wait_for(std::chrono::milliseconds d, bool paused) {
    std::unique_lock lock(mutex_);
    wake_cv_.wait_for(lock, d, [&] { return stop_.load() || (paused ? resume_ : wake_); });
    wake_ = false;
    resume_ = false;
}

void SyncEngine::set_state(SyncEngineState s, Error error, Store* store) {
    const SyncEngineState before = state_.exchange(s);
    if (before == s && error.code.empty()) return;
    SyncEvent ev;
    ev.kind = SyncEvent::Kind::state_changed;
    ev.state = s;
    ev.error = std::move(error);
    if (store) {
        if (auto c = store->outbox().counts()) ev.counts = *c;
    }
    if (on_event_) on_event_(ev);
}

void SyncEngine::run() {
    auto opened = open_store_();
    while (!opened && !stop_.load()) {
        set_state(SyncEngineState::paused, opened.error(), nullptr);
        wait_for(config_.pause_retry, true);
        if (!stop_.load()) opened = open_store_();
    }
    if (stop_.load()) {
        set_state(SyncEngineState::stopped, {}, nullptr);
        return;
    }
    Store& store = **opened;
    Worker worker(*this, store);
    set_state(SyncEngineState::idle, {}, &store);

    while (!stop_.load()) {
        const std::int64_t now = system_wall_clock_ms();
        if (worker.earliest_retry_ms && worker.earliest_retry_ms <= now) worker.earliest_retry_ms = 0;
        auto rows = store.outbox().next_ready(now, config_.batch_size);
        if (!rows) {
            // Storage trouble (locked, disk): look again at the next poll.
            set_state(SyncEngineState::idle, rows.error(), &store);
            wait_for(config_.poll_interval, false);
            continue;
        }
        if (rows->empty()) {
            set_state(SyncEngineState::idle, {}, &store);
            auto wait = config_.poll_interval;
            if (worker.earliest_retry_ms)
                wait = std::min(wait, std::chrono::milliseconds(std::max<std::int64_t>(
                                          1, worker.earliest_retry_ms - system_wall_clock_ms())));
            wait_for(wait, false);
            continue;
        }
        set_state(SyncEngineState::sending, {}, nullptr);
        worker.apply_session_tokens();
        bool paused = false;
        for (const auto& row : *rows) {
            if (stop_.load()) break;
            const RowOutcome outcome = worker.process(row);
            if (outcome == RowOutcome::abort) break;
            if (outcome == RowOutcome::pause) {
                paused = true;
                break;
            }
        }
        if (paused) {
            set_state(SyncEngineState::paused, worker.pause_reason.error, &store);
            wait_for(config_.pause_retry, true);
        }
    }
    set_state(SyncEngineState::stopped, {}, &store);
}

}  // namespace madoguchi
