// The keyboard's 変換 key: a hiragana reading plus the kind of field being
// edited → ordered candidates. Person names come from the SKK name
// dictionaries, places from the SKK place dictionary, everything else from
// Anthy's phrase conversion. Nothing a user picks is remembered.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/result.hpp"
#include "kiosk/ime/anthy_converter.hpp"
#include "kiosk/ime/conversion_segment.hpp"
#include "kiosk/ime/skk_dictionary.hpp"

namespace madoguchi::ime {

enum class ConversionKind {
    general,      // free text: Anthy segments
    person_name,  // 姓/名: SKK jinmei, fullname, then L
    place,        // 住所, 出身地: SKK geo, then Anthy
};

// Where the SKK dictionaries are: the original text files or the compact
// copies the build makes (see compiled_skk_dictionaries).
struct SkkDictionaryPaths {
    std::filesystem::path jinmei;    // SKK-JISYO.jinmei: family and given names
    std::filesystem::path fullname;  // SKK-JISYO.fullname: full names
    std::filesystem::path geo;       // SKK-JISYO.geo: place names
    std::filesystem::path large;     // SKK-JISYO.L: general words
};

// Debian's skkdic / skkdic-extra under /usr/share/skk (EUC-JIS-2004 text).
SkkDictionaryPaths installed_skk_dictionaries();
// The compiled copies in `dir` (the build writes them to
// <build>/share/madoguchi/ime; see kiosk/ime/CMakeLists.txt).
SkkDictionaryPaths compiled_skk_dictionaries(const std::filesystem::path& dir);
// $MADOGUCHI_IME_DICTIONARY_DIR when set, else the build tree's compiled
// directory when it exists, else the installed text files.
SkkDictionaryPaths default_skk_dictionaries();

class KanaKanjiConverter {
public:
    // Opens every dictionary and Anthy. Error (never a crash) when a
    // dictionary is missing or corrupt or Anthy cannot start.
    static Result<std::unique_ptr<KanaKanjiConverter>> open(const SkkDictionaryPaths& paths);

    // person_name / place: one segment covering the whole reading: the SKK
    // candidates (names: jinmei, fullname, L; places: geo), then Anthy's
    // reading of the whole, then the reading in hiragana and katakana; when
    // the dictionaries do not know the reading, Anthy's segments.
    // general: Anthy's segments. Thread: one at a time (Anthy is global).
    // Katakana in the reading is read as hiragana. Invalid UTF-8 gives the
    // Error "ime.reading_invalid".
    Result<Conversion> convert(std::string_view kana, ConversionKind kind);

    // Completions for a suggestion row while typing: candidates of
    // dictionary readings that start with `kana` and are longer (やま →
    // 山田, 山本 … for names; ちよだく → 千代田区麹町 … for places; SKK L for
    // general), shorter readings first, at most `limit`. Static
    // dictionaries only, so nothing depends on earlier users.
    std::vector<std::string> suggest(std::string_view kana, ConversionKind kind, std::size_t limit) const;

    // Re-segments the last reading with Anthy (after a name/place
    // conversion too: the user asked for a different split); see AnthyConverter.
    Result<Conversion> resize_segment(int index, int delta) { return anthy_->resize_segment(index, delta); }

    // Drops the last reading from Anthy's context; the session wipe calls it
    // so no one's typing stays in memory after they leave.
    void forget() { anthy_->forget(); }

private:
    KanaKanjiConverter(SkkDictionary jinmei, SkkDictionary fullname, SkkDictionary geo, SkkDictionary large,
                       std::unique_ptr<AnthyConverter> anthy);

    SkkDictionary jinmei_;
    SkkDictionary fullname_;
    SkkDictionary geo_;
    SkkDictionary large_;
    std::unique_ptr<AnthyConverter> anthy_;
};

}  // namespace madoguchi::ime
