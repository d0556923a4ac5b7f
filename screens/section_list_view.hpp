// The chrome every record section (skills 【7】, qualifications 【8】, career 【9】,
// hobbies 【10】) shares: a list of the owner's records with their sync state
// and an add button; a form that says 登録する for a new record and
// 更新する / 削除する (after a confirmation) for a stored one; inline errors that
// keep what was typed; year-month pickers with 和暦; suggestion chips.
// SectionScreen<T> is the one implementation; each section screen only
// says which fields it has.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "data/datasets/suggestion_list.hpp"
#include "data/model/civil_date.hpp"
#include "data/model/record_meta.hpp"
#include "kiosk/screen.hpp"
#include "kiosk/ui/text_field.hpp"
#include "kiosk/ui/toasts.hpp"
#include "kiosk/ui/widgets.hpp"
#include "services/section_service.hpp"

namespace madoguchi {

// One line of a section list.
struct RecordRow {
    std::string title;
    std::string detail;
    SyncState state = SyncState::pending;
};

namespace section_ui {

// "送信待ち" / "Waiting to send" …
const std::string& sync_label(Ui& ui, SyncState s);
// The records as full-width rows "<prefix>.row.N" and the button
// "<prefix>.add"; returns the row tapped, -1 none, -2 for add.
int record_list(Ui& ui, const std::string& prefix, const std::vector<RecordRow>& rows);
// "2020年4月（令和2年）" / "Apr 2020 (Reiwa 2)"; empty for an empty month.
std::string year_month_label(const YearMonth& ym, bool japanese);
// Year (±1, ±10) and month steppers with the 西暦/和暦 label; an empty month
// shows "<id>.set" which starts at `start`. Registry value: "YYYY-MM" or "".
bool year_month_picker(Ui& ui, const std::string& id, const std::string& label, YearMonth& ym, int min_year,
                       int max_year, YearMonth start);
// Suggestions for what is typed; none once it is exactly one of them.
std::vector<const Suggestion*> suggestions_for(const SuggestionList* list, const std::string& typed,
                                               std::size_t max = 6);
// Tappable suggestions "<id>.N", wrapped over lines; returns the one tapped or -1.
int suggestion_chips(Ui& ui, const std::string& id, const std::vector<const Suggestion*>& items);
// Sets each error on its text field (first one wins) and collects the rest.
template <typename FieldFor>
Errors assign_errors(const Errors& errors, FieldFor&& field_for) {
    Errors rest;
    for (const Error& e : errors) {
        if (TextField* f = field_for(e.field)) {
            if (!f->error) f->error = e;
        } else {
            rest.push_back(e);
        }
    }
    return rest;
}

}  // namespace section_ui

template <typename T>
class SectionScreen : public Screen {
public:
    void on_enter(ScreenContext& ctx) override { reload(ctx); }
    void on_exit(ScreenContext&) override { close_form(); }

    void draw(Ui& ui, ScreenContext& ctx) override {
        if (!service(ctx)) {
            ui::text_wrapped(ui, ui.t("service.unavailable"), theme::kError);
            return;
        }
        if (!confirmed_delete_.empty()) apply_confirmed_delete(ui, ctx);
        if (form_open_) draw_form(ui, ctx);
        else draw_list(ui, ctx);
    }

protected:
    // What each section says about itself.
    virtual std::string prefix() const = 0;  // widget id prefix and catalog prefix, e.g. "skills"
    virtual SectionService<T>* service(ScreenContext& ctx) const = 0;
    virtual RecordRow row(Ui& ui, const T& r) const = 0;
    virtual void load_form(const T& r) = 0;  // a default T for a new record
    virtual T collect() const = 0;           // the form as a record (meta is added here)
    virtual void draw_fields(Ui& ui, ScreenContext& ctx) = 0;
    virtual std::vector<TextField*> text_fields() = 0;
    virtual TextField* field_for(const std::string& member) = 0;

    // Errors of controls that are not text fields (pickers, choices), shown
    // under them and recorded as "<prefix>.<member>.error".
    void field_error(Ui& ui, const std::string& member) {
        for (const Error& e : other_errors_) {
            if (e.field != member) continue;
            ui::error_text(ui, e);
            ui.registry.record({prefix() + "." + member + ".error", "", WidgetKind::text, {}, true, true, ui.msg(e),
                                ui.msg(e)});
        }
    }
    bool editing_existing() const { return !base_.meta.client_id.empty(); }

private:
    void reload(ScreenContext& ctx) {
        records_.clear();
        load_error_.reset();
        if (auto* s = service(ctx)) {
            auto got = s->list(ctx.session.account_client_id);
            if (got) records_ = std::move(*got);
            else load_error_ = got.error();
        }
    }

