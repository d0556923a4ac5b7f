// Store: opening, key check, start-up maintenance.
#include "data/store/store.hpp"

#include <sys/stat.h>

#include <filesystem>

#include "data/store/store_schema.hpp"

namespace madoguchi {

namespace {
constexpr std::string_view kKeyCheckPlain = "madoguchi-key-check-v1";
constexpr std::string_view kKeyCheckContext = "store_meta|key_check";

// The database remembers a value sealed under the device key; a different
// key (a lost or swapped key file) is detected here instead of as garbage
// records later.
Status check_device_key(Database& db, const ColumnCipher& cipher) {
    // Insert first (a no-op when present), so two first opens racing agree
    // on one value; then check whatever is stored.
    auto ins = db.prepare("INSERT OR IGNORE INTO store_meta(name, value) VALUES('key_check', ?)");
    if (!ins) return ins.error();
    ins->bind_blob(1, cipher.seal(kKeyCheckPlain, kKeyCheckContext));
    if (auto s = ins->run(); !s) return s;
    auto st = db.prepare("SELECT value FROM store_meta WHERE name = 'key_check'");
    if (!st) return st.error();
    auto row = st->step();
    if (!row) return row.error();
    if (*row) {
        auto plain = cipher.open(st->column_blob(0), kKeyCheckContext);
        if (!plain || *plain != kKeyCheckPlain) {
            Error e = crypto_error("crypto.key_mismatch", "the device key does not match this database");
            return e;
        }
        return ok_status();
    }
    return storage_error("storage.corrupt", "key check value missing");
}
}  // namespace

Store::Store(Database db, std::shared_ptr<const MasterKey> key, const StoreConfig& config)
    : db_(std::move(db)),
      key_(std::move(key)),
      now_(config.now ? config.now : WallClock(system_wall_clock_ms)),
      cipher_(*key_),
      files_(db_, *key_, config.files_dir),
      outbox_(db_, cipher_, files_, now_),
      records_(db_, cipher_, outbox_, now_),
      secrets_(db_, cipher_, now_),
      accounts_(records_),
      profiles_(records_),
      skills_(records_),
      qualifications_(records_),
      careers_(records_),
      hobbies_(records_),
      companies_(records_),
      bank_accounts_(records_),
      identity_documents_(records_),
      nda_agreements_(records_),
      email_changes_(records_) {}

Result<std::unique_ptr<Store>> Store::open(const StoreConfig& config) {
    auto key = MasterKey::load_or_create(config.master_key_path);
    if (!key) return key.error();
    return open(config, std::make_shared<const MasterKey>(std::move(*key)));
}

Result<std::unique_ptr<Store>> Store::open(const StoreConfig& config, std::shared_ptr<const MasterKey> key) {
    DatabaseOptions options;
    options.busy_timeout_ms = config.busy_timeout_ms;
    auto db = Database::open(config.database_path, options);
    if (!db) return db.error();
    if (auto s = apply_migrations(*db, store_migrations()); !s) return s.error();
    // FileStore would throw on a directory it cannot create; at this point
    // it is an expected failure (bad path, read-only disk) and returns one.
    std::error_code ec;
    std::filesystem::create_directories(config.files_dir, ec);
    if (ec) return storage_error("storage.open", "cannot create " + config.files_dir + ": " + ec.message());
    ::chmod(config.files_dir.c_str(), 0700);
    std::unique_ptr<Store> store(new Store(std::move(*db), std::move(key), config));
    if (auto s = check_device_key(store->db_, store->cipher_); !s) return s.error();
    if (config.startup_maintenance)
        if (auto s = store->startup(); !s) return s.error();
    return store;
}

Status Store::startup() {
    auto recovered = outbox_.recover_interrupted();
    if (!recovered) return recovered.error();
    startup_.outbox_rows_recovered = *recovered;
    if (auto s = end_all_sessions(db_); !s) return s;
    auto purge = purge_all_settled(db_, files_);
    if (!purge) return purge.error();
    startup_.purge = *purge;
    auto sweep = files_.sweep([this](std::string_view id) {
        auto wanted = file_still_wanted(db_, id);
        return !wanted.ok() || *wanted;  // when unsure, keep
    });
    if (!sweep) return sweep.error();
    startup_.files = *sweep;
    return ok_status();
}

Status Store::begin_session(std::string_view owner) { return madoguchi::begin_session(db_, owner, now_()); }

Result<PurgeReport> Store::end_session(std::string_view owner) {
    return madoguchi::end_session(db_, files_, owner);
}

}  // namespace madoguchi
