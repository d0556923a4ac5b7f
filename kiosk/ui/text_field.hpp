// The model behind a form field: its value, kind (which keyboard opens and
// which characters it takes), limits and inline error. The on-screen
// keyboard edits this model directly; screens validate it with data/rules.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "data/result.hpp"
#include "kiosk/ime/kana_kanji_converter.hpp"

namespace madoguchi {

enum class FieldKind {
    text,          // free text, one line (kana/kanji keyboard)
    multiline,     // free text with line breaks
    katakana,      // furigana: katakana keyboard
    digits,        // digits pad (phone, numbers, postal code)
    alphanumeric,  // usernames, slugs
    email,
    password,      // shown masked
    url,
};

struct TextField {
    TextField() = default;
    TextField(FieldKind k, int max, bool is_required,
              ime::ConversionKind conv = ime::ConversionKind::general)
        : kind(k), max_chars(max), required(is_required), conversion(conv) {}

    std::string value;
    FieldKind kind = FieldKind::text;
    int max_chars = 100;       // counted in characters (code points), never bytes
    bool required = false;
    std::optional<Error> error;  // shown inline under the field
    // Which dictionaries the keyboard's candidate bar asks for kana typed
    // here (text and multiline fields only): names, places or phrases.
    ime::ConversionKind conversion = ime::ConversionKind::general;

    // Keyboard input: appends if the text is acceptable for this field,
    // otherwise leaves the value as it was and sets `error`.
    Status insert(std::string_view utf8);
    // Removes the last character (not byte).
    void backspace();
    // A paste (hardware keyboard, script): hostile input is expected here.
    // Invalid UTF-8, control characters and characters the UI cannot draw
    // are removed; an over-long paste keeps what fits. Either way the user
    // is told what happened, and nothing already typed is lost.
    Status paste(std::string_view raw);
    void clear() {
        value.clear();
        error.reset();
    }
    std::size_t length() const;
};

// Character count of valid UTF-8 (invalid bytes count as one each).
std::size_t utf8_length(std::string_view s);

}  // namespace madoguchi