    void open_form(const T& r) {
        close_form();
        base_ = r;
        load_form(r);
        form_open_ = true;
    }

    void close_form() {
        for (TextField* f : text_fields()) f->clear();
        other_errors_.clear();
        base_ = T{};
        form_open_ = false;
    }

    void draw_list(Ui& ui, ScreenContext& ctx) {
        ui::text_wrapped(ui, ui.t(prefix() + ".intro"), theme::kMuted);
        if (load_error_) ui::error_text(ui, *load_error_);
        std::vector<RecordRow> rows;
        rows.reserve(records_.size());
        for (const T& r : records_) rows.push_back(row(ui, r));
        ui.registry.record(
            {prefix() + ".count", "", WidgetKind::text, {}, true, true, std::to_string(records_.size()), {}});
        if (rows.empty()) ui::text_wrapped(ui, ui.t(prefix() + ".empty"));
        const int tapped = section_ui::record_list(ui, prefix(), rows);
        if (tapped == -2) open_form(T{});
        else if (tapped >= 0) open_form(records_[static_cast<std::size_t>(tapped)]);
        (void)ctx;
    }

    void draw_form(Ui& ui, ScreenContext& ctx) {
        const auto& m = ui.metrics;
        ui::text(ui, ui.t(editing_existing() ? prefix() + ".edit_title" : prefix() + ".new_title"), theme::kMuted);
        draw_fields(ui, ctx);
        for (const Error& e : other_errors_)
            if (e.field.empty()) ui::error_text(ui, e);
        ImGui::Dummy(ImVec2(0, m.gap()));
        const ui::ButtonOpts primary{ui::ButtonStyle::primary, true, m.em * 9, 0};
        if (!editing_existing()) {
            if (ui::button(ui, prefix() + ".save", ui.t("sections.register"), primary)) submit(ui, ctx);
        } else {
            if (ui::button(ui, prefix() + ".update", ui.t("sections.update"), primary)) submit(ui, ctx);
            ImGui::SameLine(0, m.em);
            if (ui::button(ui, prefix() + ".delete", ui.t("sections.delete"),
                           {ui::ButtonStyle::danger, true, m.em * 7, m.primary_h()}))
                ask_delete(ui, ctx);
        }
        ImGui::SameLine(0, m.em);
        if (ui::button(ui, prefix() + ".cancel", ui.t("sections.back_to_list"), {ui::ButtonStyle::secondary, true, 0,
                                                                                  m.primary_h()}))
            close_form();
    }

    void submit(Ui& ui, ScreenContext& ctx) {
        for (TextField* f : text_fields()) f->error.reset();
        other_errors_.clear();
        T record = collect();
        record.meta = base_.meta;
        auto out = service(ctx)->save(ctx.session.account_client_id, std::move(record));
        if (!out.ok()) {
            other_errors_ =
                section_ui::assign_errors(out.errors, [this](const std::string& f) { return field_for(f); });
            ui.toasts.show(ui.t("form.fix_errors"), ToastKind::error, ui.clock.now_ms());
            return;  // the form keeps every typed value
        }
        const bool was_new = !editing_existing();
        close_form();
        reload(ctx);
        ui.toasts.show(ui.t(was_new ? "sections.saved" : "sections.updated"), ToastKind::success, ui.clock.now_ms());
    }

    // The confirmation runs its action after this frame's draw, with no Ui or
    // context to hand: it only marks the record, the next draw removes it.
    void ask_delete(Ui& ui, ScreenContext& ctx) {
        const std::string client_id = base_.meta.client_id;
        ctx.nav.confirm(ui.t("sections.delete_confirm_title"),
                        row(ui, base_).title + "\n" + ui.t("sections.delete_confirm_body"), ui.t("sections.delete"),
                        [this, client_id] { confirmed_delete_ = client_id; });
    }

    void apply_confirmed_delete(Ui& ui, ScreenContext& ctx) {
        const std::string client_id = std::move(confirmed_delete_);
        confirmed_delete_.clear();
        auto s = service(ctx)->remove(ctx.session.account_client_id, client_id);
        if (!s) {
            other_errors_.push_back(s.error());
            return;
        }
        close_form();
        reload(ctx);
        ui.toasts.show(ui.t("sections.deleted"), ToastKind::success, ui.clock.now_ms());
    }

    std::vector<T> records_;
    std::optional<Error> load_error_;
    bool form_open_ = false;
    T base_{};  // the stored record being edited (meta), or blank
    Errors other_errors_;
    std::string confirmed_delete_;  // client_id confirmed for removal
};

}  // namespace madoguchi
