// Curated suggestion lists (skill names, common Japanese 資格) loaded from
// assets/suggestions/*.json: what a form offers while someone types. Matching
// is on the name and its kana reading, both normalized the way JAPAN.md says
// (NFKC subset, katakana folded to hiragana, ASCII case folded), so typing
// "ぼき", "ボキ" or "ﾎﾞｷ" finds 日商簿記検定. Free text stays allowed: a list
// only suggests, it never restricts.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "data/result.hpp"

namespace madoguchi {

struct Suggestion {
    std::string name;     // shown and stored as is ("日商簿記検定2級")
    std::string reading;  // kana reading ("にっしょうぼきけんてい2きゅう")
    std::string issuer;   // optional: who grants it (qualifications)
};

class SuggestionList {
public:
    // File format: {"entries": [{"name": "...", "reading": "...", "issuer": "..."}]}.
    // Errors: "suggestions.missing", "suggestions.corrupt".
    static Result<SuggestionList> open(const std::filesystem::path& path);
    static Result<SuggestionList> parse(std::string_view json_text);

    // Entries whose name or reading contains `query` (normalized), those that
    // start with it first, then in list order; at most `max` of them. A blank
    // query finds nothing.
    std::vector<const Suggestion*> match(std::string_view query, std::size_t max = 8) const;

    std::size_t size() const { return entries_.size(); }
    const std::vector<Suggestion>& entries() const { return entries_; }

private:
    struct Keys {
        std::string name;
        std::string reading;
    };
    std::vector<Suggestion> entries_;
    std::vector<Keys> keys_;  // normalized, parallel to entries_
};

// The comparison key used for both sides of a match.
std::string suggestion_key(std::string_view text);

}  // namespace madoguchi
