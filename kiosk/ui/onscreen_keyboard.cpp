// OnScreenKeyboard layouts and key handling.
#include "kiosk/ui/onscreen_keyboard.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "kiosk/ime/kana_modifier.hpp"
#include "kiosk/ime/kana_script.hpp"
#include "kiosk/ime/utf8.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

namespace madoguchi {
namespace {

// 50音 grid, one string per column (a i u e o rows); "" = no key there.
constexpr std::array<std::array<const char*, 5>, 10> kGojuon{{
    {"あ", "い", "う", "え", "お"},
    {"か", "き", "く", "け", "こ"},
    {"さ", "し", "す", "せ", "そ"},
    {"た", "ち", "つ", "て", "と"},
    {"な", "に", "ぬ", "ね", "の"},
    {"は", "ひ", "ふ", "へ", "ほ"},
    {"ま", "み", "む", "め", "も"},
    {"や", "", "ゆ", "", "よ"},
    {"ら", "り", "る", "れ", "ろ"},
    {"わ", "を", "ん", "ー", "、"},
}};

constexpr std::array<const char*, 4> kAlphaRows{"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};

// Most candidates the bar offers: one row at the keyboard's width.
constexpr std::size_t kMaxCandidates = 12;

// Kana a reading may hold: hiragana, katakana and the long-vowel mark.
bool is_reading_text(std::string_view utf8) {
    if (utf8.empty()) return false;
    while (!utf8.empty()) {
        auto d = ime::decode_first_code_point(utf8);
        if (!d) return false;
        const char32_t c = d->code_point;
        if (!ime::is_hiragana(c) && !ime::is_katakana(c) && c != U'ー') return false;
        utf8.remove_prefix(d->length);
    }
    return true;
}

void add_unique(std::vector<std::string>& out, std::string s) {
    if (s.empty() || out.size() >= kMaxCandidates) return;
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
}

}  // namespace

const char* layout_code(KeyboardLayout layout) {
    switch (layout) {
        case KeyboardLayout::hiragana: return "hiragana";
        case KeyboardLayout::katakana: return "katakana";
        case KeyboardLayout::romaji: return "romaji";
        case KeyboardLayout::alpha: return "alpha";
        case KeyboardLayout::digits: return "digits";
        case KeyboardLayout::email: return "email";
    }
    return "";
}

KeyboardLayout OnScreenKeyboard::layout_for(FieldKind kind) {
    switch (kind) {
        case FieldKind::katakana: return KeyboardLayout::katakana;
        case FieldKind::digits: return KeyboardLayout::digits;
        case FieldKind::email: return KeyboardLayout::email;
        case FieldKind::alphanumeric:
        case FieldKind::password:
        case FieldKind::url: return KeyboardLayout::alpha;
        default: return KeyboardLayout::hiragana;
    }
}

void OnScreenKeyboard::open(TextField& field, const std::string& field_id, const std::string& label) {
    if (target_ && target_ != &field) close();
    target_ = &field;
    field_id_ = field_id;
    label_ = label;
    shift_ = false;
    romaji_.clear();
    end_composition();
    layout_ = layout_for(field.kind);
    reveal_requested_ = true;
}

void OnScreenKeyboard::close() {
    flush_romaji(true);
    detach();
}

void OnScreenKeyboard::detach() {
    target_ = nullptr;
    field_id_.clear();
    label_.clear();
    romaji_.clear();
    shift_ = false;
    reveal_requested_ = false;
    end_composition();
    // Nothing of this person's typing stays in Anthy's context.
    if (converter_) converter_->forget();
}

bool OnScreenKeyboard::converts() const {
    return converter_ && target_ && (target_->kind == FieldKind::text || target_->kind == FieldKind::multiline);
}

void OnScreenKeyboard::end_composition() {
    composition_start_ = std::string::npos;
    candidates_for_.clear();
    candidates_.clear();
}

std::string OnScreenKeyboard::reading() const {
    if (!target_ || composition_start_ == std::string::npos || composition_start_ > target_->value.size()) return {};
    std::string r = target_->value.substr(composition_start_);
    // A trailing romaji "n" is ん as soon as the user converts.
    if (romaji_.preedit() == "n") r += romaji_.script() == ime::KanaScript::katakana ? "ン" : "ん";
    return is_reading_text(r) ? r : std::string{};
}

void OnScreenKeyboard::refresh_candidates() {
    const std::string r = converts() ? reading() : std::string{};
    if (r == candidates_for_) return;
    candidates_for_ = r;
    candidates_.clear();
    if (r.empty()) return;
    // Synchronous: bench/ime measures a conversion at a few ms, well inside
    // the 50 ms a keystroke may take to show candidates.
    auto conv = converter_->convert(r, target_->conversion);
    if (conv && !conv->empty()) {
        if (conv->size() == 1) {
            for (const auto& c : conv->front().candidates) add_unique(candidates_, c);
        } else {
            // Phrases: the best of every segment, then the first segment's
            // alternatives followed by the best of the rest.
            std::string rest;
            for (std::size_t i = 1; i < conv->size(); ++i) rest += (*conv)[i].candidates.front();
            for (const auto& c : conv->front().candidates) add_unique(candidates_, c + rest);
        }
    }
    // The kana themselves are always on offer, even when the bar is full.
    const std::string hira = ime::to_hiragana(r), kata = ime::to_katakana(r);
    if (candidates_.size() + 2 > kMaxCandidates) candidates_.resize(kMaxCandidates - 2);
    add_unique(candidates_, hira);
    add_unique(candidates_, kata);
}

bool OnScreenKeyboard::choose_candidate(std::size_t index) {
    if (!target_ || index >= candidates_.size()) return false;
    const std::string chosen = candidates_[index];
    romaji_.clear();  // its pending "n" is part of the reading just converted
    const std::string before = target_->value;
    target_->value.resize(std::min(composition_start_, target_->value.size()));
    if (!target_->insert(chosen)) target_->value = before;  // too long: keep what was typed, error shown
    end_composition();
    return true;
}

void OnScreenKeyboard::set_layout(KeyboardLayout layout) {
    flush_romaji(true);
    if (layout != layout_) reveal_requested_ = true;  // e.g. digits pad -> kana grid: taller
    layout_ = layout;
    shift_ = false;
}

float OnScreenKeyboard::height(const Metrics& m) const {
    if (!is_open()) return 0;
    const float key_h = std::max(m.touch_min(), m.em * 2.2f);
    const int rows = layout_ == KeyboardLayout::digits ? 4 : (layout_ == KeyboardLayout::hiragana ||
                                                              layout_ == KeyboardLayout::katakana)
                                                                 ? 5
                                                                 : 5;
    const int bar = converts() ? 1 : 0;  // the candidate bar, reserved even when empty so keys do not jump
    return m.em * 2.6f + (rows + 1 + bar) * (key_h + m.em * 0.25f) + m.em * 0.5f;
}

void OnScreenKeyboard::paste(const std::string& text) {
    if (!target_) return;
    flush_romaji(true);
    (void)target_->paste(text);  // the field shows what was removed or cut
}

void OnScreenKeyboard::type_text(const std::string& s) {
    if (!target_) return;
    // Kana extend the reading the candidate bar converts; anything else
    // (space, punctuation, letters) commits it as typed.
    const bool kana = converts() && is_reading_text(s);
    if (!kana) end_composition();
    const std::size_t before = target_->value.size();
    // a refusal is shown inline by the field itself
    if (target_->insert(s) && kana && composition_start_ == std::string::npos) composition_start_ = before;
}

void OnScreenKeyboard::flush_romaji(bool final_commit) {
    if (!target_) return;
    if (final_commit) romaji_.commit();
    std::string done = romaji_.text();
    std::string pending = final_commit ? std::string{} : romaji_.preedit();
    if (final_commit && !romaji_.preedit().empty()) done += romaji_.preedit();
    romaji_.clear();
    if (!done.empty()) type_text(done);
    if (!pending.empty()) romaji_.feed(pending);
}

bool OnScreenKeyboard::key(Ui& ui, const std::string& id, const std::string& label, float w, float h, bool accent) {
    ui::ButtonOpts o;
    o.width = w;
    o.height = h;
    o.style = accent ? ui::ButtonStyle::primary : ui::ButtonStyle::secondary;
    return ui::button(ui, id, label, o);
}

void OnScreenKeyboard::draw_kana_grid(Ui& ui, float key_w, float key_h) {
    const bool kata = layout_ == KeyboardLayout::katakana;
    for (int row = 0; row < 5; ++row) {
        for (int col = 0; col < 10; ++col) {
            if (col > 0) ImGui::SameLine();
            const char* k = kGojuon[col][row];
            if (!*k) {
                ImGui::Dummy(ImVec2(key_w, key_h));
                continue;
            }
            std::string label = kata ? ime::to_katakana(std::string_view(k)) : std::string(k);
            if (key(ui, "kbd.key." + label, label, key_w, key_h)) type_text(label);
        }
        ImGui::SameLine(0, ui.metrics.em * 0.8f);
        // Modifier column: ゛ ゜ 小 act on the last kana, as on a phone's 50音 pad.
        static constexpr const char* kMods[5] = {"゛", "゜", "小", "。", "・"};
        const std::string mod = kMods[row];
        if (key(ui, row == 0 ? "kbd.mod.dakuten" : row == 1 ? "kbd.mod.handakuten" : row == 2 ? "kbd.mod.small"
                                                                                           : "kbd.key." + mod,
                mod, key_w, key_h)) {
            if (!target_) continue;
            if (row < 3) {
                auto m = row == 0 ? ime::KanaModifier::dakuten
                         : row == 1 ? ime::KanaModifier::handakuten
                                    : ime::KanaModifier::small;
                std::string before = target_->value;
                if (!ime::modify_last_kana(target_->value, m)) target_->value = before;
            } else {
                type_text(mod);
            }
        }
    }
}

void OnScreenKeyboard::draw_alpha(Ui& ui, float key_w, float key_h) {
    for (std::size_t r = 0; r < kAlphaRows.size(); ++r) {
        const std::string row = kAlphaRows[r];
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + key_w * 0.5f * static_cast<float>(r > 1 ? r - 1 : 0));
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0) ImGui::SameLine();
            std::string ch(1, row[i]);
            if (shift_ && ch[0] >= 'a' && ch[0] <= 'z') ch[0] = static_cast<char>(ch[0] - 'a' + 'A');
            if (key(ui, "kbd.key." + ch, ch, key_w, key_h)) {
                if (layout_ == KeyboardLayout::romaji) {
                    romaji_.feed(ch[0]);
                    flush_romaji(false);
                } else {
                    type_text(ch);
                    shift_ = false;
                }
            }
        }
        if (r == 3 && layout_ != KeyboardLayout::romaji) {
            ImGui::SameLine();
            if (key(ui, "kbd.shift", ui.t("kbd.shift"), key_w * 1.5f, key_h, shift_)) shift_ = !shift_;
        }
    }
    // Symbols row: what usernames, emails and URLs need; romaji keeps ー、。
    const bool email = layout_ == KeyboardLayout::email;
    std::vector<std::string> syms;
    if (layout_ == KeyboardLayout::romaji) syms = {"-", ",", ".", "[", "]", "'"};
    else if (email) syms = {"@", ".", "-", "_", ".com", ".co.jp", ".ne.jp", "gmail.com"};
    // ',' for lists such as "Java, MySQL"; '#' '+' '.' for C#, C++, Node.js.
    // Eleven keys: the alpha layout's key width is sized for twelve.
    else syms = {"@", ".", ",", "-", "_", "/", ":", "!", "?", "#", "+"};
    for (std::size_t i = 0; i < syms.size(); ++i) {
        if (i > 0) ImGui::SameLine();
        float w = syms[i].size() > 1 ? key_w * 2.0f : key_w;
        if (key(ui, "kbd.key." + syms[i], syms[i], w, key_h)) {
            if (layout_ == KeyboardLayout::romaji) {
                romaji_.feed(syms[i][0]);
                flush_romaji(false);
            } else {
                type_text(syms[i]);
            }
        }
    }
}

