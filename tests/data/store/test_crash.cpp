// Crash campaign: a writer process is killed with SIGKILL at random moments.
// After every kill the store opens, passes quick_check, holds every record
// the writer ever reported as committed (with its outbox row and its file,
// or with both erased once acknowledged), and has no partial record, no
// orphan file, no row left `sending` -- checked for the whole store from a
// few bulk reads. Decrypting contents (profile version, scan bytes) is done
// for what the killed run reported, and for everything once at the end,
// after a full integrity_check: records are never rewritten by a later run,
// so what was deep-checked stays checked by the bulk presence checks.
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

    // Each run writes for a new owner, so only acknowledgements refer to
    // records of earlier runs.
    void merge(const Reported& run) {
        for (const auto& [owner, p] : run.profiles) profiles[owner] = p;
        skills.insert(run.skills.begin(), run.skills.end());
        docs.insert(run.docs.begin(), run.docs.end());
        acked_docs.insert(run.acked_docs.begin(), run.acked_docs.end());
        lines += run.lines;
    }

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

// Runs `sql` and hands every row to `each`.
template <typename F>
void for_each_row(Database& db, const std::string& sql, F each) {
    auto st = db.prepare(sql);
    REQUIRE_MESSAGE(st.ok(), sql);
    for (;;) {
        auto row = st->step();
        REQUIRE(row.ok());
        if (!*row) break;
        each(*st);
    }
}

// The store's bookkeeping tables read in one pass each, so the per-kill check
// of every reported record costs set look-ups, not a query per record (the
// outbox has no index on entity_client_id alone: per-record queries made
// each check a table scan and the campaign cubic).
struct StoreIndex {
    std::set<std::string> owners;
    std::set<std::string> record_ids;
    std::set<std::string> outbox_entities;
    std::set<std::pair<std::string, std::string>> outbox_ops;   // (entity, operation)
    std::set<std::string> done_entities;                        // entity with a `done` row
    std::set<std::string> record_owners, outbox_owners, key_owners;
    std::set<std::string> keyed_files;                           // file_keys.file_id
    std::set<std::string> files_on_disk;                         // file ids in files_dir

    StoreIndex(Store& s, const std::string& files_dir) {
        for_each_row(s.db(), "SELECT client_id FROM owners", [&](Statement& r) { owners.insert(r.column_text(0)); });
        for_each_row(s.db(), "SELECT client_id, owner_client_id FROM records", [&](Statement& r) {
            record_ids.insert(r.column_text(0));
            record_owners.insert(r.column_text(1));
        });
        for_each_row(s.db(), "SELECT entity_client_id, operation, state, owner_client_id FROM outbox",
                     [&](Statement& r) {
                         const auto entity = r.column_text(0);
                         outbox_entities.insert(entity);
                         outbox_ops.emplace(entity, r.column_text(1));
                         if (r.column_text(2) == "done") done_entities.insert(entity);
                         outbox_owners.insert(r.column_text(3));
                     });
        for_each_row(s.db(), "SELECT file_id, owner_client_id FROM file_keys", [&](Statement& r) {
            keyed_files.insert(r.column_text(0));
            key_owners.insert(r.column_text(1));
        });
        for (const auto& e : std::filesystem::directory_iterator(files_dir)) {
            const auto name = e.path().filename().string();
            INFO("file " << name);
            REQUIRE(name.size() == 40);
            files_on_disk.insert(name.substr(0, 36));
        }
    }
    bool has_op(const std::string& entity, const char* operation) const {
        return outbox_ops.count({entity, operation}) > 0;
    }
    // An owner whose every row was acknowledged is purged at start (its
    // session ended with the process): then nothing of it may remain.
    bool owner_gone(const std::string& owner) const {
        if (owners.count(owner)) return false;
        CHECK_MESSAGE(record_owners.count(owner) == 0, "purged owner " << owner << " still has records");
        CHECK_MESSAGE(outbox_owners.count(owner) == 0, "purged owner " << owner << " still has outbox rows");
        CHECK_MESSAGE(key_owners.count(owner) == 0, "purged owner " << owner << " still has file keys");
        return true;
    }
};

enum class Depth {
    reported_by_last_run,  // bulk checks for all, contents for `deep` only
    everything,            // full integrity_check and contents of every record
};

