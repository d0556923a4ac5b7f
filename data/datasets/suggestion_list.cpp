// SuggestionList: load a curated list and match typed text against it.
#include "data/datasets/suggestion_list.hpp"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "data/text/kana.hpp"
#include "data/text/normalize.hpp"

namespace madoguchi {

std::string suggestion_key(std::string_view text) {
    std::string key = hiragana_to_katakana(normalize_for_comparison(text));
    key = katakana_to_hiragana(key);
    std::string out;
    out.reserve(key.size());
    for (char c : key) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;  // "TOEIC L&R" == "toeicl&r"
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
}

Result<SuggestionList> SuggestionList::parse(std::string_view json_text) {
    auto corrupt = [](const std::string& why) {
        return Error{"suggestions.corrupt", "", "候補リストのファイルが壊れています。",
                     "The suggestion list is corrupt: " + why};
    };
    nlohmann::json j = nlohmann::json::parse(json_text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("entries") || !j["entries"].is_array())
        return corrupt("expected {\"entries\": [...]}");
    SuggestionList list;
    for (const auto& e : j["entries"]) {
        if (!e.is_object() || !e.contains("name") || !e["name"].is_string()) return corrupt("entry without a name");
        Suggestion s;
        s.name = e["name"].get<std::string>();
        if (e.contains("reading") && e["reading"].is_string()) s.reading = e["reading"].get<std::string>();
        if (e.contains("issuer") && e["issuer"].is_string()) s.issuer = e["issuer"].get<std::string>();
        if (s.name.empty()) return corrupt("empty name");
        list.keys_.push_back({suggestion_key(s.name), suggestion_key(s.reading)});
        list.entries_.push_back(std::move(s));
    }
    return list;
}

Result<SuggestionList> SuggestionList::open(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return Error{"suggestions.missing", "", "候補リストを読み込めません。",
                     "Cannot open the suggestion list " + path.string()};
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse(text.str());
}

std::vector<const Suggestion*> SuggestionList::match(std::string_view query, std::size_t max) const {
    std::vector<const Suggestion*> out;
    const std::string q = suggestion_key(query);
    if (q.empty() || max == 0) return out;
    std::vector<const Suggestion*> later;  // contains, but does not start with, the query
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        const Keys& k = keys_[i];
        const bool starts = k.name.starts_with(q) || (!k.reading.empty() && k.reading.starts_with(q));
        if (starts) {
            out.push_back(&entries_[i]);
            if (out.size() == max) return out;
        } else if (later.size() < max &&
                   (k.name.find(q) != std::string::npos || k.reading.find(q) != std::string::npos)) {
            later.push_back(&entries_[i]);
        }
    }
    for (const Suggestion* s : later) {
        if (out.size() == max) break;
        out.push_back(s);
    }
    return out;
}

}  // namespace madoguchi
