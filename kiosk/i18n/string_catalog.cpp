// Loading and lookup of the ja/en string catalogs.
#include "kiosk/i18n/string_catalog.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace madoguchi {
namespace {

Result<std::map<std::string, std::string>> load_one(const std::string& path) {
    std::ifstream in(path);
    if (!in) return Error{"i18n.missing", "", "文言ファイルがありません: " + path, "Missing string catalog: " + path};
    std::stringstream buf;
    buf << in.rdbuf();
    auto j = nlohmann::json::parse(buf.str(), nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return Error{"i18n.invalid", "", "文言ファイルが不正です: " + path, "Invalid string catalog: " + path};
    std::map<std::string, std::string> out;
    for (auto& [k, v] : j.items()) {
        if (!v.is_string())
            return Error{"i18n.invalid", k, "文言が文字列ではありません: " + k, "Catalog value is not a string: " + k};
        out.emplace(k, v.get<std::string>());
    }
    return out;
}

// <dir>/<lang>.json, then every <dir>/<lang>/*.json in name order: each
// feature keeps its texts in its own file. A key defined twice is an error,
// so one feature can never silently change another's wording.
Result<std::map<std::string, std::string>> load_language(const std::string& dir, const std::string& lang) {
    auto base = load_one(dir + "/" + lang + ".json");
    if (!base) return base.error();
    auto merged = std::move(base.value());
    std::vector<std::filesystem::path> parts;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir + "/" + lang, ec))
        if (entry.path().extension() == ".json") parts.push_back(entry.path());
    std::sort(parts.begin(), parts.end());
    for (const auto& part : parts) {
        auto more = load_one(part.string());
        if (!more) return more.error();
        for (auto& [k, v] : more.value()) {
            if (!merged.emplace(k, std::move(v)).second)
                return Error{"i18n.duplicate", k, "文言キーが重複しています: " + k + " (" + part.string() + ")",
                             "Duplicate catalog key: " + k + " (" + part.string() + ")"};
        }
    }
    return merged;
}

}  // namespace

Result<StringCatalog> StringCatalog::load(const std::string& dir) {
    auto ja = load_language(dir, "ja");
    if (!ja) return ja.error();
    auto en = load_language(dir, "en");
    if (!en) return en.error();
    StringCatalog c;
    c.ja_ = std::move(ja.value());
    c.en_ = std::move(en.value());
    return c;
}

const std::string& StringCatalog::get(const std::string& key) const { return get(key, lang_); }

const std::string& StringCatalog::get(const std::string& key, Language lang) const {
    const auto& table = lang == Language::ja ? ja_ : en_;
    auto it = table.find(key);
    if (it != table.end()) return it->second;
    // Fall back to Japanese, then to the key: a gap shows up, it does not crash.
    if (lang == Language::en) {
        auto jt = ja_.find(key);
        if (jt != ja_.end()) return jt->second;
    }
    return key;
}

std::vector<std::string> StringCatalog::all_texts() const {
    std::vector<std::string> out;
    out.reserve(ja_.size() + en_.size());
    for (const auto& [k, v] : ja_) out.push_back(v);
    for (const auto& [k, v] : en_) out.push_back(v);
    return out;
}

std::vector<std::string> StringCatalog::keys(Language lang) const {
    std::vector<std::string> out;
    for (const auto& [k, v] : (lang == Language::ja ? ja_ : en_)) out.push_back(k);
    return out;
}

}  // namespace madoguchi
