// String catalogs (assets/i18n/ja.json default, en.json): every UI string
// lives there, never inline in a screen.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "data/result.hpp"

namespace madoguchi {

enum class Language { ja, en };

class StringCatalog {
public:
    // Loads <dir>/ja.json and <dir>/en.json (flat objects key -> text), each
    // extended by the feature files <dir>/ja/*.json and <dir>/en/*.json.
    static Result<StringCatalog> load(const std::string& dir);

    void set_language(Language lang) { lang_ = lang; }
    Language language() const { return lang_; }
    bool japanese() const { return lang_ == Language::ja; }

    // The text for `key` in the current language. A missing key returns the
    // key itself (visible in screenshots and caught by the catalog test).
    const std::string& get(const std::string& key) const;
    const std::string& get(const std::string& key, Language lang) const;

    // Picks the message of an Error in the current language.
    const std::string& message(const Error& e) const { return e.message(japanese()); }

    // Every text of both languages (the font module builds its base glyph set from it).
    std::vector<std::string> all_texts() const;
    std::vector<std::string> keys(Language lang) const;

private:
    std::map<std::string, std::string> ja_, en_;
    Language lang_ = Language::ja;
};

}  // namespace madoguchi
