// The account number is encrypted at rest: after saving through the screen
// (record + outbox row), the raw database file, its WAL and the files
// directory hold no plain copy of it — neither as typed nor zero-padded.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "tests/bank_company/bank_company_fixture.hpp"

using namespace madoguchi;
using madoguchi::testing::BankCompanyFixture;
using madoguchi::testing::fill;
using madoguchi::testing::paste_into;

namespace {

std::string read_all(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Every file under the store's directory (store.db, store.db-wal, files/…).
std::vector<std::filesystem::path> store_files(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.is_regular_file()) out.push_back(e.path());
    return out;
}

}  // namespace

TEST_CASE("bank: no plain account number in the database file, its WAL or the files directory") {
    BankCompanyFixture f;
    auto& d = f.d();
    f.open("home.bank_account");
    REQUIRE_OK(paste_into(d, "bank.bank_query", "0005"));
    REQUIRE_OK(d.tap("bank.bank_result.0"));
    REQUIRE_OK(paste_into(d, "bank.branch_query", "001"));
    REQUIRE_OK(d.tap("bank.branch_result.0"));
    REQUIRE_OK(d.tap("bank.type.1"));  // 当座
    REQUIRE_OK(fill(d, "bank.number", "0739514"));
    REQUIRE_OK(paste_into(d, "bank.holder_family", "ヤマダ"));
    REQUIRE_OK(paste_into(d, "bank.holder_given", "タロウ"));
    REQUIRE_OK(d.tap("bank.review"));
    REQUIRE(d.find("bank.confirm.number"));
    CHECK(d.value("bank.confirm.type") == "当座");
    REQUIRE_OK(d.tap("bank.save"));
    REQUIRE(d.value("bank.saved.number") == "****514");

    // The data is really there (readable through the store) …
    auto saved = f.bank_accounts.load(f.owner);
    REQUIRE(saved.ok());
    REQUIRE(saved->has_value());
    REQUIRE((*saved)->account_number == "0739514");

    // … but no byte sequence of the number is on disk, in the WAL (before
    // any checkpoint: the store stays open) nor in the files directory.
    const auto dir = f.account.store.dir.path();
    const auto files = store_files(dir);
    bool saw_db = false, saw_wal = false;
    for (const auto& p : files) {
        INFO(p.string());
        saw_db |= p.filename() == "store.db";
        saw_wal |= p.filename() == "store.db-wal";
        const std::string bytes = read_all(p);
        CHECK(bytes.find("0739514") == std::string::npos);
        CHECK(bytes.find("739514") == std::string::npos);
        CHECK(bytes.find("ﾔﾏﾀﾞ ﾀﾛｳ") == std::string::npos);  // the holder is sealed too
    }
    CHECK(saw_db);
    CHECK(saw_wal);

    // And after closing (checkpointing the WAL into the database file).
    f.account.ui.app.services().bank_accounts = nullptr;
    f.account.store.store.reset();
    for (const auto& p : store_files(dir)) {
        INFO(p.string());
        CHECK(read_all(p).find("0739514") == std::string::npos);
    }
}
