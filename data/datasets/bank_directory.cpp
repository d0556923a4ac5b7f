// Bank and branch lookups and ranked search.
#include "data/datasets/bank_directory.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "data/rules/rule_error.hpp"
#include "data/text/char_classes.hpp"
#include "data/text/kana.hpp"
#include "data/text/normalize.hpp"
#include "data/text/utf8.hpp"

namespace madoguchi {
namespace {

constexpr std::size_t kBanks = 1;
constexpr std::size_t kBranches = 2;

bool ends_with(std::u32string_view s, std::u32string_view suffix) {
    return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// 0 exact, 1 prefix, 2 contains, 3 no match.
int rank_text(std::string_view key, std::string_view query) {
    if (query.empty() || key.empty()) return 3;
    if (key == query) return 0;
    if (key.substr(0, query.size()) == query) return 1;
    return key.find(query) != std::string_view::npos ? 2 : 3;
}

template <typename Item, typename Keys>
std::vector<Item> ranked(const std::vector<Item>& items, const Keys& keys, std::size_t begin, std::size_t end,
                         std::string_view raw_query, std::size_t limit, std::string Item::*code) {
    const std::string query = bank_search_key(raw_query);
    std::string roma_query(trim_spaces(raw_query));
    std::transform(roma_query.begin(), roma_query.end(), roma_query.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::vector<std::pair<int, std::size_t>> hits;
    if (query.empty()) return {};
    const bool digits = all_digits(query);
    for (std::size_t i = begin; i < end; ++i) {
        int best = 3;
        if (digits) {
            const std::string_view c = items[i].*code;
            best = c == query ? 0 : (c.substr(0, query.size()) == query ? 1 : 3);
        } else {
            best = std::min({rank_text(keys[i].name_key, query), rank_text(keys[i].kana_key, query),
                             rank_text(keys[i].roma, roma_query)});
        }
        if (best < 3) hits.emplace_back(best, i);
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Item> out;
    for (std::size_t k = 0; k < hits.size() && out.size() < limit; ++k) out.push_back(items[hits[k].second]);
    return out;
}

}  // namespace

std::string bank_search_key(std::string_view text) {
    std::u32string s = hiragana_to_katakana(normalize_for_comparison(decode_utf8_lossy(text)));
    std::u32string out;
    for (char32_t c : s) {
        if (is_space_char(c)) continue;
        c = katakana_small_to_large(c);
        if (c == U'ー') c = U'-';  // Zengin writes the long vowel as a full-width hyphen
        if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
        out.push_back(c);
    }
    // People type the word Zengin names leave out.
    for (std::u32string_view suffix : {std::u32string_view(U"銀行"), std::u32string_view(U"ギンコウ"),
                                       std::u32string_view(U"支店"), std::u32string_view(U"シテン")}) {
        if (ends_with(out, suffix)) {
            out.resize(out.size() - suffix.size());
            break;
        }
    }
    return encode_utf8(out);
}

Result<BankDirectory> BankDirectory::open(const std::filesystem::path& banks_bin) {
    auto opened = DatasetFile::open(banks_bin);
    if (!opened) return opened.error();
    const DatasetFile& f = *opened;
    if (f.table_count() < 3 || f.columns(kBanks) != 5 || f.columns(kBranches) != 6 || f.rows(kBanks) == 0) {
        return rule_error("dataset.corrupt", "", "金融機関データが壊れています。",
                          "banks.bin has an unexpected layout.");
    }
    BankDirectory d;
    d.version_ = std::string(f.meta("version"));
    const auto key_of = [](std::string_view name, std::string_view kana, std::string_view roma) {
        std::string r(roma);
        std::transform(r.begin(), r.end(), r.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return Keyed{bank_search_key(name), bank_search_key(kana), r};
    };
    for (std::size_t r = 0; r < f.rows(kBanks); ++r) {
        const auto c = [&](std::size_t col) { return std::string(f.cell(kBanks, r, col)); };
        d.banks_.push_back(Bank{c(0), c(1), c(2), c(3), c(4)});
        d.bank_keys_.push_back(key_of(d.banks_.back().name, d.banks_.back().kana, d.banks_.back().roma));
    }
    for (std::size_t r = 0; r < f.rows(kBranches); ++r) {
        const auto c = [&](std::size_t col) { return std::string(f.cell(kBranches, r, col)); };
        d.branches_.push_back(Branch{c(0), c(1), c(2), c(3), c(4), c(5)});
        d.branch_keys_.push_back(
            key_of(d.branches_.back().name, d.branches_.back().kana, d.branches_.back().roma));
    }
    const auto bank_less = [](const Bank& a, const Bank& b) { return a.code < b.code; };
    const auto branch_less = [](const Branch& a, const Branch& b) {
        return std::tie(a.bank_code, a.code) < std::tie(b.bank_code, b.code);
    };
    if (!std::is_sorted(d.banks_.begin(), d.banks_.end(), bank_less) ||
        !std::is_sorted(d.branches_.begin(), d.branches_.end(), branch_less)) {
        return rule_error("dataset.corrupt", "", "金融機関データが壊れています。",
                          "banks.bin is not sorted by code.");
    }
    return d;
}

std::optional<Bank> BankDirectory::bank(std::string_view bank_code) const {
    const auto it = std::lower_bound(banks_.begin(), banks_.end(), bank_code,
                                     [](const Bank& b, std::string_view c) { return b.code < c; });
    if (it == banks_.end() || it->code != bank_code) return std::nullopt;
    return *it;
}

std::optional<Branch> BankDirectory::branch(std::string_view bank_code, std::string_view branch_code) const {
    const auto it =
        std::lower_bound(branches_.begin(), branches_.end(), std::pair(bank_code, branch_code),
                         [](const Branch& b, const std::pair<std::string_view, std::string_view>& k) {
                             return std::pair<std::string_view, std::string_view>(b.bank_code, b.code) < k;
                         });
    if (it == branches_.end() || it->bank_code != bank_code || it->code != branch_code) return std::nullopt;
    return *it;
}

std::pair<std::size_t, std::size_t> BankDirectory::branch_range(std::string_view bank_code) const {
    const auto lo = std::lower_bound(branches_.begin(), branches_.end(), bank_code,
                                     [](const Branch& b, std::string_view c) { return b.bank_code < c; });
    const auto hi = std::upper_bound(lo, branches_.end(), bank_code,
                                     [](std::string_view c, const Branch& b) { return c < b.bank_code; });
    return {static_cast<std::size_t>(lo - branches_.begin()),
            static_cast<std::size_t>(hi - branches_.begin())};
}

std::vector<Branch> BankDirectory::branches(std::string_view bank_code) const {
    const auto [lo, hi] = branch_range(bank_code);
    return std::vector<Branch>(branches_.begin() + static_cast<std::ptrdiff_t>(lo),
                               branches_.begin() + static_cast<std::ptrdiff_t>(hi));
}

std::vector<Bank> BankDirectory::search_banks(std::string_view query, std::size_t limit) const {
    return ranked(banks_, bank_keys_, 0, banks_.size(), query, limit, &Bank::code);
}

std::vector<Branch> BankDirectory::search_branches(std::string_view bank_code, std::string_view query,
                                                   std::size_t limit) const {
    const auto [lo, hi] = branch_range(bank_code);
    return ranked(branches_, branch_keys_, lo, hi, query, limit, &Branch::code);
}

}  // namespace madoguchi
