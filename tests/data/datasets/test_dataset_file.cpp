// The data set file reader rejects missing and damaged files cleanly.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "data/datasets/dataset_file.hpp"
#include "tests/data/datasets/asset_dir.hpp"

using namespace madoguchi;

namespace {

std::filesystem::path write_temp(const std::string& name, const std::string& bytes) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("madoguchi_test_" + std::to_string(::getpid()) + "_" + name);
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

std::string u32le(std::uint32_t v) {
    std::string s(4, '\0');
    for (int i = 0; i < 4; ++i) s[static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xFF);
    return s;
}

}  // namespace

TEST_CASE("the converted assets open and carry their source versions") {
    for (const char* name : {"postal.bin", "banks.bin", "localgov.bin"}) {
        INFO(name);
        const auto f = DatasetFile::open(test_asset_dir() / name);
        REQUIRE(f.ok());
        CHECK(f->table_count() >= 2);
        CHECK_FALSE(f->meta("source").empty());
        CHECK_FALSE(f->meta("version").empty());
    }
    const auto banks = DatasetFile::open(test_asset_dir() / "banks.bin");
    CHECK(banks->meta("version").substr(0, 7) == "1.0.0-p");
}

TEST_CASE("missing and damaged files give errors, never crashes") {
    const auto missing = DatasetFile::open("/nonexistent/postal.bin");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == "dataset.missing");

    const std::string header = "MDGDSET1";
    struct Case {
        const char* name;
        std::string bytes;
    };
    const Case cases[] = {
        {"empty", ""},
        {"bad_magic", "NOTADSET" + u32le(1) + u32le(0)},
        {"zero_tables", header + u32le(0) + u32le(0)},
        {"huge_table_count", header + u32le(1000000) + u32le(0)},
        {"truncated_table", header + u32le(1) + u32le(2) + u32le(1) + u32le(5)},
        {"huge_rows", header + u32le(1) + u32le(4) + u32le(0xFFFFFFFF) + u32le(0xFFFFFFFF)},
        {"offset_out_of_range",
         header + u32le(1) + u32le(2) + u32le(1) + u32le(1) + u32le(0) + u32le(99) + std::string("a\0", 2)},
        {"pool_size_mismatch",
         header + u32le(1) + u32le(10) + u32le(1) + u32le(1) + u32le(0) + std::string("a\0", 2)},
        {"unterminated_pool",
         header + u32le(1) + u32le(2) + u32le(1) + u32le(1) + u32le(0) + std::string("ab", 2)},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        const auto path = write_temp(c.name, c.bytes);
        const auto f = DatasetFile::open(path);
        std::filesystem::remove(path);
        REQUIRE_FALSE(f.ok());
        CHECK(f.error().code == "dataset.corrupt");
        CHECK_FALSE(f.error().message_ja.empty());
    }

    // A well-formed minimal file reads back.
    const std::string good =
        header + u32le(1) + u32le(4) + u32le(2) + u32le(1) + u32le(0) + u32le(2) + std::string("k\0v\0", 4);
    const auto path = write_temp("good", good);
    const auto f = DatasetFile::open(path);
    std::filesystem::remove(path);
    REQUIRE(f.ok());
    CHECK(f->meta("k") == "v");
    CHECK(f->cell(0, 0, 5).empty());  // out of range column reads as empty
    CHECK(f->cell(0, 9, 0).empty());
}
