// The workload fault tests queue: accounts with many small records and
// career attachments of several MiB; and the exact server-side check that
// afterwards nothing is missing, nothing is duplicated and every file's
// SHA-256 matches.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "tests/net/fuzz_iterations.hpp"
#include "tests/net/kiosk_fixture.hpp"

namespace madoguchi::test {

struct Workload {
    std::vector<std::string> accounts;
    std::set<std::string> skill_ids;
    std::set<std::string> career_ids;
    std::set<std::string> file_digests;
    std::int64_t rows = 0;
};

// `records` small records spread over a few accounts, `files` attachments of
// `file_bytes` each (one per career).
inline Workload queue_workload(KioskFixture& k, int records, int files, std::size_t file_bytes, const std::string& tag) {
    Workload w;
    Store& s = k.store();
    const int accounts = 5;
    for (int a = 0; a < accounts; ++a) {
        const Account acc = k.sign_up_offline(tag + "_user" + std::to_string(a));
        w.accounts.push_back(acc.meta.client_id);
    }
    // One transaction for the bulk insert (a kiosk commits one at a time;
    // here it only saves fsyncs).
    auto tx = Transaction::begin(s.db());
    REQUIRE(tx.ok());
    for (int i = 0; i < records; ++i) {
        const std::string& owner = w.accounts[static_cast<std::size_t>(i % accounts)];
        Skill sk;
        sk.name = "スキル" + std::to_string(i);
        sk.level = 1 + i % 5;
        sk.years_experience = i % 40;
        auto saved = s.skills().save(owner, sk);
        REQUIRE(saved.ok());
        w.skill_ids.insert(saved->meta.client_id);
    }
    REQUIRE(tx->commit().ok());
    for (int f = 0; f < files; ++f) {
        const std::string& owner = w.accounts[static_cast<std::size_t>(f % accounts)];
        const auto bytes = make_file_bytes(file_bytes + static_cast<std::size_t>(f) * 4099, 1000u + static_cast<std::uint32_t>(f));
        w.file_digests.insert(sha256_hex(bytes));
        Career c;
        c.category = "正社員";
        c.period_from = {2010, 1 + f % 12};
        c.company_name = "会社" + std::to_string(f);
        c.attachments.push_back({k.put_file(owner, bytes), "file" + std::to_string(f) + ".pdf", "application/pdf"});
        auto saved = s.careers().save(owner, c);
        REQUIRE(saved.ok());
        w.career_ids.insert(saved->meta.client_id);
    }
    auto counts = s.outbox().counts();
    REQUIRE(counts.ok());
    w.rows = counts->pending;
    CHECK(w.rows == accounts + records + files);
    return w;
}

inline std::set<std::string> as_set(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

// Exact check on the server's database: 0 missing, 0 duplicates, digests equal.
inline void check_server_holds_exactly(KioskFixture& k, const Workload& w) {
    auto counts = k.store().outbox().counts();
    REQUIRE(counts.ok());
    CHECK(counts->pending == 0);
    CHECK(counts->sending == 0);
    CHECK(counts->dead_letter == 0);

    CHECK(k.server_count("SELECT COUNT(*) FROM accounts") == static_cast<std::int64_t>(w.accounts.size()));
    CHECK(as_set(k.server_strings("SELECT client_id FROM accounts")) == as_set(w.accounts));
    CHECK(k.server_count("SELECT COUNT(*) FROM records WHERE collection='skills'") ==
          static_cast<std::int64_t>(w.skill_ids.size()));
    CHECK(as_set(k.server_strings("SELECT client_id FROM records WHERE collection='skills'")) == w.skill_ids);
    CHECK(k.server_count("SELECT COUNT(*) FROM records WHERE collection='careers'") ==
          static_cast<std::int64_t>(w.career_ids.size()));
    CHECK(as_set(k.server_strings("SELECT client_id FROM records WHERE collection='careers'")) == w.career_ids);
    // Files: one completed upload per file, digests identical to the local plaintext.
    const auto complete = k.server_strings("SELECT sha256 FROM uploads WHERE state='complete'");
    CHECK(complete.size() == w.file_digests.size());
    CHECK(as_set(complete) == w.file_digests);
    // No abandoned uploads either: a keyed creation gets an id derived from
    // device + Idempotency-Key, so a retry after a server or kiosk kill finds
    // and resumes the same upload instead of starting a second one.
    CHECK(k.server_count("SELECT COUNT(*) FROM uploads WHERE state <> 'complete'") == 0);
    // Every career references a completed upload.
    CHECK(k.server_count("SELECT COUNT(*) FROM records r WHERE collection='careers' AND NOT EXISTS "
                         "(SELECT 1 FROM uploads u WHERE u.state='complete' AND "
                         "r.body LIKE '%' || u.upload_id || '%')") == 0);
}

}  // namespace madoguchi::test
