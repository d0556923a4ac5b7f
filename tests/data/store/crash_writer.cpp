// Helper for the crash test: writes profiles, skills and ID scans in a loop
// and reports each committed record on fd 3, until it is killed (SIGKILL).
// Usage: store_crash_writer <store dir> <seed>
// Report lines (written only after the commit returned):
//   P <owner> <profile client_id> <seq>     profile saved with nickname "n<seq>"
//   S <owner> <skill client_id>
//   D <owner> <document client_id> <file_id> <size> <byte sum>
//   A <owner> <document client_id>          its upload was acknowledged (scan erased)
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "data/crypto/uuid.hpp"
#include "data/store/store.hpp"

using namespace madoguchi;

namespace {

void report(const std::string& line) {
    const std::string l = line + "\n";
    // One short write() per line: atomic on a pipe (< PIPE_BUF).
    if (::write(3, l.data(), l.size()) != static_cast<ssize_t>(l.size())) std::_Exit(3);
}

[[noreturn]] void die(const Error& e) {
    std::fprintf(stderr, "crash_writer: %s: %s\n", e.code.c_str(), e.message_en.c_str());
    std::_Exit(2);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) return 64;
    const std::string dir = argv[1];
    std::mt19937_64 rng(std::strtoull(argv[2], nullptr, 10));
    StoreConfig cfg;
    cfg.database_path = dir + "/store.db";
    cfg.files_dir = dir + "/files";
    cfg.master_key_path = dir + "/device.key";
    auto opened = Store::open(cfg);
    if (!opened) die(opened.error());
    Store& store = **opened;

    const std::string owner = make_uuid_v4();
    if (auto s = store.begin_session(owner); !s) die(s.error());
    for (int seq = 0; seq < 100000; ++seq) {
        switch (rng() % 4) {
            case 0: {
                Profile p;
                p.nickname = "n" + std::to_string(seq);
                p.family_name = "山田";
                p.self_introduction = std::string(rng() % 3000, 'x');
                auto saved = store.profiles().save(owner, p);
                if (!saved) die(saved.error());
                report("P " + owner + " " + saved->meta.client_id + " " + std::to_string(seq));
                break;
            }
            case 1: {
                Skill sk;
                sk.name = "skill " + std::to_string(seq);
                auto saved = store.skills().save(owner, sk);
                if (!saved) die(saved.error());
                report("S " + owner + " " + saved->meta.client_id);
                break;
            }
            case 2: {
                std::vector<std::uint8_t> image(1000 + rng() % 150'000);
                std::uint64_t sum = 0;
                for (auto& b : image) {
                    b = static_cast<std::uint8_t>(rng());
                    sum += b;
                }
                auto file = store.files().put(owner, image);
                if (!file) die(file.error());
                IdentityDocument doc;
                doc.user_client_id = owner;
                doc.pages = {{"front", *file, ""}};
                auto saved = store.identity_documents().save(doc);
                if (!saved) die(saved.error());
                report("D " + owner + " " + saved->meta.client_id + " " + *file + " " + std::to_string(image.size()) +
                       " " + std::to_string(sum));
                break;
            }
            default: {
                // Play the sender: scan uploads are acknowledged (so kills also
                // hit mark_done's crypto-erase and purge), other rows are left
                // in `sending` (so kills leave rows for crash recovery).
                auto ready = store.outbox().next_ready(system_wall_clock_ms(), 4);
                if (!ready) die(ready.error());
                bool left_one_sending = false;
                for (const auto& row : *ready) {
                    const bool scan = row.operation == "identity_document.upload";
                    if (!scan && left_one_sending) continue;
                    if (auto s = store.outbox().mark_sending(row.id); !s) die(s.error());
                    if (scan) {
                        if (auto s = store.outbox().mark_done(row.id, "{}"); !s) die(s.error());
                        report("A " + row.owner_client_id + " " + row.entity_client_id);
                    } else {
                        left_one_sending = true;
                    }
                }
                break;
            }
        }
    }
    return 0;
}
