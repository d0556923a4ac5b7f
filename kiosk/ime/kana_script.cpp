// Hiragana <-> katakana conversion (see kana_script.hpp). The two blocks are
// parallel: katakana = hiragana + 0x60 for ぁ..ゖ and ゝゞ.
#include "kiosk/ime/kana_script.hpp"

#include "kiosk/ime/utf8.hpp"

namespace madoguchi::ime {
namespace {

constexpr char32_t kScriptOffset = 0x60;

template <typename Map>
std::string map_code_points(std::string_view utf8, Map map) {
    std::string out;
    out.reserve(utf8.size());
    while (!utf8.empty()) {
        const auto decoded = decode_first_code_point(utf8);
        if (!decoded) {
            // Invalid byte: drop it so the result stays valid UTF-8.
            utf8.remove_prefix(1);
            continue;
        }
        append_utf8(out, map(decoded->code_point));
        utf8.remove_prefix(decoded->length);
    }
    return out;
}

}  // namespace

bool is_hiragana(char32_t cp) { return (cp >= 0x3041 && cp <= 0x3096) || cp == 0x309D || cp == 0x309E; }
bool is_katakana(char32_t cp) { return (cp >= 0x30A1 && cp <= 0x30FA) || cp == 0x30FD || cp == 0x30FE; }

char32_t to_katakana(char32_t cp) { return is_hiragana(cp) ? cp + kScriptOffset : cp; }

char32_t to_hiragana(char32_t cp) {
    if ((cp >= 0x30A1 && cp <= 0x30F6) || cp == 0x30FD || cp == 0x30FE) return cp - kScriptOffset;
    return cp;
}

std::string to_katakana(std::string_view utf8) {
    return map_code_points(utf8, [](char32_t cp) { return to_katakana(cp); });
}

std::string to_hiragana(std::string_view utf8) {
    return map_code_points(utf8, [](char32_t cp) { return to_hiragana(cp); });
}

std::string to_script(std::string_view utf8, KanaScript script) {
    return script == KanaScript::katakana ? to_katakana(utf8) : to_hiragana(utf8);
}

}  // namespace madoguchi::ime
