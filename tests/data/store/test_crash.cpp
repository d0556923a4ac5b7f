// Crash campaign: a writer process is killed with SIGKILL at random moments;
// after every kill the store opens, passes integrity_check, holds every
// record the writer reported as committed (with its outbox row and intact
// file), and has no partial record, no orphan file, no row left `sending`.
// MADOGUCHI_FAULT_ITERATIONS sets the number of kills (default 200).
#include <doctest/doctest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "tests/data/store/temp_store.hpp"

using namespace madoguchi;
using madoguchi::testing::TempDir;

namespace {

int iterations() {
    const char* env = std::getenv("MADOGUCHI_FAULT_ITERATIONS");
    const int n = env ? std::atoi(env) : 0;
    return n > 0 ? n : 200;
}

struct Reported {
    std::map<std::string, std::pair<std::string, int>> profiles;  // owner -> (client_id, highest seq)
    std::map<std::string, std::string> skills;                     // client_id -> owner
    struct Doc {
        std::string owner, file_id;
        std::size_t size = 0;
        std::uint64_t sum = 0;
    };
    std::map<std::string, Doc> docs;  // client_id -> doc
    std::set<std::string> acked_docs;
    int lines = 0;

    void add(const std::string& line) {
        std::istringstream in(line);
        std::string kind, owner, id;
        in >> kind >> owner >> id;
        ++lines;
        if (kind == "P") {
            int seq = 0;
            in >> seq;
            auto& p = profiles[owner];
            p.first = id;
            p.second = std::max(p.second, seq);
        } else if (kind == "S") {
            skills[id] = owner;
        } else if (kind == "D") {
            Doc d;
            d.owner = owner;
            in >> d.file_id >> d.size >> d.sum;
            docs[id] = d;
        } else if (kind == "A") {
            acked_docs.insert(id);
        } else {
            FAIL("unexpected report line: " << line);
        }
    }
};

// Runs the writer for `delay_ms`, collecting its reports, then kills it.
void run_and_kill(const std::string& dir, std::uint64_t seed, int delay_ms, Reported& out) {
    int fds[2];
    REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
    const std::string seed_text = std::to_string(seed);
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::dup2(fds[1], 3);  // dup2 clears O_CLOEXEC on fd 3
        int devnull = ::open("/dev/null", O_WRONLY);
        if (devnull >= 0) ::dup2(devnull, 1);
        ::execl(MADOGUCHI_CRASH_WRITER, MADOGUCHI_CRASH_WRITER, dir.c_str(), seed_text.c_str(),
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(fds[1]);
    std::string buffer;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(delay_ms);
    char chunk[4096];
    bool eof = false;
    while (!eof) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline -
                                                                                 std::chrono::steady_clock::now());
        if (left.count() <= 0) break;
        pollfd p{fds[0], POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left.count())) > 0) {
            ssize_t n = ::read(fds[0], chunk, sizeof chunk);
            if (n <= 0) eof = true;
            else buffer.append(chunk, static_cast<std::size_t>(n));
        }
    }
    ::kill(pid, SIGKILL);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    // A writer that exited by itself failed (its stderr says why).
    CHECK_MESSAGE((WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL), "writer exited early, status " << status);
    for (;;) {  // whatever it wrote before dying
        ssize_t n = ::read(fds[0], chunk, sizeof chunk);
        if (n <= 0) break;
        buffer.append(chunk, static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
    std::size_t start = 0;
    for (std::size_t nl; (nl = buffer.find('\n', start)) != std::string::npos; start = nl + 1)
        out.add(buffer.substr(start, nl - start));  // a torn last line (no '\n') is ignored
}

std::int64_t scalar(Database& db, const std::string& sql) {
    auto st = db.prepare(sql);
    REQUIRE(st.ok());
    auto row = st->step();
    REQUIRE(row.ok());
    REQUIRE(*row);
    return st->column_int64(0);
}

bool has_outbox_row(Database& db, const std::string& entity_id, const char* operation) {
    auto st = db.prepare("SELECT COUNT(*) FROM outbox WHERE entity_client_id = ? AND operation = ?");
    REQUIRE(st.ok());
    st->bind(1, entity_id).bind(2, operation);
    REQUIRE(*st->step());
    return st->column_int64(0) > 0;
}

void verify(const std::string& dir, const Reported& rep) {
    StoreConfig cfg;
    cfg.database_path = dir + "/store.db";
    cfg.files_dir = dir + "/files";
    cfg.master_key_path = dir + "/device.key";
    auto opened = Store::open(cfg);
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().message_en));
    Store& s = **opened;
    REQUIRE(*s.db().integrity_check() == "ok");
    CHECK(scalar(s.db(), "SELECT COUNT(*) FROM outbox WHERE state = 'sending'") == 0);
    // No partial record: every record has its outbox row and vice versa.
    CHECK(scalar(s.db(), "SELECT COUNT(*) FROM records r WHERE NOT EXISTS (SELECT 1 FROM outbox o"
                         " WHERE o.entity_client_id = r.client_id)") == 0);
    CHECK(scalar(s.db(), "SELECT COUNT(*) FROM outbox o WHERE NOT EXISTS (SELECT 1 FROM records r"
                         " WHERE r.client_id = o.entity_client_id)") == 0);
    // No orphan: every key row is attached to a record; every file on disk has a key.
    CHECK(scalar(s.db(), "SELECT COUNT(*) FROM file_keys WHERE record_client_id IS NULL") == 0);
    std::int64_t on_disk = 0;
    for (const auto& e : std::filesystem::directory_iterator(cfg.files_dir)) {
        const auto name = e.path().filename().string();
        INFO("file " << name);
        REQUIRE(name.size() == 40);
        CHECK(s.files().has_key(name.substr(0, 36)));
        ++on_disk;
    }
    CHECK(on_disk == scalar(s.db(), "SELECT COUNT(*) FROM file_keys"));

    // An owner whose every row was acknowledged is purged at start (its
    // session ended with the process): then nothing of it may remain.
    std::set<std::string> purged;
    auto owner_gone = [&](const std::string& owner) {
        if (purged.count(owner)) return true;
        auto st = s.db().prepare("SELECT COUNT(*) FROM owners WHERE client_id = ?");
        st->bind(1, owner);
        REQUIRE(*st->step());
        if (st->column_int64(0) != 0) return false;
        for (const char* table : {"records", "outbox", "file_keys"}) {
            auto left = s.db().prepare(std::string("SELECT COUNT(*) FROM ") + table + " WHERE owner_client_id = ?");
            left->bind(1, owner);
            REQUIRE(*left->step());
            CHECK_MESSAGE(left->column_int64(0) == 0, "purged owner still has rows in " << table);
        }
        purged.insert(owner);
        return true;
    };
    for (const auto& [owner, p] : rep.profiles) {
        REQUIRE_FALSE(owner_gone(owner));  // profiles are never acknowledged here
        auto got = s.profiles().get(owner);
        REQUIRE(got.ok());
        REQUIRE(got->has_value());
        CHECK((*got)->meta.client_id == p.first);
        // The stored version is the last reported one or a later (committed
        // but unreported) one, never an older one.
        CHECK(std::stoi((*got)->nickname.substr(1)) >= p.second);
        CHECK(has_outbox_row(s.db(), p.first, "profile.put"));
    }
    for (const auto& [id, owner] : rep.skills) {
        REQUIRE_FALSE(owner_gone(owner));  // skills are never acknowledged here
        auto got = s.skills().get(owner, id);
        REQUIRE(got.ok());
        CHECK(got->has_value());
        CHECK(has_outbox_row(s.db(), id, "skill.create"));
    }
    for (const auto& [id, d] : rep.docs) {
        // Acknowledged (reported, or committed just before the kill with the
        // report lost): the scan was destroyed, key and bytes.
        auto done = s.db().prepare("SELECT COUNT(*) FROM outbox WHERE entity_client_id = ? AND state = 'done'");
        done->bind(1, id);
        REQUIRE(*done->step());
        const bool acked_in_store = done->column_int64(0) > 0;
        if (rep.acked_docs.count(id)) CHECK((acked_in_store || owner_gone(d.owner)));
        if (rep.acked_docs.count(id) || acked_in_store) {
            CHECK_FALSE(s.files().has_key(d.file_id));
            CHECK_FALSE(s.files().file_exists(d.file_id));
            continue;
        }
        if (owner_gone(d.owner)) {
            CHECK_FALSE(s.files().file_exists(d.file_id));
            continue;
        }
        auto got = s.identity_documents().get(d.owner, id);
        REQUIRE(got.ok());
        REQUIRE(got->has_value());
        CHECK(has_outbox_row(s.db(), id, "identity_document.upload"));
        auto bytes = s.files().read(d.file_id, d.owner);
        REQUIRE_MESSAGE(bytes.ok(), (bytes.ok() ? "" : bytes.error().message_en));
        std::uint64_t sum = 0;
        for (auto b : *bytes) sum += b;
        CHECK(bytes->size() == d.size);
        CHECK(sum == d.sum);
    }
}

}  // namespace

TEST_CASE("kill -9 during writes loses nothing committed and leaves nothing half-written") {
    TempDir dir;
    const std::string path = dir.path().string();
    Reported rep;
    std::mt19937_64 rng(20261126);
    const int n = iterations();
    const auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < n; ++i) {
        // Short delays kill the writer while it opens the store (migrations,
        // recovery, sweep); longer ones mid-commit and mid-file-write.
        const int delay = static_cast<int>(5 + rng() % 300);
        run_and_kill(path, rng(), delay, rep);
        verify(path, rep);
    }
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    MESSAGE(n << " kills in " << secs << " s; committed records reported: " << rep.lines << " (profiles "
              << rep.profiles.size() << " owners, skills " << rep.skills.size() << ", scans " << rep.docs.size()
              << ", scan uploads acknowledged " << rep.acked_docs.size() << ")");
    CHECK(rep.lines > 0);
    CHECK(rep.docs.size() > 0);
    CHECK(rep.acked_docs.size() > 0);
}
