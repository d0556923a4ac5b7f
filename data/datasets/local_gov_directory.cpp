// Prefecture and municipality lookups (small: kept fully in memory).
#include "data/datasets/local_gov_directory.hpp"

#include "data/rules/rule_error.hpp"

namespace madoguchi {
namespace {
constexpr std::size_t kPrefectures = 1;
constexpr std::size_t kMunicipalities = 2;
}  // namespace

Result<LocalGovDirectory> LocalGovDirectory::open(const std::filesystem::path& localgov_bin) {
    auto opened = DatasetFile::open(localgov_bin);
    if (!opened) return opened.error();
    const DatasetFile& f = *opened;
    if (f.table_count() < 3 || f.columns(kPrefectures) != 4 || f.columns(kMunicipalities) != 5 ||
        f.rows(kPrefectures) != 47) {
        return rule_error("dataset.corrupt", "", "自治体データが壊れています。",
                          "localgov.bin has an unexpected layout.");
    }
    LocalGovDirectory d;
    d.version_ = std::string(f.meta("version"));
    for (std::size_t r = 0; r < f.rows(kPrefectures); ++r) {
        const auto c = [&](std::size_t col) { return std::string(f.cell(kPrefectures, r, col)); };
        d.prefectures_.push_back(Prefecture{c(0), c(1), c(2), c(3)});
    }
    for (std::size_t r = 0; r < f.rows(kMunicipalities); ++r) {
        const auto c = [&](std::size_t col) { return std::string(f.cell(kMunicipalities, r, col)); };
        d.municipalities_.push_back(Municipality{c(1), c(0), c(2), c(3), c(4)});
    }
    return d;
}

std::optional<Prefecture> LocalGovDirectory::prefecture(std::string_view code_or_name) const {
    for (const Prefecture& p : prefectures_)
        if (p.code == code_or_name || p.name == code_or_name || p.local_gov_code == code_or_name) return p;
    return std::nullopt;
}

std::vector<Municipality> LocalGovDirectory::municipalities(std::string_view prefecture_code,
                                                            bool include_wards) const {
    std::vector<Municipality> out;
    for (const Municipality& m : municipalities_)
        if (m.prefecture_code == prefecture_code && (include_wards || !m.is_ward())) out.push_back(m);
    return out;
}

std::vector<Municipality> LocalGovDirectory::wards(std::string_view city_code) const {
    std::vector<Municipality> out;
    for (const Municipality& m : municipalities_)
        if (m.parent_code == city_code) out.push_back(m);
    return out;
}

std::optional<Municipality> LocalGovDirectory::municipality(std::string_view code) const {
    for (const Municipality& m : municipalities_)
        if (m.code == code) return m;
    return std::nullopt;
}

}  // namespace madoguchi
