// Longest-prefix romaji matching with the っ/ん rules of JAPAN.md
// "Romaji input" (see romaji_converter.hpp).
#include "kiosk/ime/romaji_converter.hpp"

#include "data/text/kana.hpp"
#include "kiosk/ime/romaji_table.hpp"
#include "kiosk/ime/utf8.hpp"

namespace madoguchi::ime {
namespace {

bool is_vowel(char c) { return c == 'a' || c == 'i' || c == 'u' || c == 'e' || c == 'o'; }
bool is_letter(char c) { return c >= 'a' && c <= 'z'; }

// A doubled consonant other than n is a geminate: "kka" → っか, and "tch"
// (as in "matcha") is written っち by every common IME.
bool is_geminate(char first, char second) {
    if (!is_letter(first) || is_vowel(first) || first == 'n') return false;
    return first == second || (first == 't' && second == 'c');
}

}  // namespace

bool RomajiConverter::feed(char key) {
    auto c = static_cast<unsigned char>(key);
    if (c < 0x20 || c >= 0x7F) return false;
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    pending_.push_back(static_cast<char>(c));
    resolve();
    return true;
}

void RomajiConverter::feed(std::string_view keys) {
    for (char k : keys) feed(k);
}

void RomajiConverter::emit(std::string_view kana) {
    text_ += script_ == KanaScript::katakana ? hiragana_to_katakana(kana) : std::string(kana);
}

// Turns as much of pending_ into kana as can be decided now; what is left is
// a strict prefix of some table key.
void RomajiConverter::resolve() {
    while (!pending_.empty()) {
        if (romaji_key_continues(pending_)) return;  // wait for more keys
        if (const auto kana = romaji_to_kana(pending_)) {
            emit(*kana);
            pending_.clear();
            return;
        }
        // pending_ cannot grow into a key: settle its head and retry the rest.
        std::size_t matched = 0;
        for (std::size_t len = pending_.size() - 1; len > 0; --len) {
            if (const auto kana = romaji_to_kana(std::string_view(pending_).substr(0, len))) {
                emit(*kana);
                matched = len;
                break;
            }
        }
        if (matched == 0) {
            const char first = pending_[0];
            const char second = pending_.size() > 1 ? pending_[1] : '\0';
            if (second != '\0' && is_geminate(first, second)) {
                emit("っ");
            } else if (first == 'n' && second != '\0') {
                // n before anything that is not a vowel, y, n or ' (those keep
                // extending a key) is the moraic ん.
                emit("ん");
            } else {
                text_.push_back(first);  // not romaji: keep the key as typed
            }
            matched = 1;
        }
        pending_.erase(0, matched);
    }
}

void RomajiConverter::commit() {
    if (pending_ == "n") {
        emit("ん");
        pending_.clear();
    }
    text_ += pending_;
    pending_.clear();
}

bool RomajiConverter::backspace() {
    if (!pending_.empty()) {
        pending_.pop_back();
        return true;
    }
    if (text_.empty()) return false;
    text_.resize(last_code_point_offset(text_));
    return true;
}

std::string RomajiConverter::take() {
    commit();
    std::string out = std::move(text_);
    clear();
    return out;
}

std::string RomajiConverter::take_text() {
    std::string out = std::move(text_);
    text_.clear();
    return out;
}

void RomajiConverter::clear() {
    text_.clear();
    pending_.clear();
}

}  // namespace madoguchi::ime
