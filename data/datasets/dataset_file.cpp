// Bounds-checked loading of a data set file.
#include "data/datasets/dataset_file.hpp"

#include <cstring>
#include <fstream>

#include "data/rules/rule_error.hpp"

namespace madoguchi {
namespace {

constexpr std::string_view kMagic = "MDGDSET1";

Error corrupt(const std::filesystem::path& path, std::string_view why) {
    return rule_error("dataset.corrupt", "", "データファイルが壊れています。技術者に連絡してください。",
                      "Data set file " + path.string() + " is damaged: " + std::string(why));
}

// Little-endian u32 at `at`, whatever the host's byte order.
bool read_u32(const std::string& bytes, std::size_t& at, std::uint32_t& out) {
    if (bytes.size() < 4 || at > bytes.size() - 4) return false;
    out = 0;
    for (int i = 3; i >= 0; --i)
        out = (out << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
    at += 4;
    return true;
}

}  // namespace

Result<DatasetFile> DatasetFile::open(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) {
        return rule_error("dataset.missing", "", "データファイルが見つかりません。技術者に連絡してください。",
                          "Data set file not found: " + path.string());
    }
    // One read of the whole file (postal.bin is ~11 MB).
    const std::streamoff size = in.tellg();
    if (size < 0) return corrupt(path, "unreadable");
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.seekg(0);
    if (!in.read(bytes.data(), size)) return corrupt(path, "short read");
    if (bytes.size() < 16 || std::string_view(bytes).substr(0, 8) != kMagic)
        return corrupt(path, "bad header");
    std::size_t at = 8;
    std::uint32_t table_count = 0, pool_bytes = 0;
    read_u32(bytes, at, table_count);
    read_u32(bytes, at, pool_bytes);
    if (table_count == 0 || table_count > 64) return corrupt(path, "bad table count");

    DatasetFile file;
    for (std::uint32_t t = 0; t < table_count; ++t) {
        Table table;
        if (!read_u32(bytes, at, table.columns) || !read_u32(bytes, at, table.rows))
            return corrupt(path, "truncated table header");
        const std::uint64_t cells = std::uint64_t{table.columns} * table.rows;
        if (cells > (bytes.size() - at) / 4) return corrupt(path, "truncated table");
        table.cells.resize(static_cast<std::size_t>(cells));
        for (auto& c : table.cells) read_u32(bytes, at, c);
        file.tables_.push_back(std::move(table));
    }
    if (bytes.size() - at != pool_bytes) return corrupt(path, "string pool size mismatch");
    bytes.erase(0, at);  // what remains is the pool
    file.pool_ = std::move(bytes);
    if (!file.pool_.empty() && file.pool_.back() != '\0') return corrupt(path, "unterminated string pool");
    for (const Table& table : file.tables_)
        for (std::uint32_t off : table.cells)
            if (off >= file.pool_.size()) return corrupt(path, "string offset out of range");
    return file;
}

std::string_view DatasetFile::cell(std::size_t table, std::size_t row, std::size_t column) const {
    const Table& t = tables_.at(table);
    if (row >= t.rows || column >= t.columns) return {};
    const char* s = pool_.data() + t.cells[row * t.columns + column];
    return std::string_view(s, std::strlen(s));  // NUL within the pool: checked at load
}

std::string_view DatasetFile::meta(std::string_view key) const {
    if (tables_.empty() || tables_[0].columns < 2) return {};
    for (std::size_t r = 0; r < tables_[0].rows; ++r)
        if (cell(0, r, 0) == key) return cell(0, r, 1);
    return {};
}

}  // namespace madoguchi
