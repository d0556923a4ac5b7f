// Streaming romaji → kana conversion behind the on-screen keyboard's romaji
// layout: keys arrive one at a time, finished kana go to text(), the ASCII
// still waiting for more keys is the preedit ("ky" while typing きょ).
#pragma once

#include <string>
#include <string_view>

#include "kiosk/ime/kana_script.hpp"

namespace madoguchi::ime {

class RomajiConverter {
public:
    explicit RomajiConverter(KanaScript script = KanaScript::hiragana) : script_(script) {}

    // One key. Letters (upper case is folded), digits, punctuation and space
    // are accepted; control characters and bytes >= 0x80 are ignored and
    // return false. Never throws, text() stays valid UTF-8.
    bool feed(char key);
    void feed(std::string_view keys);

    // Deletes the last pending ASCII key, or else the last character of
    // text(). False when both are empty.
    bool backspace();

    // Ends the composition: a trailing "n" becomes ん, any other pending keys
    // stay as the ASCII letters typed.
    void commit();

    // commit() and hand over the text, leaving the converter empty.
    std::string take();
    // Hands over the finished kana only; the preedit keeps waiting for keys
    // (a keyboard that inserts into its field after every key uses this).
    std::string take_text();
    void clear();

    const std::string& text() const { return text_; }
    const std::string& preedit() const { return pending_; }
    // What a field shows while typing: text() followed by preedit().
    std::string display() const { return text_ + pending_; }
    bool empty() const { return text_.empty() && pending_.empty(); }

    // Kana produced from now on use this script; existing text is kept.
    void set_script(KanaScript script) { script_ = script; }
    KanaScript script() const { return script_; }

private:
    void resolve();
    void emit(std::string_view kana);

    KanaScript script_;
    std::string text_;
    std::string pending_;
};

}  // namespace madoguchi::ime
