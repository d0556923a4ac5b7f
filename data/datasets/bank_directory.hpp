// Banks and branches (npm zengin-code, converted to banks.bin at build time):
// look up by code, search by name, kana, hiragana, romaji or code. ゆうちょ銀行
// is bank 9900; its branches are named by digits (七三八, see data/rules/yucho.hpp).
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "data/datasets/dataset_file.hpp"
#include "data/result.hpp"

namespace madoguchi {

struct Bank {
    std::string code;  // "0001"
    std::string name;  // "みずほ" (Zengin names omit 銀行)
    std::string kana;  // "ミズホ" (Zengin style: small kana written large)
    std::string hira;
    std::string roma;
};

struct Branch {
    std::string bank_code;
    std::string code;  // "001"
    std::string name;  // "東京営業部"
    std::string kana;
    std::string hira;
    std::string roma;
};

class BankDirectory {
public:
    static Result<BankDirectory> open(const std::filesystem::path& banks_bin);

    std::optional<Bank> bank(std::string_view bank_code) const;
    std::optional<Branch> branch(std::string_view bank_code, std::string_view branch_code) const;
    std::vector<Branch> branches(std::string_view bank_code) const;

    // Ranked: exact code, code prefix, exact name/reading, name/reading
    // prefix, then contains. The query is normalized like the data
    // (hiragana = katakana, small kana = large, full-width = half-width,
    // a trailing 銀行/支店 ignored), so "とうきょう", "ﾄｳｷｮｳ" and "東京" all find 東京.
    std::vector<Bank> search_banks(std::string_view query, std::size_t limit = 50) const;
    std::vector<Branch> search_branches(std::string_view bank_code, std::string_view query,
                                        std::size_t limit = 50) const;

    std::size_t bank_count() const { return banks_.size(); }
    std::size_t branch_count() const { return branches_.size(); }
    std::string_view data_version() const { return version_; }

private:
    struct Keyed {
        std::string name_key;  // normalized name
        std::string kana_key;  // normalized kana
        std::string roma;      // lower-case
    };
    BankDirectory() = default;
    std::pair<std::size_t, std::size_t> branch_range(
        std::string_view bank_code) const;  // [first, last) in branches_
    std::vector<Bank> banks_;               // sorted by code
    std::vector<Branch> branches_;          // sorted by bank code, branch code
    std::vector<Keyed> bank_keys_;          // parallel to banks_
    std::vector<Keyed> branch_keys_;        // parallel to branches_
    std::string version_;
};

// The normalization both sides of a bank/branch search go through.
std::string bank_search_key(std::string_view text);

}  // namespace madoguchi