void OnScreenKeyboard::draw_digits(Ui& ui, float key_w, float key_h) {
    static constexpr const char* kPad[4][3] = {{"7", "8", "9"}, {"4", "5", "6"}, {"1", "2", "3"}, {"0", "-", ""}};
    const float big = key_w * 2.0f;
    const float indent = (ImGui::GetContentRegionAvail().x - big * 3 - ui.metrics.em) * 0.5f;
    for (auto& row : kPad) {
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, indent));
        for (int i = 0; i < 3; ++i) {
            if (i > 0) ImGui::SameLine();
            if (!*row[i]) {
                ImGui::Dummy(ImVec2(big, key_h));
                continue;
            }
            if (key(ui, std::string("kbd.key.") + row[i], row[i], big, key_h)) type_text(row[i]);
        }
    }
}

void OnScreenKeyboard::draw_bottom_row(Ui& ui, float /*key_w*/, float key_h) {
    struct LayoutKey {
        KeyboardLayout layout;
        const char* label_key;
    };
    static constexpr LayoutKey kLayouts[] = {{KeyboardLayout::hiragana, "kbd.layout.hiragana"},
                                             {KeyboardLayout::katakana, "kbd.layout.katakana"},
                                             {KeyboardLayout::romaji, "kbd.layout.romaji"},
                                             {KeyboardLayout::alpha, "kbd.layout.alpha"},
                                             {KeyboardLayout::digits, "kbd.layout.digits"}};
    // Fields that take only digits or ASCII do not offer kana layouts.
    const FieldKind kind = target_ ? target_->kind : FieldKind::text;
    const bool ascii_only = kind == FieldKind::digits || kind == FieldKind::alphanumeric ||
                            kind == FieldKind::email || kind == FieldKind::password || kind == FieldKind::url;
    // The row's keys share the full width: layouts 1.5 units each, space 2.5,
    // new line 1.5, delete 1.5, done 1.8.
    const int layout_keys = ascii_only ? 2 : 5;
    const float units = layout_keys * 1.5f + 2.5f + (kind == FieldKind::multiline ? 1.5f : 0.0f) + 1.5f + 1.8f;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const int count = layout_keys + 3 + (kind == FieldKind::multiline ? 1 : 0);
    const float key_w = (ImGui::GetContentRegionAvail().x - spacing * (count - 1)) / units;
    bool first = true;
    for (const auto& lk : kLayouts) {
        if (ascii_only && (lk.layout == KeyboardLayout::hiragana || lk.layout == KeyboardLayout::katakana ||
                           lk.layout == KeyboardLayout::romaji))
            continue;
        if (!first) ImGui::SameLine();
        first = false;
        const bool current = layout_ == lk.layout;
        if (key(ui, std::string("kbd.layout.") + layout_code(lk.layout), ui.t(lk.label_key), key_w * 1.5f, key_h,
                current) &&
            !current)
            set_layout(lk.layout);
    }
    ImGui::SameLine();
    if (key(ui, "kbd.space", ui.t("kbd.space"), key_w * 2.5f, key_h)) {
        if (layout_ == KeyboardLayout::romaji) flush_romaji(true);
        type_text(layout_ == KeyboardLayout::hiragana || layout_ == KeyboardLayout::katakana ||
                          layout_ == KeyboardLayout::romaji
                      ? "　"
                      : " ");
    }
    if (kind == FieldKind::multiline) {
        ImGui::SameLine();
        if (key(ui, "kbd.newline", ui.t("kbd.newline"), key_w * 1.5f, key_h)) {
            flush_romaji(true);
            type_text("\n");
        }
    }
    ImGui::SameLine();
    if (key(ui, "kbd.bs", ui.t("kbd.backspace"), key_w * 1.5f, key_h) && target_) {
        if (!romaji_.preedit().empty()) romaji_.backspace();
        else target_->backspace();
        if (composition_start_ != std::string::npos && target_->value.size() <= composition_start_) end_composition();
    }
    ImGui::SameLine();
    if (key(ui, "kbd.done", ui.t("kbd.done"), key_w * 1.8f, key_h, true)) close();
}

