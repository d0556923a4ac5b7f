// Store: the one object the kiosk opens to reach its local data. Owns the
// connection, keys, file store, outbox and every repository, and runs the
// start-up maintenance (migrations, crash recovery, orphan sweep, purge).
#pragma once

#include <memory>
#include <string>

#include "data/crypto/column_cipher.hpp"
#include "data/crypto/file_store.hpp"
#include "data/crypto/master_key.hpp"
#include "data/result.hpp"
#include "data/store/outbox_store.hpp"
#include "data/store/record_store.hpp"
#include "data/store/repositories.hpp"
#include "data/store/retention.hpp"
#include "data/store/secret_store.hpp"
#include "data/store/sqlite.hpp"

namespace madoguchi {

struct StoreConfig {
    std::string database_path;    // e.g. /var/lib/madoguchi/store.db
    std::string files_dir;        // e.g. /var/lib/madoguchi/files
    std::string master_key_path;  // e.g. /etc/madoguchi/device.key (0600); see docs/storage.md
    // The first connection of a process runs start-up maintenance. Extra
    // connections (the sync worker's) pass false.
    bool startup_maintenance = true;
    WallClock now = system_wall_clock_ms;
    int busy_timeout_ms = 5000;
};

// What start-up maintenance found.
struct StartupReport {
    int outbox_rows_recovered = 0;  // `sending` rows put back to pending
    FileSweepReport files;
    PurgeReport purge;
};

// One Store per thread (it owns one SQLite connection).
class Store {
public:
    static Result<std::unique_ptr<Store>> open(const StoreConfig& config);
    // Same, with a key already in memory (tests, benchmarks).
    static Result<std::unique_ptr<Store>> open(const StoreConfig& config, std::shared_ptr<const MasterKey> key);

    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    Database& db() { return db_; }
    FileStore& files() { return files_; }
    OutboxStore& outbox() { return outbox_; }
    RecordStore& records() { return records_; }
    SecretStore& secrets() { return secrets_; }

    AccountRepository& accounts() { return accounts_; }
    ProfileRepository& profiles() { return profiles_; }
    SkillRepository& skills() { return skills_; }
    QualificationRepository& qualifications() { return qualifications_; }
    CareerRepository& careers() { return careers_; }
    HobbyRepository& hobbies() { return hobbies_; }
    CompanyRepository& companies() { return companies_; }
    BankAccountRepository& bank_accounts() { return bank_accounts_; }
    IdentityDocumentRepository& identity_documents() { return identity_documents_; }
    NdaAgreementRepository& nda_agreements() { return nda_agreements_; }
    EmailChangeRepository& email_changes() { return email_changes_; }

    // A person starts/stops using the kiosk (sign-in/sign-up; sign-out or
    // idle wipe). Ending a session purges that person's data if settled.
    Status begin_session(std::string_view owner);
    Result<PurgeReport> end_session(std::string_view owner);

    const StartupReport& startup_report() const { return startup_; }

private:
    Store(Database db, std::shared_ptr<const MasterKey> key, const StoreConfig& config);
    Status startup();

    Database db_;
    std::shared_ptr<const MasterKey> key_;
    WallClock now_;
    ColumnCipher cipher_;
    FileStore files_;
    OutboxStore outbox_;
    RecordStore records_;
    SecretStore secrets_;
    AccountRepository accounts_;
    ProfileRepository profiles_;
    SkillRepository skills_;
    QualificationRepository qualifications_;
    CareerRepository careers_;
    HobbyRepository hobbies_;
    CompanyRepository companies_;
    BankAccountRepository bank_accounts_;
    IdentityDocumentRepository identity_documents_;
    NdaAgreementRepository nda_agreements_;
    EmailChangeRepository email_changes_;
    StartupReport startup_;
};

}  // namespace madoguchi
