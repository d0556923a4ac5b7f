// The on-screen keyboard (there is no physical keyboard and no system IME).
// It edits the open field's TextField directly: 50音 grid in hiragana or
// katakana with 濁点/半濁点/小, romaji (through ime::RomajiConverter),
// alphanumeric with shift, digits pad and an email layout. In text fields a
// candidate bar (kbd.cand.N) offers kana→kanji conversions of the kana typed
// since the last commit (ime::KanaKanjiConverter), plus the kana themselves.
#pragma once

#include <imgui.h>

#include <cstddef>
#include <string>
#include <vector>

#include "kiosk/ime/kana_kanji_converter.hpp"
#include "kiosk/ime/romaji_converter.hpp"
#include "kiosk/ui/text_field.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace madoguchi {

enum class KeyboardLayout { hiragana, katakana, romaji, alpha, digits, email };

const char* layout_code(KeyboardLayout layout);

class OnScreenKeyboard {
public:
    // Opens for `field`; the layout follows the field's kind.
    void open(TextField& field, const std::string& field_id, const std::string& label);
    // Commits any pending romaji into the field and closes.
    void close();
    // Forgets the target without touching it (its owner is being destroyed).
    void detach();

    bool is_open() const { return target_ != nullptr; }
    bool is_editing(const TextField& f) const { return target_ == &f; }
    const std::string& field_id() const { return field_id_; }
    KeyboardLayout layout() const { return layout_; }
    void set_layout(KeyboardLayout layout);
    const std::string& preedit() const { return romaji_.preedit(); }
    // A paste (hardware keyboard or script) into the open field, through TextField::paste.
    void paste(const std::string& text);

    // The converter behind the candidate bar (owned by the caller, outlives
    // the keyboard's use of it); nullptr = no candidate bar.
    void set_converter(ime::KanaKanjiConverter* converter) { converter_ = converter; }
    // The kana typed since the last commit (what the candidate bar converts)
    // and the candidates it offers now.
    std::string reading() const;
    const std::vector<std::string>& candidates() const { return candidates_; }
    // Replaces the reading in the field by candidate `index` (what a tap on
    // kbd.cand.N does). False when there is no such candidate.
    bool choose_candidate(std::size_t index);

    // Height the keyboard occupies at the bottom of the display.
    float height(const Metrics& m) const;
    // True once after open() or a layout change (the keyboard's height may
    // have changed): the field being edited then scrolls itself into the
    // band between the top of its scroll region and the keyboard
    // (ui::text_field does this; it is the one place that knows the field's rect).
    bool take_reveal_request() {
        const bool r = reveal_requested_;
        reveal_requested_ = false;
        return r;
    }
    // Draws the keyboard window at the bottom of `display`.
    void draw(Ui& ui, ImVec2 display);

    static KeyboardLayout layout_for(FieldKind kind);

private:
    void type_text(const std::string& s);
    void flush_romaji(bool final_commit);
    bool key(Ui& ui, const std::string& id, const std::string& label, float w, float h, bool accent = false);
    void draw_kana_grid(Ui& ui, float key_w, float key_h);
    void draw_alpha(Ui& ui, float key_w, float key_h);
    void draw_digits(Ui& ui, float key_w, float key_h);
    void draw_bottom_row(Ui& ui, float key_w, float key_h);
    void draw_candidate_bar(Ui& ui, float key_h);
    bool converts() const;
    void end_composition();
    void refresh_candidates();

    TextField* target_ = nullptr;
    std::string field_id_;
    std::string label_;
    KeyboardLayout layout_ = KeyboardLayout::hiragana;
    bool shift_ = false;
    ime::RomajiConverter romaji_;
    ime::KanaKanjiConverter* converter_ = nullptr;
    // Byte offset in the field where the unconverted kana start (npos: none).
    std::size_t composition_start_ = std::string::npos;
    std::string candidates_for_;  // the reading candidates_ were computed for
    std::vector<std::string> candidates_;
    bool reveal_requested_ = false;
};

}  // namespace madoguchi
