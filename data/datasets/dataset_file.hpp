// Reader of the compact data set files that assets/datasets/convert.js writes
// at build time (format documented there). The file is untrusted input:
// every offset is checked once at load, so cell() can never read outside.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "data/result.hpp"

namespace madoguchi {

class DatasetFile {
public:
    // Errors: "dataset.missing" (cannot open), "dataset.corrupt".
    static Result<DatasetFile> open(const std::filesystem::path& path);

    std::size_t table_count() const { return tables_.size(); }
    std::size_t rows(std::size_t table) const { return tables_.at(table).rows; }
    std::size_t columns(std::size_t table) const { return tables_.at(table).columns; }
    std::string_view cell(std::size_t table, std::size_t row, std::size_t column) const;
    // Table 0 holds (key, value) rows: source package, version, counts.
    std::string_view meta(std::string_view key) const;

private:
    struct Table {
        std::uint32_t columns = 0;
        std::uint32_t rows = 0;
        std::vector<std::uint32_t> cells;  // offsets into pool_
    };
    std::vector<Table> tables_;
    std::string pool_;  // NUL-terminated strings; ends with NUL
};

}  // namespace madoguchi
