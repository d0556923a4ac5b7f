// The kiosk's back end as app/main.cpp opens it (KioskBackend: store, sync
// engine, services, device enrolment) against the real server binary on
// 127.0.0.1, with a UI queue the test pumps, and reads of the server side.
#pragma once

#include <doctest/doctest.h>

#include <chrono>
#include <deque>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "data/store/sqlite.hpp"
#include "net/api_client.hpp"
#include "net/http_client.hpp"
#include "services/kiosk_backend.hpp"
#include "tests/net/server_database_query.hpp"
#include "tests/net/server_process.hpp"
#include "tests/net/temp_dir.hpp"

namespace madoguchi::testing {

// What App::run_queue() is in the kiosk: tasks posted by workers, run on
// the test's thread by pump().
class PostedTasks {
public:
    KioskBackend::PostToUi poster() {
        return [this](std::function<void()> task) {
            std::lock_guard<std::mutex> lock(mutex_);
            tasks_.push_back(std::move(task));
        };
    }
    int pump() {
        std::deque<std::function<void()>> now;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            now.swap(tasks_);
        }
        for (auto& t : now) t();
        return static_cast<int>(now.size());
    }

private:
    std::mutex mutex_;
    std::deque<std::function<void()>> tasks_;
};

// Polls `done` (pumping posted tasks) until true or `timeout`.
template <typename Pred>
bool wait_until(PostedTasks& tasks, Pred done, std::chrono::seconds timeout = std::chrono::seconds(60)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        tasks.pump();
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    tasks.pump();
    return done();
}

inline KioskBackendConfig backend_config(const std::string& data_dir, const std::string& server_url,
                                         const std::string& enrollment_code = "madoguchi-dev") {
    KioskBackendConfig c;
    c.data_dir = data_dir;
    c.server_url = server_url;
    c.start_sync = true;
    c.kiosk_id = "kiosk-e2e-01";
    c.enrollment_code = enrollment_code;
#ifdef MADOGUCHI_DATASET_DIR
    c.dataset_dir = MADOGUCHI_DATASET_DIR;
#endif
    return c;
}

inline std::unique_ptr<KioskBackend> open_backend(const KioskBackendConfig& c, PostedTasks& tasks) {
    auto b = KioskBackend::open(c, tasks.poster());
    REQUIRE_MESSAGE(b.ok(), (b.ok() ? "" : b.error().message_en));
    return std::move(*b);
}

inline std::string read_file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// One value from the server's own database (read-only, beside the live server).
inline std::int64_t server_count(const test::ServerProcess& server, const std::string& sql) {
    return test::server_db_count(server.data_dir(), sql);
}

// A client of the platform API acting as the enrolled kiosk (for GETs the
// test compares with what was typed).
struct PlatformReader {
    PlatformReader(const std::string& base_url, const std::string& device_token)
        : http(HttpClientConfig{}), api(http, ApiClientConfig{base_url, device_token, ""}) {}
    HttpClient http;
    ApiClient api;
};

}  // namespace madoguchi::testing