// `all` is every report so far; contents are decrypted for `deep` (the
// killed run's reports, or `all` at the end).
void verify(const std::string& dir, const Reported& all, const Reported& deep, Depth depth) {
    StoreConfig cfg;
    cfg.database_path = dir + "/store.db";
    cfg.files_dir = dir + "/files";
    cfg.master_key_path = dir + "/device.key";
    auto opened = Store::open(cfg);
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().message_en));
    Store& s = **opened;
    if (depth == Depth::everything) {
        REQUIRE(*s.db().integrity_check() == "ok");
    } else {
        REQUIRE(scalar(s.db(), "SELECT COUNT(*) FROM pragma_quick_check WHERE quick_check <> 'ok'") == 0);
    }
    CHECK(scalar(s.db(), "SELECT COUNT(*) FROM outbox WHERE state = 'sending'") == 0);
    // No orphan key: every key row is attached to a record.
    CHECK(scalar(s.db(), "SELECT COUNT(*) FROM file_keys WHERE record_client_id IS NULL") == 0);
    const StoreIndex ix(s, cfg.files_dir);
    // No partial record: every record has its outbox row and vice versa.
    for (const auto& id : ix.record_ids) CHECK_MESSAGE(ix.outbox_entities.count(id), "record without outbox row " << id);
    for (const auto& id : ix.outbox_entities) CHECK_MESSAGE(ix.record_ids.count(id), "outbox row without record " << id);
    // No orphan file: every file on disk has a key, every key its file.
    CHECK(ix.files_on_disk == ix.keyed_files);

    // Bulk presence checks of everything ever reported.
    for (const auto& [owner, p] : all.profiles) {
        REQUIRE_FALSE(ix.owner_gone(owner));  // profiles are never acknowledged here
        CHECK(ix.record_ids.count(p.first));
        CHECK(ix.has_op(p.first, "profile.put"));
    }
    for (const auto& [id, owner] : all.skills) {
        REQUIRE_FALSE(ix.owner_gone(owner));  // skills are never acknowledged here
        CHECK(ix.record_ids.count(id));
        CHECK(ix.has_op(id, "skill.create"));
    }
    for (const auto& [id, d] : all.docs) {
        // Acknowledged (reported, or committed just before the kill with the
        // report lost): the scan was destroyed, key and bytes.
        const bool acked_in_store = ix.done_entities.count(id) > 0;
        if (all.acked_docs.count(id)) CHECK((acked_in_store || ix.owner_gone(d.owner)));
        if (all.acked_docs.count(id) || acked_in_store || ix.owner_gone(d.owner)) {
            CHECK_FALSE(ix.keyed_files.count(d.file_id));
            CHECK_FALSE(ix.files_on_disk.count(d.file_id));
            continue;
        }
        CHECK(ix.record_ids.count(id));
        CHECK(ix.has_op(id, "identity_document.upload"));
        CHECK(ix.keyed_files.count(d.file_id));
        CHECK(ix.files_on_disk.count(d.file_id));
    }

    // Contents.
    for (const auto& [owner, p] : deep.profiles) {
        auto got = s.profiles().get(owner);
        REQUIRE(got.ok());
        REQUIRE(got->has_value());
        CHECK((*got)->meta.client_id == p.first);
        // The stored version is the last reported one or a later (committed
        // but unreported) one, never an older one.
        CHECK(std::stoi((*got)->nickname.substr(1)) >= p.second);
    }
    for (const auto& [id, owner] : deep.skills) {
        auto got = s.skills().get(owner, id);
        REQUIRE(got.ok());
        CHECK(got->has_value());
    }
    for (const auto& [id, d] : deep.docs) {
        if (all.acked_docs.count(id) || ix.done_entities.count(id) || !ix.owners.count(d.owner)) continue;
        auto got = s.identity_documents().get(d.owner, id);
        REQUIRE(got.ok());
        REQUIRE(got->has_value());
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
        Reported fresh;
        run_and_kill(path, rng(), delay, fresh);
        rep.merge(fresh);
        verify(path, rep, fresh, Depth::reported_by_last_run);
    }
    verify(path, rep, rep, Depth::everything);
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    MESSAGE(n << " kills in " << secs << " s; committed records reported: " << rep.lines << " (profiles "
              << rep.profiles.size() << " owners, skills " << rep.skills.size() << ", scans " << rep.docs.size()
              << ", scan uploads acknowledged " << rep.acked_docs.size() << ")");
    CHECK(rep.lines > 0);
    CHECK(rep.docs.size() > 0);
    CHECK(rep.acked_docs.size() > 0);
}
