// Postal lookups: binary search over rows sorted by code.
#include "data/datasets/postal_directory.hpp"

#include "data/rules/postal_code.hpp"
#include "data/rules/rule_error.hpp"

namespace madoguchi {
namespace {
constexpr std::size_t kTable = 1;
constexpr std::size_t kColumns = 9;
}  // namespace

Result<PostalDirectory> PostalDirectory::open(const std::filesystem::path& postal_bin) {
    auto file = DatasetFile::open(postal_bin);
    if (!file) return file.error();
    if (file->table_count() < 2 || file->columns(kTable) != kColumns || file->rows(kTable) == 0) {
        return rule_error("dataset.corrupt", "", "郵便番号データが壊れています。",
                          "postal.bin has an unexpected layout.");
    }
    return PostalDirectory(std::move(file).value());
}

std::vector<PostalAddress> PostalDirectory::lookup(std::string_view postal_code) const {
    const auto code = normalize_postal_code("postal_code", postal_code);
    if (!code) return {};
    std::size_t lo = 0, hi = file_.rows(kTable);
    while (lo < hi) {  // first row whose code is not less than `code`
        const std::size_t mid = lo + (hi - lo) / 2;
        if (file_.cell(kTable, mid, 0) < *code)
            lo = mid + 1;
        else
            hi = mid;
    }
    std::vector<PostalAddress> out;
    for (std::size_t r = lo; r < file_.rows(kTable) && file_.cell(kTable, r, 0) == *code; ++r) {
        const auto c = [&](std::size_t col) { return std::string(file_.cell(kTable, r, col)); };
        out.push_back(PostalAddress{c(0), c(1), c(2), c(3), c(4), c(5), c(6), c(7), c(8)});
    }
    return out;
}

std::size_t PostalDirectory::row_count() const { return file_.rows(kTable); }
std::string_view PostalDirectory::data_version() const { return file_.meta("data"); }

}  // namespace madoguchi
