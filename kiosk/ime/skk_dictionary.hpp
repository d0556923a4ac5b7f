// One read-only SKK dictionary (SKK-JISYO.L, .jinmei, .geo…): a hiragana
// reading → its candidates in dictionary order. Opens either the original
// EUC-JP/EUC-JIS-2004 (or UTF-8) text file, or the compact sorted UTF-8 file
// the build makes from it (mmap'd, nothing to parse at start-up).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "data/result.hpp"

namespace madoguchi::ime {

class SkkDictionary {
public:
    // Reads `path`: a compiled file (see write_compiled) or an SKK-JISYO text
    // file. Error codes: "ime.dictionary_missing", "ime.dictionary_invalid".
    static Result<SkkDictionary> open(const std::filesystem::path& path);

    // Parses SKK-JISYO text already in UTF-8. Only okuri-nasi entries are
    // kept (okuri-ari readings end in an ASCII letter and serve verb
    // endings, which Anthy handles); `;annotations` and Lisp candidates
    // "(concat …)" are dropped, and so are prefix/suffix (">") and numeric
    // ("#") entries. Malformed lines are skipped.
    static SkkDictionary from_utf8_text(std::string_view text);

    // Candidates for an exact reading, dictionary order; empty when unknown.
    // The views stay valid as long as this dictionary (or a copy) lives.
    std::vector<std::string_view> lookup(std::string_view reading) const;

    // Entries whose reading starts with `prefix` (the prefix itself
    // included), in reading order, at most `max_entries`: the suggestion row
    // (ちよだく → 千代田区麹町 …). Views live as long as the dictionary.
    struct Entry {
        std::string_view reading;
        std::vector<std::string_view> candidates;
    };
    std::vector<Entry> lookup_prefix(std::string_view prefix, std::size_t max_entries) const;

    std::size_t entry_count() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }

    // Writes the compact form that open() maps directly.
    Status write_compiled(const std::filesystem::path& path) const;

private:
    struct Storage;
    SkkDictionary(std::shared_ptr<const Storage> storage, std::string_view entries,
                  std::vector<std::uint32_t> offsets);
    std::string_view entry(std::size_t index) const;
    std::size_t lower_bound(std::string_view reading) const;
    static Entry split_entry(std::string_view entry);

    std::shared_ptr<const Storage> storage_;  // keeps the bytes alive (mmap or heap)
    std::string_view entries_;                // "reading\tcand/cand" back to back, sorted by reading
    std::vector<std::uint32_t> offsets_;      // entry i = entries_[offsets_[i], offsets_[i+1])
};

}  // namespace madoguchi::ime
