// Shared kiosk: converting must write nothing under anyone's home directory
// (Anthy uses getpwuid()'s home, not $HOME) and nothing to its private one.
#include <doctest/doctest.h>
#include <pwd.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <string>

#include "kiosk/ime/anthy_converter.hpp"

// Not in anthy.h but exported by libanthydic: the test reads back the home
// Anthy really uses, so each of the two defences (private home, anonymous
// personality) is checked on its own.
extern "C" const char* anthy_conf_get_str(const char* var);

using madoguchi::ime::AnthyConverter;
namespace fs = std::filesystem;

namespace {

// Every file under `dir` with its size and modification time.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
    std::map<std::string, std::string> files;
    std::error_code ec;
    if (!fs::exists(dir, ec)) return files;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        std::error_code e2;
        const auto size = it->is_regular_file(e2) ? it->file_size(e2) : 0;
        const auto time = it->last_write_time(e2).time_since_epoch().count();
        files[it->path().string()] = std::to_string(size) + "@" + std::to_string(time);
    }
    return files;
}

}  // namespace

TEST_CASE("Anthy conversions write nothing to HOME, the passwd home or the private home") {
    std::string pattern = (fs::temp_directory_path() / "madoguchi-home-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    const fs::path fake_home = pattern;
    ::setenv("HOME", fake_home.c_str(), 1);

    const passwd* pw = ::getpwuid(::getuid());
    const fs::path passwd_anthy = pw != nullptr ? fs::path(pw->pw_dir) / ".anthy" : fs::path();
    const bool had_anthy_dir = !passwd_anthy.empty() && fs::exists(passwd_anthy);
    const auto before = snapshot(passwd_anthy);

    fs::path private_home;
    {
        auto opened = AnthyConverter::open();
        REQUIRE(opened.ok());
        auto& anthy = *opened.value();
        private_home = anthy.private_home();
        REQUIRE_FALSE(private_home.empty());
        CHECK(fs::is_directory(private_home));
        const char* anthy_home = anthy_conf_get_str("HOME");
        REQUIRE(anthy_home != nullptr);
        CHECK(fs::path(anthy_home) == private_home);
        CHECK_FALSE(fs::exists(private_home / ".anthy"));
        for (const char* reading :
             {"とうきょうとちよだく", "やまだたろう", "かんじ", "わたしのなまえはさとうです"}) {
            auto conv = anthy.convert(reading);
            REQUIRE(conv.ok());
            CHECK_FALSE(conv->empty());
            REQUIRE(anthy.resize_segment(0, 1).ok());
        }
        auto second = AnthyConverter::open();  // a second converter shares the library
        REQUIRE(second.ok());
        CHECK(second.value()->private_home() == private_home);
        REQUIRE(second.value()->convert("ちよだく").ok());
        CHECK(fs::is_empty(private_home));
    }
    // Anthy stays initialised for the life of the process (anthy_init after
    // anthy_quit crashes), so its private home stays too, and stays empty.
    CHECK((!fs::exists(private_home) || fs::is_empty(private_home)));
    CHECK(fs::is_empty(fake_home));
    CHECK(fs::exists(passwd_anthy) == had_anthy_dir);
    CHECK(snapshot(passwd_anthy) == before);

    // The library can start again after the last converter closed.
    {
        auto again = AnthyConverter::open();
        REQUIRE(again.ok());
        auto conv = again.value()->convert("やまだ");
        REQUIRE(conv.ok());
        CHECK(conv->front().candidates.front() == "山田");
    }
    CHECK(fs::is_empty(fake_home));
    fs::remove_all(fake_home);
}
