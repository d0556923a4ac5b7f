// A kiosk and a platform for e2e/fault tests: the real server binary on
// 127.0.0.1 with a temp data dir, an enrolled device, a real encrypted Store,
// and helpers to fill the outbox, drain it and count what the server holds.
#pragma once

#include <doctest/doctest.h>

#include <sodium.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "data/crypto/uuid.hpp"
#include "data/store/sqlite.hpp"
#include "data/store/store.hpp"
#include "net/api_client.hpp"
#include "net/idempotency_key.hpp"
#include "net/sync_engine.hpp"
#include "tests/net/server_database_query.hpp"
#include "tests/net/server_process.hpp"
#include "tests/net/temp_dir.hpp"

namespace madoguchi::test {

inline std::string sha256_hex(const std::vector<std::uint8_t>& bytes) {
    unsigned char d[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(d, bytes.data(), bytes.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, d, sizeof d);
    return hex;
}

// Deterministic pseudo-random file content (cheap to make, not compressible).
inline std::vector<std::uint8_t> make_file_bytes(std::size_t size, std::uint32_t seed) {
    std::vector<std::uint8_t> out(size);
    std::uint32_t x = seed * 2654435761u + 1;
    for (auto& b : out) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        b = static_cast<std::uint8_t>(x);
    }
    return out;
}

class KioskFixture {
public:
    // `scheme` "https" when server_args carry --cert/--key; `ca_file` then
    // verifies the server during enrollment.
    explicit KioskFixture(std::vector<std::string> server_args = {}, std::string scheme = "http",
                          std::string ca_file = "")
        : scheme_(std::move(scheme)),
          ca_file_(std::move(ca_file)),
          server_((dir_.path() / "server").string(), std::move(server_args)),
          key_(load_key((dir_.path() / "device.key").string())) {
        server_.start(0);
        enroll();
        auto s = Store::open(store_config(true), key_);
        REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message_en));
        store_ = std::move(*s);
    }

    StoreConfig store_config(bool maintenance) const {
        StoreConfig c;
        c.database_path = (dir_.path() / "kiosk.db").string();
        c.files_dir = (dir_.path() / "files").string();
        c.master_key_path = (dir_.path() / "device.key").string();
        c.startup_maintenance = maintenance;
        return c;
    }
    SyncEngine::StoreOpener store_opener() const {
        return [cfg = store_config(false), key = key_]() { return Store::open(cfg, key); };
    }

    SyncEngineConfig engine_config(const std::string& base_url = "") const {
        SyncEngineConfig c;
        c.api.base_url = base_url.empty() ? server_.base_url(scheme_) : base_url;
        c.http.ca_file = ca_file_;
        c.api.device_token = device_token_;
        c.http.connect_timeout = std::chrono::milliseconds(2000);
        c.http.low_speed_limit_bytes_per_s = 1024;
        c.http.low_speed_time = std::chrono::seconds(3);
        c.retry.base = std::chrono::milliseconds(50);
        c.retry.cap = std::chrono::milliseconds(500);
        c.retry.floor = std::chrono::milliseconds(10);
        c.retry.retry_after_cap = std::chrono::seconds(2);
        c.poll_interval = std::chrono::milliseconds(200);
        c.pause_retry = std::chrono::milliseconds(500);
        c.rng_seed = 12345;
        return c;
    }

    // Collects every event (the app would post them to its UI queue).
    SyncEngine::EventSink event_sink() {
        return [this](const SyncEvent& ev) {
            std::lock_guard lock(events_mutex_);
            events_.push_back(ev);
        };
    }
    std::vector<SyncEvent> events() {
        std::lock_guard lock(events_mutex_);
        return events_;
    }

    // Waits until nothing is pending or sending; false on timeout.
    bool wait_drained(std::chrono::seconds timeout) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline) {
            auto c = store_->outbox().counts();
            REQUIRE(c.ok());
            if (c->pending == 0 && c->sending == 0) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return false;
    }

    // Counts rows in the server's own database (read-only, beside the live server).
    std::int64_t server_count(const std::string& sql) { return server_db_count(server_.data_dir(), sql); }
    std::vector<std::string> server_strings(const std::string& sql) { return server_db_strings(server_.data_dir(), sql); }

    // Offline sign-up as the kiosk does it: account + outbox row.
    Account sign_up_offline(const std::string& username) {
        Account a;
        a.username = username;
        a.email = username + "@example.jp";
        SignUpRequest r;
        r.username = a.username;
        r.email = a.email;
        r.password = "kiosk-Passw0rd";
        r.password_confirm = r.password;
        r.consented_purpose_of_use = true;
        auto saved = store_->accounts().create(a, r);
        REQUIRE_MESSAGE(saved.ok(), (saved.ok() ? "" : saved.error().message_en));
        return *saved;
    }

    std::string put_file(const std::string& owner, const std::vector<std::uint8_t>& bytes) {
        auto id = store_->files().put(owner, bytes);
        REQUIRE_MESSAGE(id.ok(), (id.ok() ? "" : id.error().message_en));
        return *id;
    }

    Store& store() { return *store_; }
    ServerProcess& server() { return server_; }
    TempDir& dir() { return dir_; }
    const std::string& device_token() const { return device_token_; }

private:
    // A key file (not an ephemeral key) so a helper process can open the same store.
    static std::shared_ptr<const MasterKey> load_key(const std::string& path) {
        auto k = MasterKey::load_or_create(path);
        REQUIRE(k.ok());
        return std::make_shared<const MasterKey>(std::move(*k));
    }

    void enroll() {
        HttpClientConfig hc;
        hc.ca_file = ca_file_;
        HttpClient http(hc);
        ApiClient api(http, ApiClientConfig{server_.base_url(scheme_), "", ""});
        auto creds = api.enroll_device("kiosk-test", "madoguchi-dev", make_idempotency_key());
        REQUIRE_MESSAGE(creds.ok(), (creds.ok() ? "" : creds.error().message_en));
        device_token_ = creds->device_token;
    }

    TempDir dir_;
    std::string scheme_;
    std::string ca_file_;
    ServerProcess server_;
    std::shared_ptr<const MasterKey> key_;
    std::string device_token_;
    std::unique_ptr<Store> store_;
    std::mutex events_mutex_;
    std::vector<SyncEvent> events_;
};

}  // namespace madoguchi::test
