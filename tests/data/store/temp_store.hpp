// Test fixture: a fresh store in its own temporary directory, with a clock
// the test moves by hand.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include <doctest/doctest.h>

#include "data/store/store.hpp"

namespace madoguchi::testing {

// mkdtemp directory removed (recursively) at the end of the test.
class TempDir {
public:
    TempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "madoguchi-store-XXXXXX").string();
        char* made = ::mkdtemp(tmpl.data());
        REQUIRE(made != nullptr);
        path_ = made;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

struct TempStore {
    TempDir dir;
    std::int64_t now_ms = 1'700'000'000'000;
    std::unique_ptr<Store> store;

    StoreConfig config() {
        StoreConfig c;
        c.database_path = (dir.path() / "store.db").string();
        c.files_dir = (dir.path() / "files").string();
        c.master_key_path = (dir.path() / "device.key").string();
        c.now = [this] { return now_ms; };
        return c;
    }
    TempStore() { reopen(); }
    // Closes and opens again, as after a restart (start-up maintenance runs).
    void reopen() {
        store.reset();
        auto s = Store::open(config());
        REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message_en));
        store = std::move(*s);
    }
    Store& operator*() { return *store; }
    Store* operator->() { return store.get(); }
};

}  // namespace madoguchi::testing
