// StaffRegistrantScreen: document type choice with its rules and warnings.
#include "screens/staff_registrant_screen.hpp"

#include <imgui.h>

#include <array>

#include "data/rules/validate_records.hpp"
#include "kiosk/ui/widgets.hpp"
#include "services/staff_service.hpp"

namespace madoguchi {
namespace {

struct Choice {
    DocumentType type;
    const char* id;
    const char* note_key;  // what staff must know about this document
};

constexpr std::array<Choice, 6> kChoices{{
    {DocumentType::drivers_license, "staff.type.drivers_license", "staff.note.drivers_license"},
    {DocumentType::passport, "staff.type.passport", "staff.note.passport"},
    {DocumentType::health_insurance_card, "staff.type.health_insurance_card", "staff.note.health_insurance_card"},
    {DocumentType::residence_record, "staff.type.residence_record", "staff.note.residence_record"},
    {DocumentType::residence_card, "staff.type.residence_card", "staff.note.residence_card"},
    {DocumentType::my_number_card_front, "staff.type.my_number_card_front", "staff.note.my_number_card_front"},
}};

}  // namespace

void StaffRegistrantScreen::on_enter(ScreenContext& ctx) {
    if (ctx.services.staff) ctx.services.staff->forget_draft_unless(ctx.session.serial);
}

void StaffRegistrantScreen::draw(Ui& ui, ScreenContext& ctx) {
    StaffService* staff = ctx.services.staff;
    if (!staff || staff->draft().registrant.empty()) {
        ui::text_wrapped(ui, ui.t("staff.no_registrant"), theme::kError);
        return;
    }
    CaptureDraft& draft = staff->draft();
    ui::title(ui, draft.registrant_label);
    // Always visible: the My Number rule is the one mistake that cannot be undone.
    {
        ImDrawList* list = ImGui::GetWindowDrawList();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float w = ImGui::GetContentRegionAvail().x;
        list->ChannelsSplit(2);
        list->ChannelsSetCurrent(1);
        ImGui::Indent(ui.metrics.pad() * 0.5f);
        ImGui::Dummy(ImVec2(0, ui.metrics.gap() * 0.5f));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w - ui.metrics.pad());
        ui::text_wrapped(ui, ui.t("staff.my_number_warning"), theme::kError);
        ImGui::PopTextWrapPos();
        ImGui::Unindent(ui.metrics.pad() * 0.5f);
        const float h = ImGui::GetCursorScreenPos().y - p.y + ui.metrics.gap() * 0.5f;
        list->ChannelsSetCurrent(0);
        list->AddRectFilled(p, ImVec2(p.x + w, p.y + h), theme::kErrorBg, 6.0f);
        list->AddRect(p, ImVec2(p.x + w, p.y + h), theme::kError, 6.0f, 0, 2.0f);
        list->ChannelsMerge();
        ui.registry.record({"staff.my_number_warning", "", WidgetKind::text, {p.x, p.y, w, h}, true, true,
                            "", ui.t("staff.my_number_warning")});
        ImGui::Dummy(ImVec2(0, ui.metrics.gap()));
    }

    const float bottom = ui.metrics.primary_h() + ui.metrics.gap() * 2;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    ui::begin_drag_scroll(ui, "staff.types", ImVec2(avail.x, avail.y - bottom));
    ui::text(ui, ui.t("staff.choose_type"));
    const float half = (ImGui::GetContentRegionAvail().x - ui.metrics.gap()) * 0.5f;
    for (std::size_t i = 0; i < kChoices.size(); ++i) {
        if (i % 2 == 1) ImGui::SameLine(0, ui.metrics.gap());
        const bool chosen = choice_ == static_cast<int>(i);
        if (ui::button(ui, kChoices[i].id, ui.t(document_type_key(kChoices[i].type)),
                       {chosen ? ui::ButtonStyle::primary : ui::ButtonStyle::secondary, true, half, 0})) {
            choice_ = static_cast<int>(i);
            error_.reset();
        }
    }
    if (choice_ >= 0) {
        const Choice& c = kChoices[static_cast<std::size_t>(choice_)];
        ImGui::Dummy(ImVec2(0, ui.metrics.gap()));
        ui::text_wrapped(ui, ui.t(c.note_key),
                         c.type == DocumentType::my_number_card_front ? theme::kError : theme::kText);
        if (c.type == DocumentType::passport) {
            ui::date_picker(ui, "staff.passport_issued", ui.t("staff.passport_issued"), passport_issued_, 1990, 2035);
        }
    }
    if (error_) ui::error_text(ui, *error_);
    ui::end_drag_scroll(ui);

    ImGui::SetCursorPosY(ImGui::GetWindowHeight() - bottom);
    if (ui::button(ui, "staff.start_capture", ui.t("staff.start_capture"),
                   {ui::ButtonStyle::primary, choice_ >= 0, 0, ui.metrics.primary_h()})) {
        const Choice& c = kChoices[static_cast<std::size_t>(choice_)];
        if (c.type == DocumentType::passport) {
            // The issue-date rule, checked before anything is scanned.
            IdentityDocument probe;
            probe.type = c.type;
            probe.passport_issued = passport_issued_;
            for (auto& e : validate_identity_document(probe)) {
                if (e.field == "passport_issued") {
                    error_ = e;
                    return;
                }
            }
        }
        if (auto s = staff->choose_type(c.type); !s) {
            error_ = s.error();
            return;
        }
        draft.passport_issued = c.type == DocumentType::passport ? passport_issued_ : CivilDate{};
        ctx.nav.push(ScreenId::staff_capture);
    }
}

}  // namespace madoguchi
