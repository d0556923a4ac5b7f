// CareersScreen: the fields of 【9】 on SectionScreen<Career>.
#include "screens/careers_screen.hpp"

#include <array>
#include <chrono>
#include <string_view>

#include "data/rules/age.hpp"
#include "services/section_service.hpp"

namespace madoguchi {
namespace {

// Stored codes of the employment categories (the catalog names them).
constexpr std::array<std::string_view, 6> kCategories = {"full_time", "contract", "dispatch",
                                                          "part_time", "freelance", "other"};

int category_index(const std::string& code) {
    for (std::size_t i = 0; i < kCategories.size(); ++i)
        if (kCategories[i] == code) return static_cast<int>(i);
    return -1;
}

}  // namespace

SectionService<Career>* CareersScreen::service(ScreenContext& ctx) const {
    return ctx.services.sections ? &ctx.services.sections->careers : nullptr;
}

RecordRow CareersScreen::row(Ui& ui, const Career& r) const {
    const bool ja = ui.strings.japanese();
    std::string detail = section_ui::year_month_label(r.period_from, ja) + " – " +
                         (r.period_to.empty() ? ui.t("careers.current") : section_ui::year_month_label(r.period_to, ja));
    return {r.company_name, detail, r.meta.sync_state};
}

void CareersScreen::load_form(const Career& r) {
    category_ = category_index(r.category);
    from_ = r.period_from;
    to_ = r.period_to;
    current_ = !r.meta.client_id.empty() && r.period_to.empty();
    company_.value = r.company_name;
    duties_.value = r.duties;
    url_.value = r.company_url;
    role_.value = r.role;
    environment_.value = r.environment;
    team_size_.value = r.team_size ? std::to_string(*r.team_size) : "";
    attachments_ = r.attachments;
    previews_.clear();
    previews_.resize(attachments_.size());
    capturing_ = false;
    attach_error_.reset();
    confirmed_remove_.reset();
    ++form_generation_;
}

Career CareersScreen::collect() const {
    Career c;
    c.category = category_ >= 0 ? std::string(kCategories[static_cast<std::size_t>(category_)]) : "";
    c.period_from = from_;
    c.period_to = current_ ? YearMonth{} : to_;
    c.company_name = company_.value;
    c.duties = duties_.value;
    c.company_url = url_.value;
    c.role = role_.value;
    c.environment = environment_.value;
    if (!team_size_.value.empty()) {
        // The digits pad types digits only; an over-long number is left to the range rule.
        c.team_size = team_size_.value.size() > 7 ? -1 : std::stoi(team_size_.value);
    }
    c.attachments = attachments_;
    return c;
}

TextField* CareersScreen::field_for(const std::string& member) {
    if (member == "company_name") return &company_;
    if (member == "duties") return &duties_;
    if (member == "company_url") return &url_;
    if (member == "role") return &role_;
    if (member == "environment") return &environment_;
    if (member == "team_size") return &team_size_;
    return nullptr;
}

void CareersScreen::draw_fields(Ui& ui, ScreenContext& ctx) {
    const int year = japan_date(std::chrono::system_clock::now()).year;
    // Step 1
    ui::text(ui, ui.t("careers.category"));
    ImGui::SameLine();
    ui::requirement_badge(ui, true);
    std::vector<std::string> names;
    for (auto code : kCategories) names.push_back(ui.t("careers.category." + std::string(code)));
    ui::select_list(ui, "careers.category", "", names, category_, 5.4f);
    field_error(ui, "category");
    // Step 2
    section_ui::year_month_picker(ui, "careers.from", ui.t("careers.from"), from_, 1950, year, YearMonth{year - 3, 4});
    field_error(ui, "period_from");
    ui::toggle(ui, "careers.current_toggle", ui.t("careers.current_toggle"), current_);
    if (!current_) {
        section_ui::year_month_picker(ui, "careers.to", ui.t("careers.to"), to_, 1950, year,
                                      from_.empty() ? YearMonth{year, 3} : from_);
    }
    field_error(ui, "period_to");
    // Steps 3–8
    ui::text_field(ui, "careers.company", ui.t("careers.company"), company_);
    ui::text_field(ui, "careers.duties", ui.t("careers.duties"), duties_, ui.t("careers.duties_hint"));
    ui::text_field(ui, "careers.url", ui.t("careers.url"), url_, "https://example.co.jp");
    ui::text_field(ui, "careers.role", ui.t("careers.role"), role_, ui.t("careers.role_hint"));
    ui::text_field(ui, "careers.environment", ui.t("careers.environment"), environment_,
                   ui.t("careers.environment_hint"));
    ui::text_field(ui, "careers.team_size", ui.t("careers.team_size"), team_size_, "5");
    draw_attachments(ui, ctx);
}

void CareersScreen::draw_attachments(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    CareerAttachmentService& service = ctx.services.sections->attachments;
    if (confirmed_remove_) {
        // Only the form forgets it; the stored record keeps it until 更新する,
        // after which the store erases the file (no record refers to it).
        if (*confirmed_remove_ < attachments_.size()) {
            attachments_.erase(attachments_.begin() + static_cast<std::ptrdiff_t>(*confirmed_remove_));
            previews_.erase(previews_.begin() + static_cast<std::ptrdiff_t>(*confirmed_remove_));
        }
        confirmed_remove_.reset();
    }
    previews_.resize(attachments_.size());

    ImGui::Dummy(ImVec2(0, m.gap() * 0.5f));
    ui::text(ui, ui.t("careers.attachments"));
    ImGui::SameLine();
    ui::requirement_badge(ui, false);
    ui::text_wrapped(ui, ui.t("careers.attachments_note"), theme::kMuted);
    const ImVec2 thumb(m.em * 5.0f, m.em * 3.75f);
    for (std::size_t i = 0; i < attachments_.size(); ++i) {
        const CareerAttachment& a = attachments_[i];
        Preview& p = previews_[i];
        if (!p.tried) {
            p.tried = true;
            if (auto img = service.thumbnail(ctx.session.account_client_id, a.file_id)) p.view.set_image(*img);
        }
        const std::string id = "careers.attachment." + std::to_string(i);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        // Each thumbnail in its own child (own draw list: a photo's many
        // rectangles never share the form's 16-bit vertex budget); it takes
        // no input, so a drag over it still scrolls the form.
        ImGui::BeginChild((id + ".thumb").c_str(), thumb, false,
                          ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoScrollbar |
                              ImGuiWindowFlags_NoScrollWithMouse);
        if (ImGui::IsRectVisible(at, ImVec2(at.x + thumb.x, at.y + thumb.y))) {
            ImDrawList* dl = ImGui::GetWindowDrawList();
            dl->AddRectFilled(at, ImVec2(at.x + thumb.x, at.y + thumb.y), theme::kSecondary, 4.0f);
            if (!p.view.empty()) {
                p.view.draw(dl, at, thumb);
            } else {
                const std::string& none = ui.t("careers.attachment_no_preview");
                ui.fonts.note(none);
                const ImVec2 sz = ImGui::CalcTextSize(none.c_str());
                dl->AddText(ImVec2(at.x + (thumb.x - sz.x) * 0.5f, at.y + (thumb.y - sz.y) * 0.5f),
                            theme::kMuted, none.c_str());
            }
        }
        ImGui::EndChild();
        ui.registry.record({id, a.file_name, WidgetKind::text, {at.x, at.y, thumb.x, thumb.y}, true, true,
                            a.file_name, {}});
        ui.registry.record({id + ".preview", "", WidgetKind::text, {at.x, at.y, thumb.x, thumb.y}, true, true,
                            p.view.empty() ? "none" : "shown", {}});
        ImGui::SameLine(0, m.em * 0.6f);
        ImGui::BeginGroup();
        ui::text(ui, a.file_name);
        if (ui::button(ui, id + ".remove", ui.t("careers.attachment_remove"),
                       {ui::ButtonStyle::danger, !capturing_, 0, 0})) {
            const std::size_t index = i;
            std::weak_ptr<int> alive = alive_;
            const int generation = form_generation_;
            ctx.nav.confirm(ui.t("careers.attachment_remove_title"),
                            a.file_name + "\n" + ui.t("careers.attachment_remove_body"),
                            ui.t("careers.attachment_remove"), [this, alive, generation, index] {
                                if (!alive.expired() && generation == form_generation_) confirmed_remove_ = index;
                            });
        }
        ImGui::EndGroup();
        ImGui::Dummy(ImVec2(0, m.gap() * 0.3f));
    }

    const bool room = CareerAttachmentService::check_room(attachments_.size()).ok();
    const ui::ButtonOpts opts{ui::ButtonStyle::secondary, !capturing_ && room && service.has_camera(), 0, 0};
    if (ui::button(ui, "careers.attach.camera", ui.t("careers.attach_camera"), opts))
        start_capture(ui, ctx, AttachmentSource::camera);
    ImGui::SameLine(0, m.em * 0.6f);
    ui::ButtonOpts scan = opts;
    scan.enabled = !capturing_ && room && service.has_scanner();
    if (ui::button(ui, "careers.attach.scanner", ui.t("careers.attach_scanner"), scan))
        start_capture(ui, ctx, AttachmentSource::scanner);
    std::string status = capturing_ ? "capturing" : (attach_error_ ? "error" : "idle");
    if (capturing_) ui::text(ui, ui.t("careers.attach_capturing"), theme::kMuted);
    if (!room) {
        const Status full = CareerAttachmentService::check_room(attachments_.size());
        const std::string why = ui.msg(full.error());
        ui::text_wrapped(ui, why, theme::kMuted);
        ui.registry.record({"careers.attachments.limit", "", WidgetKind::text, {}, true, true, why, {}});
    }
    if (!service.has_camera() && !service.has_scanner())
        ui::text_wrapped(ui, ui.t("careers.attach_no_device"), theme::kMuted);
    if (attach_error_) ui::error_text(ui, *attach_error_);
    ui.registry.record({"careers.attachments.status", "", WidgetKind::text, {}, true, true, status,
                        attach_error_ ? ui.msg(*attach_error_) : std::string()});
    ui.registry.record({"careers.attachments.count", "", WidgetKind::text, {}, true, true,
                        std::to_string(attachments_.size()), {}});
    field_error(ui, "attachments");
}

void CareersScreen::start_capture(Ui& ui, ScreenContext& ctx, AttachmentSource source) {
    attach_error_.reset();
    std::weak_ptr<int> alive = alive_;
    const int generation = form_generation_;
    const bool started = ctx.services.sections->attachments.capture(
        ctx.session.account_client_id, source, attachments_.size(),
        [this, alive, generation](AttachmentCaptureOutcome out) {
            if (alive.expired() || generation != form_generation_) return;
            capturing_ = false;
            if (!out.ok()) {
                attach_error_ = out.error;
                return;
            }
            attachments_.push_back(out.attachment);
            previews_.resize(attachments_.size());
            previews_.back().tried = true;
            previews_.back().view.set_image(out.thumbnail);
        });
    capturing_ = started;
    if (!started) attach_error_ = Error{"attachments.busy", "attachments", ui.t("careers.attach_busy"),
                                        ui.t("careers.attach_busy")};
}

}  // namespace madoguchi
