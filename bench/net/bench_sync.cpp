// bench_sync: prints the outbox drain rate (10,000 small records over
// loopback, records/s), the drain of 50 MiB of ID scans through the sync
// engine (MiB/s), the upload throughput of a 50 MiB file (MiB/s) through the
// resumable uploader beside the curl CLI uploading the same file to the same
// server (tus POST + one PATCH) in the same run, and the peak RSS of the
// kiosk side (this process) and of the server.
//   bench_sync [RECORDS] [FILE_MiB] [SCAN_MiB]   (the reference server binary
//   must sit beside this program: build/bin/madoguchi-server)
#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "data/crypto/uuid.hpp"
#include "data/store/store.hpp"
#include "net/api_client.hpp"
#include "net/idempotency_key.hpp"
#include "net/resumable_upload.hpp"
#include "net/sync_engine.hpp"
#include "net/upload_source.hpp"

using namespace madoguchi;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// The reference server as a child process; port from its first stdout line.
struct Server {
    pid_t pid = -1;
    int port = 0;
    Server(const std::string& exe, const std::string& data) {
        int out[2];
        if (pipe(out) != 0) std::exit(1);
        pid = fork();
        if (pid == 0) {
            dup2(out[1], STDOUT_FILENO);
            execl(exe.c_str(), exe.c_str(), "--listen", "127.0.0.1:0", "--data", data.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        close(out[1]);
        std::string line;
        char c;
        while (read(out[0], &c, 1) == 1 && c != '\n') line += c;
        const auto colon = line.rfind(':');
        if (colon == std::string::npos) {
            std::fprintf(stderr, "server did not start: %s\n", line.c_str());
            std::exit(1);
        }
        port = std::atoi(line.c_str() + colon + 1);
        // Keep its stdout drained.
        std::thread([fd = out[0]] {
            char b[4096];
            while (read(fd, b, sizeof b) > 0) {
            }
            close(fd);
        }).detach();
    }
    ~Server() {
        kill(pid, SIGTERM);
        waitpid(pid, nullptr, 0);
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port); }
};

std::string run_capture(const std::string& cmd) {
    std::string out;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return out;
    char buf[512];
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    pclose(p);
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    const int records = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int file_mib = argc > 2 ? std::atoi(argv[2]) : 50;
    const int scan_mib = argc > 3 ? std::atoi(argv[3]) : 50;
    const fs::path bin = fs::canonical("/proc/self/exe").parent_path();
    const fs::path tmp = fs::temp_directory_path() / ("madoguchi-bench-net-" + make_uuid_v4());
    fs::create_directories(tmp);
    {
        Server server((bin / "madoguchi-server").string(), (tmp / "server").string());

        HttpClient http(HttpClientConfig{});
        ApiClient api(http, ApiClientConfig{server.url(), "", ""});
        auto creds = api.enroll_device("bench", "madoguchi-dev", make_idempotency_key());
        if (!creds) {
            std::fprintf(stderr, "enroll: %s\n", creds.error().message_en.c_str());
            return 1;
        }
        api.set_device_token(creds->device_token);

        // --- outbox drain rate -------------------------------------------
        StoreConfig sc;
        sc.database_path = (tmp / "kiosk.db").string();
        sc.files_dir = (tmp / "files").string();
        sc.master_key_path = (tmp / "device.key").string();
        auto store = Store::open(sc);
        if (!store) return 1;
        {
            auto tx = Transaction::begin((*store)->db());
            std::vector<std::string> owners;
            for (int a = 0; a < 10; ++a) {
                Account acc;
                acc.username = "bench_user" + std::to_string(a);
                acc.email = acc.username + "@example.jp";
                SignUpRequest r{acc.username, acc.email, "bench-Passw0rd", "bench-Passw0rd", true};
                owners.push_back((*store)->accounts().create(acc, r)->meta.client_id);
                // In session, so acknowledged owners are not purged before the scans.
                (void)(*store)->begin_session(owners.back());
            }
            for (int i = 0; i < records; ++i) {
                Skill sk;
                sk.name = "skill " + std::to_string(i);
                sk.level = 1 + i % 5;
                (void)(*store)->skills().save(owners[static_cast<std::size_t>(i % 10)], sk);
            }
            if (!tx || !tx->commit()) return 1;
        }
        SyncEngineConfig ec;
        ec.api = {server.url(), creds->device_token, ""};
        StoreConfig worker_cfg = sc;
        worker_cfg.startup_maintenance = false;
        SyncEngine engine(ec, [worker_cfg] { return Store::open(worker_cfg); }, {});
        const auto total_rows = (*store)->outbox().counts()->pending;
        const auto t0 = Clock::now();
        engine.start();
        engine.notify();
        for (;;) {
            auto c = (*store)->outbox().counts();
            if (c && c->pending == 0 && c->sending == 0) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        const double drain_s = seconds_since(t0);
        std::printf("outbox drain: %lld rows (%d small records + 10 accounts) in %.2f s = %.0f records/s\n",
                    static_cast<long long>(total_rows), records, drain_s, static_cast<double>(total_rows) / drain_s);

        // --- ID scans through the engine: two 1 MiB pages per document ----
        {
            const int docs = std::max(1, scan_mib / 2);
            std::vector<std::uint8_t> page(1u << 20);
            std::uint32_t x = 777;
            auto tx = Transaction::begin((*store)->db());
            auto owner_rows = (*store)->db().prepare("SELECT client_id FROM owners ORDER BY client_id LIMIT 10");
            std::vector<std::string> owners;
            while (owner_rows && *owner_rows->step()) owners.push_back(owner_rows->column_text(0));
            if (owners.empty()) return 1;
            for (int d = 0; d < docs; ++d) {
                IdentityDocument doc;
                doc.user_client_id = owners[static_cast<std::size_t>(d) % owners.size()];
                doc.type = DocumentType::drivers_license;
                doc.captured_by_staff = "bench-staff";
                for (const char* side : {"front", "back"}) {
                    for (auto& b : page) {
                        x = x * 1664525u + 1013904223u;
                        b = static_cast<std::uint8_t>(x >> 24);
                    }
                    auto fid = (*store)->files().put(doc.user_client_id, page);
                    if (!fid) return 1;
                    doc.pages.push_back({side, *fid, ""});
                }
                if (!(*store)->identity_documents().save(doc)) return 1;
            }
            if (!tx || !tx->commit()) return 1;
            const auto s0 = Clock::now();
            engine.notify();
            for (;;) {
                auto c = (*store)->outbox().counts();
                if (c && c->pending == 0 && c->sending == 0) break;
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
            const double scan_s = seconds_since(s0);
            const double scan_total = 2.0 * docs;
            if (auto c = (*store)->outbox().counts(); !c || c->dead_letter != 0) {
                std::fprintf(stderr, "scan drain: rows were refused (dead letters); figures void\n");
                return 1;
            }
            std::printf("scan drain: %d documents, %.0f MiB of scans in %.2f s = %.1f MiB/s (%.1f documents/s)\n", docs,
                        scan_total, scan_s, scan_total / scan_s, docs / scan_s);
        }
        engine.stop();

        // --- 50 MiB upload: resumable uploader vs curl CLI ---------------
        const fs::path file = tmp / "big.bin";
        {
            std::ofstream f(file, std::ios::binary);
            std::vector<char> block(1 << 20);
            std::uint32_t x = 12345;
            for (int m = 0; m < file_mib; ++m) {
                for (auto& b : block) {
                    x = x * 1664525u + 1013904223u;
                    b = static_cast<char>(x >> 24);
                }
                f.write(block.data(), static_cast<std::streamsize>(block.size()));
            }
        }
        auto source = PlainFileUploadSource::open(file.string());
        if (!source) return 1;
        auto sha = sha256_hex_of(**source);
        const double mib = static_cast<double>(file_mib);
        for (std::size_t chunk : {std::size_t(1) << 20, std::size_t(4) << 20}) {
            UploadSpec spec{make_idempotency_key(), "big.bin", "attachment", *sha, chunk};
            const auto u0 = Clock::now();
            auto up = upload_resumable(api, **source, spec);
            const double s = seconds_since(u0);
            if (!up) {
                std::fprintf(stderr, "upload: %s\n", up.error().message_en.c_str());
                return 1;
            }
            std::printf("madoguchi upload (%zu MiB chunks): %d MiB in %.2f s = %.1f MiB/s\n", chunk >> 20, file_mib, s,
                        mib / s);
        }
        // curl CLI: create, then one PATCH of the whole file.
        const std::string auth = " -H 'X-Device-Token: " + creds->device_token + "'";
        const std::string meta = tus_metadata("big.bin", *sha, "attachment");
        const auto c0 = Clock::now();
        const std::string head = run_capture(
            "curl -s -D - -o /dev/null -X POST --data-binary ''" + auth +
            " -H 'Content-Type: application/offset+octet-stream' -H 'Tus-Resumable: 1.0.0' -H 'Upload-Length: " +
            std::to_string(fs::file_size(file)) + "' -H 'Upload-Metadata: " + meta + "' " + server.url() + "/v1/uploads");
        std::string location;
        for (std::size_t pos = 0; pos < head.size();) {
            auto end = head.find('\n', pos);
            std::string line = head.substr(pos, end - pos);
            if (line.size() > 9 && (line.rfind("Location:", 0) == 0 || line.rfind("location:", 0) == 0))
                location = upload_id_from_location(line);
            if (end == std::string::npos) break;
            pos = end + 1;
        }
        const std::string status = run_capture(
            "curl -s -o /dev/null -w '%{http_code}' -X PATCH" + auth +
            " -H 'Tus-Resumable: 1.0.0' -H 'Content-Type: application/offset+octet-stream' -H 'Upload-Offset: 0' "
            "-H 'Expect:' --data-binary @" + file.string() + " " + server.url() + "/v1/uploads/" + location);
        const double curl_s = seconds_since(c0);
        std::printf("curl CLI upload (1 PATCH): %d MiB in %.2f s = %.1f MiB/s (HTTP %s)\n", file_mib, curl_s,
                    mib / curl_s, status.c_str());
        // The same file once more through our uploader in one chunk-equivalent
        // for the ratio (4 MiB chunks are what the kiosk uses).
        UploadSpec spec{make_idempotency_key(), "big.bin", "attachment", *sha, std::size_t(4) << 20};
        const auto r0 = Clock::now();
        auto up = upload_resumable(api, **source, spec);
        const double ours = seconds_since(r0);
        if (up)
            std::printf("ratio madoguchi(4 MiB chunks)/curl throughput: %.2f\n", (mib / ours) / (mib / curl_s));
    }
    rusage self{}, children{};
    getrusage(RUSAGE_SELF, &self);
    getrusage(RUSAGE_CHILDREN, &children);  // the server (and curl), waited for above
    std::printf("peak RSS: kiosk side (this process) %.1f MiB, server %.1f MiB\n", self.ru_maxrss / 1024.0,
                children.ru_maxrss / 1024.0);
    fs::remove_all(tmp);
    return 0;
}
