// NdaScreen: read to the end, type the name, sign, agree.
#include "screens/nda_screen.hpp"

#include <imgui.h>

#include <ctime>

#include "kiosk/ui/widgets.hpp"

namespace madoguchi {
namespace {

const char* language_code(Language l) { return l == Language::en ? "en" : "ja"; }

// The agreement day as people at the kiosk read it (JST, UTC+9, no DST).
std::string jst_date(std::int64_t ms) {
    const std::time_t t = static_cast<std::time_t>(ms / 1000 + 9 * 3600);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

const char* status_code(NdaAgreementState s) {
    switch (s) {
        case NdaAgreementState::agreed_current: return "agreed";
        case NdaAgreementState::agreed_older: return "new_version";
        default: return "not_agreed";
    }
}

}  // namespace

void NdaScreen::on_enter(ScreenContext& ctx) { load(ctx); }

void NdaScreen::load(ScreenContext& ctx) {
    // Texts and state are small local reads (a few kB, a few rows).
    loaded_ = true;
    loaded_language_ = ctx.session.language;
    reached_end_ = false;
    page_request_ = 0;
    doc_.reset();
    load_error_.reset();
    if (!ctx.services.nda) return;
    auto doc = ctx.services.nda->current(language_code(ctx.session.language));
    if (!doc) {
        load_error_ = doc.error();
        return;
    }
    doc_ = std::move(*doc);
    if (auto s = ctx.services.nda->status(ctx.session.account_client_id)) status_ = std::move(*s);
    else load_error_ = s.error();
    if (auto n = ctx.services.nda->expected_name(ctx.session.account_client_id)) expected_name_ = *n;
}

void NdaScreen::draw(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    if (!ctx.services.nda) {
        ui::text_wrapped(ui, ui.t("nda.unavailable"), theme::kError);
        return;
    }
    // The person switched language: show (and later record) the other text;
    // what was typed and signed stays.
    if (!loaded_ || loaded_language_ != ctx.session.language) load(ctx);
    if (load_error_ || !doc_) {
        if (load_error_) ui::error_text(ui, *load_error_);
        return;
    }

    const NdaAgreementState state = status_.state;
    const std::string notice = state == NdaAgreementState::agreed_older ? ui.t("nda.new_version")
                               : state == NdaAgreementState::agreed_current
                                   ? ui.t("nda.agreed_on") + jst_date(status_.latest->agreed_at_ms) + "　" +
                                         ui.t("nda.agreed_name") + status_.latest->typed_name
                                   : ui.t("nda.intro");
    ui::text_wrapped(ui, notice, state == NdaAgreementState::agreed_older ? theme::kError : theme::kText);
    ui.registry.record({"nda.status", notice, WidgetKind::text, {}, true, true, status_code(state), {}});
    const std::string version = ui.t("nda.version") + doc_->version;
    ui::text(ui, version, theme::kMuted);
    ui.registry.record({"nda.version", version, WidgetKind::text, {}, true, true, doc_->version, {}});
    ImGui::Dummy(ImVec2(0, m.gap() * 0.5f));

    draw_text(ui);
    if (state != NdaAgreementState::agreed_current) draw_form(ui, ctx);
}

void NdaScreen::draw_text(Ui& ui) {
    const auto& m = ui.metrics;
    const float buttons_w = m.em * 5.0f;
    const float text_w = ImGui::GetContentRegionAvail().x - buttons_w - m.gap();
    const float text_h = m.em * 11.0f;

    ImGui::BeginGroup();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(theme::kSurface));
    ui::begin_drag_scroll(ui, "nda.text", ImVec2(text_w, text_h));
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseClicked[0] && ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows)) text_drag_ = true;
    if (!io.MouseDown[0]) text_drag_ = false;
    if (page_request_ != 0) {
        ImGui::SetScrollY(ImGui::GetScrollY() + page_request_ * text_h * 0.8f);
        page_request_ = 0;
    }
    const float scroll = ImGui::GetScrollY(), scroll_max = ImGui::GetScrollMaxY();
    // Scroll chaining, as touch screens do it: a drag in the text scrolls the
    // text while it can move that way, then the page around it.
    const bool text_can_move =
        (io.MouseDelta.y < 0 && scroll < scroll_max - 0.5f) || (io.MouseDelta.y > 0 && scroll > 0.5f);
    const bool hold_page = text_drag_ && text_can_move;
    ui::text_wrapped(ui, doc_->text);
    // The end of the text: once this line has been on screen, the person
    // has had the whole text in front of them.
    ImGui::Dummy(ImVec2(1, m.em * 0.5f));
    end_visible_ = ImGui::IsItemVisible();
    if (end_visible_) reached_end_ = true;
    ui::end_drag_scroll(ui);
    ImGui::PopStyleColor();
    ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), theme::kBorder, 0, 0, 2.0f);
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ui.registry.record({"nda.text", doc_->version, WidgetKind::text, {a.x, a.y, b.x - a.x, b.y - a.y}, true,
                        ImGui::IsItemVisible(), reached_end_ ? "end" : "reading", {}});
    if (hold_page) ImGui::SetScrollY(ImGui::GetScrollY());
    ImGui::EndGroup();

    ImGui::SameLine(0, m.gap());
    ImGui::BeginGroup();
    ui::ButtonOpts o;
    o.width = buttons_w;
    o.height = (text_h - m.gap()) * 0.5f;
    o.enabled = scroll > 0.5f;
    if (ui::button(ui, "nda.page_up", ui.t("nda.page_up"), o)) page_request_ = -1;
    o.enabled = !end_visible_;
    if (ui::button(ui, "nda.page_down", ui.t("nda.page_down"), o)) page_request_ = 1;
    ImGui::EndGroup();

    const std::string& hint = ui.t(reached_end_ ? "nda.read_done" : "nda.read_to_end");
    ui::text_wrapped(ui, hint, reached_end_ ? theme::kMuted : theme::kError);
    ImGui::Dummy(ImVec2(0, m.gap()));
}

