// Postal code -> address (Japan Post data via npm jquery-jpostal-ja, converted
// to postal.bin at build time). A code gives 0, 1 or several addresses: the
// kiosk offers a choice when there are several.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "data/datasets/dataset_file.hpp"
#include "data/result.hpp"

namespace madoguchi {

struct PostalAddress {
    std::string postal_code;      // "1000001"
    std::string prefecture;       // "東京都"
    std::string city;             // "千代田区", "浜松市中央区"
    std::string town;             // "千代田" (may be empty: the whole city)
    std::string street;           // 番地 of a business's own code, else empty
    std::string business_name;    // for business codes, else empty
    std::string prefecture_kana;  // full-width katakana
    std::string city_kana;
    std::string town_kana;
};

class PostalDirectory {
public:
    static Result<PostalDirectory> open(const std::filesystem::path& postal_bin);

    // Accepts the stored 7 digits or anything normalize_postal_code takes
    // ("〒100-0001", full-width); an invalid code gives no addresses.
    std::vector<PostalAddress> lookup(std::string_view postal_code) const;
    std::size_t row_count() const;
    std::string_view data_version() const;  // e.g. "ver2.13 2025-09-25 2025-09-30"

private:
    explicit PostalDirectory(DatasetFile file) : file_(std::move(file)) {}
    DatasetFile file_;
};

}  // namespace madoguchi
