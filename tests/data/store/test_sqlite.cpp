// Database / Statement / Transaction wrapper and the migration runner.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include "data/store/migrations.hpp"
#include "data/store/sqlite.hpp"
#include "tests/data/store/temp_store.hpp"

using namespace madoguchi;
using madoguchi::testing::TempDir;

namespace {
Database open_db(const TempDir& dir) {
    auto db = Database::open((dir.path() / "t.db").string());
    REQUIRE(db.ok());
    return std::move(*db);
}
std::string pragma_text(Database& db, const char* sql) {
    auto st = db.prepare(sql);
    REQUIRE(st.ok());
    auto row = st->step();
    REQUIRE(row.ok());
    REQUIRE(*row);
    return st->column_text(0);
}
}  // namespace

TEST_CASE("open applies durable settings and creates the file 0600") {
    TempDir dir;
    auto db = open_db(dir);
    CHECK(pragma_text(db, "PRAGMA journal_mode") == "wal");
    CHECK(pragma_text(db, "PRAGMA synchronous") == "2");  // FULL
    CHECK(pragma_text(db, "PRAGMA foreign_keys") == "1");
    CHECK(pragma_text(db, "PRAGMA secure_delete") == "1");
    struct stat st {};
    REQUIRE(::stat((dir.path() / "t.db").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    auto ic = db.integrity_check();
    REQUIRE(ic.ok());
    CHECK(*ic == "ok");
}

TEST_CASE("statements bind and return text verbatim, NUL bytes and invalid UTF-8 included") {
    TempDir dir;
    auto db = open_db(dir);
    REQUIRE(db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT, b BLOB, r REAL)").ok());
    const std::string values[] = {
        "",
        "'); DROP TABLE t; --",
        std::string("a\0b\0", 4),
        "\xff\xfe\xc3(",           // invalid UTF-8
        std::string(10'000, 'x'),  // 10 kB
        "山田 太郎 𠮷",
    };
    for (const auto& v : values) {
        auto ins = db.prepare("INSERT INTO t(s, b, r) VALUES(?, ?, ?)");
        REQUIRE(ins.ok());
        ins->bind(1, v).bind_blob(2, std::span(reinterpret_cast<const std::uint8_t*>(v.data()), v.size()))
            .bind(3, 1.5);
        REQUIRE(ins->run().ok());
        const auto id = db.last_insert_rowid();
        auto sel = db.prepare("SELECT s, b, r FROM t WHERE id = ?");
        REQUIRE(sel.ok());
        sel->bind(1, id);
        auto row = sel->step();
        REQUIRE(row.ok());
        REQUIRE(*row);
        CHECK(sel->column_text(0) == v);
        auto blob = sel->column_blob(1);
        CHECK(std::string(blob.begin(), blob.end()) == v);
        CHECK(sel->column_double(2) == doctest::Approx(1.5));
    }
    CHECK(pragma_text(db, "SELECT COUNT(*) FROM t") == "6");
}

TEST_CASE("bind errors surface at step, not as a crash") {
    TempDir dir;
    auto db = open_db(dir);
    REQUIRE(db.exec("CREATE TABLE t(a)").ok());
    auto st = db.prepare("INSERT INTO t(a) VALUES(?)");
    REQUIRE(st.ok());
    st->bind(5, std::int64_t{1});  // out of range
    auto s = st->run();
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == "storage.sqlite");
    CHECK_FALSE(s.error().message_ja.empty());
    auto bad = db.prepare("SELEC nonsense");
    CHECK_FALSE(bad.ok());
}

TEST_CASE("transactions commit, roll back on scope exit, and nest as savepoints") {
    TempDir dir;
    auto db = open_db(dir);
    REQUIRE(db.exec("CREATE TABLE t(a INTEGER)").ok());
    auto count = [&] { return pragma_text(db, "SELECT COUNT(*) FROM t"); };
    {
        auto tx = Transaction::begin(db);
        REQUIRE(tx.ok());
        REQUIRE(db.exec("INSERT INTO t VALUES(1)").ok());
    }  // no commit: rolled back
    CHECK(count() == "0");
    CHECK_FALSE(db.in_transaction());
    {
        auto tx = Transaction::begin(db);
        REQUIRE(tx.ok());
        REQUIRE(db.exec("INSERT INTO t VALUES(1)").ok());
        {
            auto inner = Transaction::begin(db);
            REQUIRE(inner.ok());
            REQUIRE(db.exec("INSERT INTO t VALUES(2)").ok());
        }  // inner rolled back only
        {
            auto inner = Transaction::begin(db);
            REQUIRE(inner.ok());
            REQUIRE(db.exec("INSERT INTO t VALUES(3)").ok());
            REQUIRE(inner->commit().ok());
        }
        REQUIRE(tx->commit().ok());
    }
    CHECK(count() == "2");
    CHECK(pragma_text(db, "SELECT group_concat(a) FROM (SELECT a FROM t ORDER BY a)") == "1,3");
}

TEST_CASE("a second connection waits for the writer (busy timeout), then sees committed data") {
    TempDir dir;
    auto a = open_db(dir);
    auto b = open_db(dir);
    REQUIRE(a.exec("CREATE TABLE t(a INTEGER)").ok());
    {
        auto tx = Transaction::begin(a);
        REQUIRE(tx.ok());
        REQUIRE(a.exec("INSERT INTO t VALUES(7)").ok());
        // b reads the last committed snapshot while a writes (WAL).
        CHECK(pragma_text(b, "SELECT COUNT(*) FROM t") == "0");
        REQUIRE(tx->commit().ok());
    }
    CHECK(pragma_text(b, "SELECT COUNT(*) FROM t") == "1");
}

TEST_CASE("migrations run once, in order, and refuse a newer database") {
    TempDir dir;
    auto db = open_db(dir);
    const Migration v1[] = {{1, "CREATE TABLE a(x);"}};
    const Migration v2[] = {{1, "CREATE TABLE a(x);"}, {2, "ALTER TABLE a ADD COLUMN y; CREATE TABLE b(z);"}};
    REQUIRE(apply_migrations(db, v1).ok());
    CHECK(*db.user_version() == 1);
    REQUIRE(apply_migrations(db, v1).ok());  // idempotent
    REQUIRE(apply_migrations(db, v2).ok());
    CHECK(*db.user_version() == 2);
    REQUIRE(db.exec("INSERT INTO b VALUES(1)").ok());
    auto older = apply_migrations(db, v1);
    REQUIRE_FALSE(older.ok());
    CHECK(older.error().code == "storage.schema_newer");
    const Migration gap[] = {{1, "SELECT 1;"}, {3, "SELECT 1;"}};
    CHECK_FALSE(apply_migrations(db, gap).ok());
}

TEST_CASE("a failing migration step leaves the version unchanged") {
    TempDir dir;
    auto db = open_db(dir);
    const Migration steps[] = {{1, "CREATE TABLE a(x);"}, {2, "CREATE TABLE b(x); THIS IS NOT SQL;"}};
    CHECK_FALSE(apply_migrations(db, steps).ok());
    CHECK(*db.user_version() == 1);
    CHECK(pragma_text(db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'b'") == "0");
}
