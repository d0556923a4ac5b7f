// BankAccountScreen: lookup, ゆうちょ conversion, confirmation, masked display (【12】).
#include "screens/bank_account_screen.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>

#include "data/rules/yucho.hpp"
#include "kiosk/ui/form_row.hpp"
#include "kiosk/ui/widgets.hpp"
#include "services/bank_account_service.hpp"

namespace madoguchi {
namespace {

constexpr std::array<AccountType, 3> kTypes{AccountType::ordinary, AccountType::current, AccountType::savings};

int type_index(AccountType t) {
    for (std::size_t i = 0; i < kTypes.size(); ++i)
        if (kTypes[i] == t) return static_cast<int>(i);
    return 0;
}

const char* type_key(AccountType t) {
    switch (t) {
        case AccountType::current: return "bank.type.current";
        case AccountType::savings: return "bank.type.savings";
        default: return "bank.type.ordinary";
    }
}

// One read-only line of the confirmation / saved view, registered so tests
// read exactly what the screen shows.
void shown_row(Ui& ui, const std::string& id, const std::string& label, const std::string& value) {
    ui::text(ui, label, theme::kMuted);
    ImGui::SameLine(ui.metrics.em * 9);
    ui::text(ui, value);
    ui.registry.record({id, label, WidgetKind::text, {}, true, true, value, {}});
}

}  // namespace

void BankAccountScreen::on_enter(ScreenContext& ctx) { reload(ctx); }

void BankAccountScreen::on_exit(ScreenContext&) { forget_number(); }

void BankAccountScreen::reload(ScreenContext& ctx) {
    saved_.reset();
    if (ctx.services.bank_accounts) {
        if (auto r = ctx.services.bank_accounts->load(ctx.session.account_client_id); r && r->has_value())
            saved_ = std::move(**r);
    }
    if (saved_) step_ = Step::view;
    else start_form(nullptr);
}

void BankAccountScreen::forget_number() {
    number_.clear();
    bango_.clear();
    pending_.account_number.clear();
    yucho_summary_.clear();
}

void BankAccountScreen::start_form(const BankAccount* from) {
    step_ = Step::form;
    clear_errors();
    forget_number();  // the stored number is never put back on screen: it is typed again
    if (from) {
        mode_ = from->bank_code == kYuchoBankCode ? 1 : 0;
        bank_ = Bank{from->bank_code, from->bank_name, {}, {}, {}};
        branch_ = Branch{from->bank_code, from->branch_code, from->branch_name, {}, {}, {}};
        type_ = type_index(from->type);
    }
}

void BankAccountScreen::clear_errors() {
    TextField* fields[] = {&bank_query_, &branch_query_, &kigo_, &bango_, &number_, &holder_family_, &holder_given_};
    for (TextField* f : fields) f->error.reset();
    other_errors_.clear();
}

BankAccountInput BankAccountScreen::input() const {
    BankAccountInput in;
    if (bank_) {
        in.bank_code = bank_->code;
        in.bank_name = bank_->name;
    }
    if (branch_) {
        in.branch_code = branch_->code;
        in.branch_name = branch_->name;
    }
    in.type = kTypes[static_cast<std::size_t>(type_)];
    in.account_number = number_.value;
    in.holder_family = holder_family_.value;
    in.holder_given = holder_given_.value;
    return in;
}

void BankAccountScreen::show_errors(const std::vector<Error>& errors) {
    for (const Error& e : errors) {
        TextField* f = e.field == "bank_code"          ? &bank_query_
                       : e.field == "branch_code"      ? &branch_query_
                       : e.field == "yucho_kigo"       ? &kigo_
                       : e.field == "yucho_bango"      ? &bango_
                       : e.field == "account_number"   ? &number_
                       : e.field == "holder_family"    ? &holder_family_
                       : e.field == "holder_name_kana" ? &holder_family_
                       : e.field == "holder_given"     ? &holder_given_
                                                       : nullptr;
        // In ゆうちょ mode the branch and number come from 記号・番号.
        if (mode_ == 1 && (e.field == "branch_code" || e.field == "account_number")) f = &bango_;
        if (f) {
            if (!f->error) f->error = e;
        } else {
            other_errors_.push_back(e);
        }
    }
}

void BankAccountScreen::field_errors(Ui& ui, const std::string& field) {
    for (const Error& e : other_errors_) {
        if (e.field != field) continue;
        ui::error_text(ui, e);
        ui.registry.record({"bank." + field + ".error", "", WidgetKind::text, {}, true, true, ui.msg(e), ui.msg(e)});
    }
}

void BankAccountScreen::review(Ui& ui, ScreenContext& ctx) {
    clear_errors();
    if (!ctx.services.bank_accounts) {
        ui.toasts.show(ui.t("service.unavailable"), ToastKind::error, ui.clock.now_ms());
        return;
    }
    if (mode_ == 1) {  // ゆうちょ: 記号・番号 decide branch, type and number
        auto conv = ctx.services.bank_accounts->convert_yucho(kigo_.value, bango_.value);
        if (!conv) {
            show_errors({conv.error()});
            ui.toasts.show(ui.t("form.fix_errors"), ToastKind::error, ui.clock.now_ms());
            return;
        }
        bank_ = Bank{std::string(kYuchoBankCode), "ゆうちょ", {}, {}, {}};
        if (auto found = ctx.services.bank_accounts->search_banks(kYuchoBankCode, 1); !found.empty())
            bank_ = found.front();
        branch_ = Branch{bank_->code, conv->branch_code, conv->branch_name, conv->branch_kana, {}, {}};
        type_ = type_index(conv->type);
        number_.value = conv->account_number;
    }
    auto out = ctx.services.bank_accounts->check(input());
    if (!out.ok()) {
        show_errors(out.errors);
        ui.toasts.show(ui.t("form.fix_errors"), ToastKind::error, ui.clock.now_ms());
        return;
    }
    pending_ = std::move(out.account);
    zeros_padded_ = out.zeros_padded;
    step_ = Step::confirm;
    ui.toasts.clear();  // an earlier 「入力内容にエラー」 toast no longer applies
}

void BankAccountScreen::save(Ui& ui, ScreenContext& ctx) {
    auto out = ctx.services.bank_accounts->save(ctx.session.account_client_id, input());
    if (!out.ok()) {
        step_ = Step::form;
        show_errors(out.errors);
        ui.toasts.show(ui.t("form.fix_errors"), ToastKind::error, ui.clock.now_ms());
        return;
    }
    saved_ = std::move(out.account);
    forget_number();
    holder_family_.clear();
    holder_given_.clear();
    step_ = Step::view;
    ui.toasts.clear();  // one 「登録しました」, not a stack of earlier ones
    ui.toasts.show(ui.t("bank.saved"), ToastKind::success, ui.clock.now_ms());
}

void BankAccountScreen::draw_view(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    const BankAccount& b = *saved_;
    ui::text_wrapped(ui, ui.t("bank.saved_intro"), theme::kMuted);
    ImGui::Dummy(ImVec2(0, m.gap()));
    shown_row(ui, "bank.saved.bank", ui.t("bank.bank"), b.bank_name + "（" + b.bank_code + "）");
    shown_row(ui, "bank.saved.branch", ui.t("bank.branch"), b.branch_name + "（" + b.branch_code + "）");
    shown_row(ui, "bank.saved.type", ui.t("bank.type"), ui.t(type_key(b.type)));
    shown_row(ui, "bank.saved.number", ui.t("bank.number"), masked_account_number(b.account_number));
    shown_row(ui, "bank.saved.holder", ui.t("bank.holder"), b.holder_name_kana);
    ImGui::Dummy(ImVec2(0, m.gap()));
    if (ui::button(ui, "bank.edit", ui.t("bank.edit"), {ui::ButtonStyle::primary, true, m.em * 10, 0}))
        start_form(&*saved_);
    ImGui::SameLine();
    if (ui::button(ui, "bank.delete", ui.t("bank.delete"), {ui::ButtonStyle::danger, true, m.em * 10, 0})) {
        ctx.nav.confirm(ui.t("bank.delete_title"), ui.t("bank.delete_body"), ui.t("bank.delete"),
                        [this, alive = std::weak_ptr<int>(alive_), svc = &ctx.services,
                         owner = ctx.session.account_client_id] {
                            if (alive.expired() || !svc->bank_accounts) return;
                            if (svc->bank_accounts->remove(owner)) {
                                saved_.reset();
                                bank_.reset();
                                branch_.reset();
                                start_form(nullptr);
                            }
                        });
    }
}

void BankAccountScreen::draw_bank_choice(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    if (bank_) {
        shown_row(ui, "bank.bank_chosen", ui.t("bank.bank"), bank_->name + "（" + bank_->code + "）");
        if (ui::button(ui, "bank.bank_change", ui.t("bank.change"), {ui::ButtonStyle::quiet, true, m.em * 8, 0})) {
            bank_.reset();
            branch_.reset();
        }
        return;
    }
    ui::text_field(ui, "bank.bank_query", ui.t("bank.bank_query"), bank_query_, ui.t("bank.bank_query_hint"));
    if (bank_query_.value != bank_query_seen_ && ctx.services.bank_accounts) {
        bank_query_seen_ = bank_query_.value;
        bank_results_ = ctx.services.bank_accounts->search_banks(bank_query_.value, 8);
    }
    if (ctx.services.bank_accounts && !ctx.services.bank_accounts->directory_available())
        ui::text_wrapped(ui, ui.t("bank.directory_missing"), theme::kError);
    else if (!bank_query_.value.empty() && bank_results_.empty())
        ui::text_wrapped(ui, ui.t("bank.no_bank"), theme::kMuted);
    for (std::size_t i = 0; i < bank_results_.size(); ++i) {
        const Bank& b = bank_results_[i];
        if (ui::button(ui, "bank.bank_result." + std::to_string(i), b.name + "（" + b.kana + "）  " + b.code,
                       {ui::ButtonStyle::secondary, true, -1, 0})) {
            bank_ = b;
            branch_.reset();
            bank_query_.error.reset();
            bank_results_.clear();
            bank_query_.clear();
            bank_query_seen_.clear();
            break;
        }
    }
}

void BankAccountScreen::draw_branch_choice(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    if (!bank_) {
        ui::text_wrapped(ui, ui.t("bank.branch_after_bank"), theme::kMuted);
        if (branch_query_.error) ui::error_text(ui, *branch_query_.error);
        ui.registry.record({"bank.branch_query", "", WidgetKind::text, {}, true, true, {},
                            branch_query_.error ? ui.msg(*branch_query_.error) : std::string{}});
        return;
    }
    if (branch_) {
        shown_row(ui, "bank.branch_chosen", ui.t("bank.branch"), branch_->name + "（" + branch_->code + "）");
        if (ui::button(ui, "bank.branch_change", ui.t("bank.change"), {ui::ButtonStyle::quiet, true, m.em * 8, 0}))
            branch_.reset();
        return;
    }
    ui::text_field(ui, "bank.branch_query", ui.t("bank.branch_query"), branch_query_, ui.t("bank.branch_query_hint"));
    if (branch_query_.value != branch_query_seen_ && ctx.services.bank_accounts) {
        branch_query_seen_ = branch_query_.value;
        branch_results_ = ctx.services.bank_accounts->search_branches(bank_->code, branch_query_.value, 8);
    }
    if (!branch_query_.value.empty() && branch_results_.empty())
        ui::text_wrapped(ui, ui.t("bank.no_branch"), theme::kMuted);
    for (std::size_t i = 0; i < branch_results_.size(); ++i) {
        const Branch& b = branch_results_[i];
        if (ui::button(ui, "bank.branch_result." + std::to_string(i), b.name + "（" + b.kana + "）  " + b.code,
                       {ui::ButtonStyle::secondary, true, -1, 0})) {
            branch_ = b;
            branch_query_.error.reset();
            branch_results_.clear();
            branch_query_.clear();
            branch_query_seen_.clear();
            break;
        }
    }
}

void BankAccountScreen::draw_padded_number(Ui& ui) {
    // While typing (before saving, when the field itself shows the digits):
    // a 1–6 digit number is shown as the 7 digits it will be stored as.
    const std::string padded = padded_account_number(number_.value);
    if (padded.empty() || number_.error) return;
    const std::string line = ui.t("bank.number_padded_preview") + " " + padded;
    ui::text(ui, line, theme::kPrimary);
    ui.registry.record({"bank.number_padded", "", WidgetKind::text, {}, true, true, padded, {}});
}

void BankAccountScreen::draw_yucho(Ui& ui, ScreenContext& ctx) {
    ui::text_wrapped(ui, ui.t("bank.yucho_intro"), theme::kMuted);
    ui::text_field(ui, "bank.yucho_kigo", ui.t("bank.yucho_kigo"), kigo_, ui.t("bank.yucho_kigo_hint"));
    ui::text_field(ui, "bank.yucho_bango", ui.t("bank.yucho_bango"), bango_, ui.t("bank.yucho_bango_hint"));
    if (ui::button(ui, "bank.yucho_convert", ui.t("bank.yucho_convert"),
                   {ui::ButtonStyle::secondary, true, ui.metrics.em * 12, 0})) {
        kigo_.error.reset();
        bango_.error.reset();
        yucho_summary_.clear();
        if (ctx.services.bank_accounts) {
            auto conv = ctx.services.bank_accounts->convert_yucho(kigo_.value, bango_.value);
            if (!conv) show_errors({conv.error()});
            else
                yucho_summary_ = ui.t("bank.branch") + " " + conv->branch_name + "（" + conv->branch_code + "）  " +
                                 ui.t(type_key(conv->type)) + "  " + ui.t("bank.number") + " " +
                                 masked_account_number(conv->account_number);
        }
    }
    if (!yucho_summary_.empty()) {
        ui::text(ui, yucho_summary_);
        ui.registry.record({"bank.yucho_result", "", WidgetKind::text, {}, true, true, yucho_summary_, {}});
    }
}

void BankAccountScreen::draw_form(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    auto heading = [&](const char* key) { ui::step_heading(ui, ui.t(key)); };
    ui::text_wrapped(ui, ui.t("bank.intro"), theme::kMuted);
    const int before = mode_;
    ui::segmented(ui, "bank.mode", ui.t("bank.mode"), {ui.t("bank.mode.bank"), ui.t("bank.mode.yucho")}, mode_);
    if (mode_ != before) {
        clear_errors();
        bank_.reset();
        branch_.reset();
    }
    if (mode_ == 0) {
        heading("bank.step.bank");
        draw_bank_choice(ui, ctx);
        field_errors(ui, "bank_name");
        heading("bank.step.branch");
        draw_branch_choice(ui, ctx);
        field_errors(ui, "branch_name");
        heading("bank.step.type");
        ui::segmented(ui, "bank.type", ui.t("bank.type"),
                      {ui.t("bank.type.ordinary"), ui.t("bank.type.current"), ui.t("bank.type.savings")}, type_);
        field_errors(ui, "type");
        heading("bank.step.number");
        ui::text_field(ui, "bank.number", ui.t("bank.number"), number_, ui.t("bank.number_hint"));
        draw_padded_number(ui);
        ui::text_wrapped(ui, ui.t("bank.number_note"), theme::kMuted);
    } else {
        heading("bank.step.yucho");
        draw_yucho(ui, ctx);
    }
    heading("bank.step.holder");
    ui::text_field(ui, "bank.holder_family", ui.t("bank.holder_family"), holder_family_,
                   ui.t("bank.holder_family_hint"));
    ui::text_field(ui, "bank.holder_given", ui.t("bank.holder_given"), holder_given_, ui.t("bank.holder_given_hint"));
    ui::text_wrapped(ui, ui.t("bank.holder_note"), theme::kMuted);
    for (const Error& e : other_errors_)
        if (e.field.empty() || e.field == "bank_code" || e.field == "branch_code") ui::error_text(ui, e);
    ImGui::Dummy(ImVec2(0, m.gap()));
    if (ui::button(ui, "bank.review", ui.t("bank.review"), {ui::ButtonStyle::primary, true, m.em * 12, 0}))
        review(ui, ctx);
    if (saved_) {
        ImGui::SameLine();
        if (ui::button(ui, "bank.form_cancel", ui.t("common.cancel"), {ui::ButtonStyle::quiet, true, m.em * 8, 0})) {
            forget_number();
            step_ = Step::view;
        }
    }
}

void BankAccountScreen::draw_confirm(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    ui::title(ui, ui.t("bank.confirm_title"));
    ui::text_wrapped(ui, ui.t("bank.confirm_intro"), theme::kMuted);
    ImGui::Dummy(ImVec2(0, m.gap()));
    shown_row(ui, "bank.confirm.bank", ui.t("bank.bank"), pending_.bank_name + "（" + pending_.bank_code + "）");
    shown_row(ui, "bank.confirm.branch", ui.t("bank.branch"), pending_.branch_name + "（" + pending_.branch_code + "）");
    shown_row(ui, "bank.confirm.type", ui.t("bank.type"), ui.t(type_key(pending_.type)));
    shown_row(ui, "bank.confirm.number", ui.t("bank.number"), masked_account_number(pending_.account_number));
    if (zeros_padded_ > 0) {
        // JAPAN.md pads 1–6 digits to 7: said here so a missed digit is noticed.
        const std::string note = ui.t("bank.number_padded_" + std::to_string(std::min<std::size_t>(zeros_padded_, 6)));
        ui::text_wrapped(ui, "※ " + note, theme::kMuted);
        ui.registry.record({"bank.confirm.padded", "", WidgetKind::text, {}, true, true,
                            std::to_string(zeros_padded_), note});
    }
    shown_row(ui, "bank.confirm.holder", ui.t("bank.holder_zengin"), pending_.holder_name_kana);
    ui::text_wrapped(ui, ui.t("bank.holder_zengin_note"), theme::kMuted);
    ImGui::Dummy(ImVec2(0, m.gap()));
    if (ui::button(ui, "bank.save", ui.t("bank.save"), {ui::ButtonStyle::primary, true, m.em * 10, 0}))
        save(ui, ctx);
    ImGui::SameLine();
    if (ui::button(ui, "bank.back_to_form", ui.t("bank.back_to_form"), {ui::ButtonStyle::secondary, true, m.em * 10, 0}))
        step_ = Step::form;  // everything typed is still there
}

void BankAccountScreen::draw(Ui& ui, ScreenContext& ctx) {
    switch (step_) {
        case Step::view:
            if (saved_) draw_view(ui, ctx);
            else start_form(nullptr);
            break;
        case Step::form: draw_form(ui, ctx); break;
        case Step::confirm: draw_confirm(ui, ctx); break;
    }
}

}  // namespace madoguchi