void NdaScreen::draw_form(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    ui::text_field(ui, "nda.name", ui.t("nda.name"), name_,
                   expected_name_.empty() ? ui.t("nda.name_hint") : ui.t("nda.name_hint_profile"));
    // Not the full width: the page can still be scrolled by dragging beside it.
    pad_.draw(ui, "nda.signature", ui.t("nda.signature"), 6.0f);
    ImGui::Dummy(ImVec2(0, m.gap()));
    if (form_error_) {
        ui::error_text(ui, *form_error_);
        ui.registry.record({"nda.error", "", WidgetKind::text, {}, true, true, ui.msg(*form_error_),
                            ui.msg(*form_error_)});
    }
    ui::ButtonOpts o;
    o.style = ui::ButtonStyle::primary;
    o.width = -1;
    o.enabled = reached_end_;
    if (ui::button(ui, "nda.agree", ui.t("nda.agree"), o)) agree(ui, ctx);
}

void NdaScreen::agree(Ui& ui, ScreenContext& ctx) {
    name_.error.reset();
    pad_.error.reset();
    form_error_.reset();

    NdaAgreeRequest r;
    r.version = doc_->version;
    r.language = doc_->language;
    r.sha256 = doc_->sha256;
    r.typed_name = name_.value;
    const Status signed_ok = ui::check_signature(pad_.strokes());
    if (!signed_ok) {
        pad_.error = signed_ok.error();
    } else if (auto png = ui::signature_png(pad_.strokes())) {
        r.signature_png = std::move(*png);
    } else {
        form_error_ = png.error();
    }

    auto out = ctx.services.nda->agree(ctx.session.account_client_id, r);
    if (!out.ok() || !signed_ok || form_error_) {
        for (const Error& e : out.errors) {
            if (e.field == "typed_name") {
                if (!name_.error) name_.error = e;
            } else if (e.field == "signature_file_id") {
                if (!pad_.error) pad_.error = e;
            } else if (e.code == "nda.text_changed") {
                form_error_ = e;
                load(ctx);  // show the new text; it must be read to the end again
            } else if (!form_error_) {
                form_error_ = e;
            }
        }
        ui.toasts.show(ui.t("form.fix_errors"), ToastKind::error, ui.clock.now_ms());
        return;
    }
    ui.toasts.show(ui.t("nda.agreed"), ToastKind::success, ui.clock.now_ms());
    pad_.clear();
    name_.clear();
    ctx.nav.pop();  // back to My page, which shows the section as done
}

}  // namespace madoguchi