void OnScreenKeyboard::draw_candidate_bar(Ui& ui, float key_h) {
    refresh_candidates();
    const auto& m = ui.metrics;
    const ImVec2 start = ImGui::GetCursorPos();
    if (candidates_.empty()) {
        ui::text(ui, ui.t("kbd.cand.hint"), theme::kMuted);
        ImGui::SetCursorPos(ImVec2(start.x, start.y + key_h + ImGui::GetStyle().ItemSpacing.y));
        return;
    }
    // As many candidates as fit on one row, each at least a touch target wide.
    const float right = start.x + ImGui::GetContentRegionAvail().x;
    float x = start.x;
    for (std::size_t i = 0; i < candidates_.size(); ++i) {
        ui.fonts.note(candidates_[i]);
        const float w = std::max(m.touch_min() * 1.4f, ImGui::CalcTextSize(candidates_[i].c_str()).x + m.em * 1.4f);
        if (x + w > right) break;
        if (i > 0) ImGui::SameLine();
        x += w + ImGui::GetStyle().ItemSpacing.x;
        if (key(ui, "kbd.cand." + std::to_string(i), candidates_[i], w, key_h, i == 0)) {
            choose_candidate(i);
            break;
        }
    }
}

void OnScreenKeyboard::draw(Ui& ui, ImVec2 display) {
    if (!target_) return;
    const auto& m = ui.metrics;
    const float h = height(m);
    ImGui::SetNextWindowPos(ImVec2(0, display.y - h));
    ImGui::SetNextWindowSize(ImVec2(display.x, h));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(222, 227, 235, 255));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(m.em * 0.25f, m.em * 0.25f));
    ImGui::Begin("##keyboard", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing);
    // The panel's own rect: what a form must keep its focused field above.
    ui.registry.record({"kbd.panel", "", WidgetKind::text, {0, display.y - h, display.x, h}, true, true,
                        layout_code(layout_), {}});
    // The field being edited, with pending romaji, so it stays visible above the keys.
    std::string shown = target_->kind == FieldKind::password ? std::string(target_->length(), '*') : target_->value;
    const char* nl = std::strrchr(shown.c_str(), '\n');
    std::string tail = nl ? std::string(nl + 1) : shown;
    ui::text(ui, label_ + "：", theme::kMuted);
    ImGui::SameLine();
    ui::text(ui, tail + romaji_.preedit() + "｜");
    if (target_->error) {
        ImGui::SameLine(0, m.em);
        ui::text(ui, "⚠ " + ui.msg(*target_->error), theme::kError);
    }
    const float avail = ImGui::GetContentRegionAvail().x;
    if (converts()) draw_candidate_bar(ui, std::max(m.touch_min(), m.em * 2.2f));
    const int cols = layout_ == KeyboardLayout::hiragana || layout_ == KeyboardLayout::katakana ? 11 : 12;
    const float key_w = std::max(m.touch_min(), (avail - m.em * 1.2f - (cols - 1) * m.em * 0.25f) / cols);
    const float key_h = std::max(m.touch_min(), m.em * 2.2f);
    switch (layout_) {
        case KeyboardLayout::hiragana:
        case KeyboardLayout::katakana: draw_kana_grid(ui, key_w, key_h); break;
        case KeyboardLayout::digits: draw_digits(ui, key_w, key_h); break;
        default: draw_alpha(ui, key_w, key_h); break;
    }
    draw_bottom_row(ui, key_w, key_h);
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

}  // namespace madoguchi
