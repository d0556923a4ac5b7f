// StaffCaptureScreen: source -> review (quality, masks) -> confirm -> done.
#include "screens/staff_capture_screen.hpp"

#include <imgui.h>

#include <cstdio>

#include "data/imaging/document_side_rules.hpp"
#include "kiosk/ui/widgets.hpp"
#include "services/identity_practice_card.hpp"
#include "services/staff_service.hpp"

namespace madoguchi {
namespace {

constexpr int kResolutions[2] = {300, 600};
constexpr ImU32 kOk = IM_COL32(30, 120, 60, 255);

void progress_bar(Ui& ui, const std::string& id, double fraction) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x, h = ui.metrics.em * 1.2f;
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(p, ImVec2(p.x + w, p.y + h), theme::kSecondary, 4.0f);
    list->AddRectFilled(p, ImVec2(p.x + w * static_cast<float>(fraction), p.y + h), theme::kPrimary, 4.0f);
    ImGui::Dummy(ImVec2(w, h));
    char pct[16];
    std::snprintf(pct, sizeof pct, "%d%%", static_cast<int>(fraction * 100 + 0.5));
    ui.registry.record({id, "", WidgetKind::text, {p.x, p.y, w, h}, true, true, pct, {}});
    ui::text(ui, pct, theme::kMuted);
}

}  // namespace

void StaffCaptureScreen::on_enter(ScreenContext& ctx) {
    StaffService* staff = ctx.services.staff;
    if (!staff) return;
    staff->forget_draft_unless(ctx.session.serial);
    side_ = staff->draft().next_side();
    step_ = side_.empty() ? Step::confirm : Step::source;
    source_ = staff->has_scanner() ? scanner : (staff->has_camera() ? camera : practice);
    // Staff start from the kiosk's scanner settings and may change them.
    const IdentityScanProfile& profile = staff->scan_profile();
    resolution_ = profile.resolution_dpi >= 600 ? 1 : 0;
    colour_ = profile.mode == ColourMode::colour ? 0 : 1;
}

void StaffCaptureScreen::on_exit(ScreenContext& ctx) {
    if (ctx.services.staff) {
        ctx.services.staff->cancel_scan();
        stop_camera(*ctx.services.staff);
    }
    // Nothing of the images stays in this screen once it is left.
    live_.clear();
    preview_.clear();
}

void StaffCaptureScreen::stop_camera(StaffService& staff) {
    if (camera_on_ && staff.camera()) staff.camera()->stop();
    camera_on_ = false;
    live_.clear();
}

void StaffCaptureScreen::take_finished_frame(StaffService& staff) {
    auto frame = staff.take_frame();
    if (!frame) return;
    auto page = staff.accept_frame(side_, *frame, staff.job().dpi, staff.job().cut_to_document);
    if (!page) {
        error_ = page.error();
        return;
    }
    error_.reset();
    preview_.set_image((*page)->document);
    stop_camera(staff);
    step_ = Step::review;
}

void StaffCaptureScreen::draw(Ui& ui, ScreenContext& ctx) {
    StaffService* staff = ctx.services.staff;
    if (!staff || staff->draft().registrant.empty() || (!staff->draft().type && step_ != Step::done)) {
        ui::text_wrapped(ui, ui.t("staff.no_registrant"), theme::kError);
        return;
    }
    take_finished_frame(*staff);
    const CaptureDraft& draft = staff->draft();
    if (step_ != Step::done) {
        std::string heading = draft.registrant_label + "  —  " + ui.t(document_type_key(*draft.type));
        if (!side_.empty() && step_ != Step::confirm) heading += "  /  " + ui.t(side_key(side_));
        ui::title(ui, heading);
        if (draft.practice) ui::text(ui, ui.t("staff.practice_badge"), theme::kError);
    }
    switch (step_) {
        case Step::source: draw_source(ui, ctx, *staff); break;
        case Step::review: draw_review(ui, *staff); break;
        case Step::confirm: draw_confirm(ui, *staff); break;
        case Step::done: draw_done(ui, ctx); break;
    }
}

void StaffCaptureScreen::draw_source(Ui& ui, ScreenContext&, StaffService& staff) {
    const std::vector<std::string> sources{ui.t("staff.source.scanner"), ui.t("staff.source.camera"),
                                           ui.t("staff.source.practice")};
    if (ui::segmented(ui, "staff.source", ui.t("staff.source"), sources, source_)) {
        error_.reset();
        staff.clear_job_error();
        if (source_ != camera) stop_camera(staff);
    }
    ImGui::Dummy(ImVec2(0, ui.metrics.gap() * 0.5f));
    if (side_ == "front" && staff.draft().type == DocumentType::my_number_card_front)
        ui::text_wrapped(ui, ui.t("staff.my_number_front_only"), theme::kError);
    else
        ui::text_wrapped(ui, ui.t("staff.place_document") + ui.t(side_key(side_)));
    if (source_ == scanner) draw_scanner(ui, staff);
    else if (source_ == camera) draw_camera(ui, staff);
    else {
        ui::text_wrapped(ui, ui.t("staff.practice_explain"), theme::kMuted);
        if (ui::button(ui, "staff.practice.load", ui.t("staff.practice.load"), {ui::ButtonStyle::primary, true, 0, 0}))
            staff.load_practice_frame();
    }
    const CaptureJob& job = staff.job();
    const Error* shown = error_ ? &*error_ : (job.error ? &*job.error : nullptr);
    if (shown) {
        ImGui::Dummy(ImVec2(0, ui.metrics.gap() * 0.5f));
        ui::error_text(ui, *shown);
        ui.registry.record({"staff.capture.error", "", WidgetKind::text, {}, true, true, shown->code, ui.msg(*shown)});
    }
}

void StaffCaptureScreen::draw_scanner(Ui& ui, StaffService& staff) {
    const CaptureJob& job = staff.job();
    if (!searched_) {
        searched_ = true;
        staff.refresh_scanners();
    }
    std::vector<std::string> names;
    for (const auto& s : staff.scanners()) names.push_back(s.vendor + " " + s.model + " (" + s.name + ")");
    if (device_ < 0 && !names.empty()) {
        // The configured scanner when it is connected, else the first found.
        device_ = 0;
        for (std::size_t i = 0; i < staff.scanners().size(); ++i)
            if (staff.scanners()[i].name == staff.scan_profile().device) device_ = static_cast<int>(i);
    }
    if (device_ >= static_cast<int>(names.size())) device_ = names.empty() ? -1 : 0;
    const bool scanning = job.running && job.kind == CaptureJob::Kind::scan;
    if (job.running && job.kind == CaptureJob::Kind::list_devices) {
        ui::text(ui, ui.t("staff.searching"), theme::kMuted);
    } else if (!names.empty()) {
        ui::select_list(ui, "staff.scanner", ui.t("staff.scanner"), names, device_, 3.0f);
    }
    const std::vector<std::string> resolutions{"300 dpi", "600 dpi"};
    ui::segmented(ui, "staff.resolution", ui.t("staff.resolution"), resolutions, resolution_);
    const std::vector<std::string> colours{ui.t("staff.colour"), ui.t("staff.gray")};
    ui::segmented(ui, "staff.colour_mode", ui.t("staff.colour_mode"), colours, colour_);
    ImGui::Dummy(ImVec2(0, ui.metrics.gap() * 0.5f));
    if (scanning) {
        ui::text(ui, ui.t("staff.scanning"));
        progress_bar(ui, "staff.scan.progress", job.progress);
        if (ui::button(ui, "staff.scan.cancel", ui.t("staff.scan.cancel"), {ui::ButtonStyle::danger, true, 0, 0}))
            staff.cancel_scan();
        return;
    }
    if (ui::button(ui, "staff.scan", ui.t("staff.scan"),
                   {ui::ButtonStyle::primary, !job.running && device_ >= 0, 0, ui.metrics.primary_h()})) {
        error_.reset();
        staff.start_scan(staff.scanners()[static_cast<std::size_t>(device_)].name, kResolutions[resolution_],
                         colour_ == 0 ? ColourMode::colour : ColourMode::gray);
    }
    ImGui::SameLine(0, ui.metrics.gap());
    if (ui::button(ui, "staff.rescan_devices", ui.t("staff.rescan_devices"), {ui::ButtonStyle::secondary, !job.running, 0, 0})) {
        device_ = -1;
        staff.refresh_scanners();
    }
}

void StaffCaptureScreen::draw_camera(Ui& ui, StaffService& staff) {
    Camera* cam = staff.camera();
    if (!cam) {
        ui::text_wrapped(ui, ui.t("staff.no_camera"), theme::kError);
        return;
    }
    if (!camera_on_) {
        if (auto s = cam->open(); !s) {
            error_ = s.error();
        } else if (auto st = cam->start(); !st) {
            error_ = st.error();
        } else {
            camera_on_ = true;
            live_sequence_ = 0;
        }
        if (!camera_on_) {
            if (ui::button(ui, "staff.camera.retry", ui.t("staff.camera.retry"), {ui::ButtonStyle::secondary, true, 0, 0}))
                error_.reset();
            if (error_) return;
        }
    }
    if (auto frame = cam->latest_frame(); frame && frame->image && frame->sequence != live_sequence_) {
        live_sequence_ = frame->sequence;
        live_.set_image(*frame->image);
    }
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float h = avail.y - ui.metrics.primary_h() - ui.metrics.gap() * 2;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(origin, ImVec2(origin.x + avail.x, origin.y + h), IM_COL32(20, 20, 24, 255));
    live_.draw(ImGui::GetWindowDrawList(), origin, ImVec2(avail.x, h));
    ui.registry.record({"staff.camera.preview", "", WidgetKind::text, {origin.x, origin.y, avail.x, h}, true, true,
                        std::to_string(live_sequence_), {}});
    ImGui::Dummy(ImVec2(avail.x, h));
    const CaptureJob& job = staff.job();
    if (ui::button(ui, "staff.camera.capture", ui.t("staff.camera.capture"),
                   {ui::ButtonStyle::primary, !job.running, 0, ui.metrics.primary_h()})) {
        error_.reset();
        staff.start_still();
    }
}

void StaffCaptureScreen::draw_review(Ui& ui, StaffService& staff) {
    CapturedPage* page = staff.draft().page(side_);
    if (!page) {
        step_ = Step::source;
        return;
    }
    const bool need_mask = masks_required(*staff.draft().type, side_);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float image_w = avail.x * 0.6f;
    const float image_h = avail.y - ui.metrics.gap();
    ImGui::BeginGroup();
    if (need_mask) {
        if (editor_.draw(ui, "staff.mask", preview_, page->masks, ImVec2(image_w, image_h))) {
            page->confirmed = false;
            error_.reset();
        }
    } else {
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(origin, ImVec2(origin.x + image_w, origin.y + image_h), theme::kSecondary);
        preview_.draw(ImGui::GetWindowDrawList(), origin, ImVec2(image_w, image_h));
        ImGui::Dummy(ImVec2(image_w, image_h));
    }
    ImGui::EndGroup();
    ImGui::SameLine(0, ui.metrics.gap());
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + avail.x - image_w - ui.metrics.gap());
    const float col_w = avail.x - image_w - ui.metrics.gap();
    if (!page->problems.empty()) {
        ui::text(ui, ui.t("staff.retake_needed"), theme::kError);
        for (const auto& p : page->problems) ui::error_text(ui, p);
        ui.registry.record({"staff.quality", "", WidgetKind::text, {}, true, true, page->problems.front().code,
                            ui.msg(page->problems.front())});
    } else {
        ui::text_wrapped(ui, ui.t("staff.quality_ok"), kOk);
        ui.registry.record({"staff.quality", "", WidgetKind::text, {}, true, true, "ok", ui.t("staff.quality_ok")});
    }
    if (need_mask && page->problems.empty()) {
        ui::text_wrapped(ui, ui.t("staff.mask_explain"));
        if (ui::button(ui, "staff.mask.preset", ui.t("staff.mask.preset"), {ui::ButtonStyle::secondary, true, col_w, 0})) {
            page->masks.push_back(to_pixels(typical_number_area(), page->document.width, page->document.height));
            page->confirmed = false;
        }
        if (ui::button(ui, "staff.mask.undo", ui.t("staff.mask.undo"),
                       {ui::ButtonStyle::secondary, !page->masks.empty(), col_w * 0.48f, 0})) {
            page->masks.pop_back();
            page->confirmed = false;
        }
        ImGui::SameLine(0, col_w * 0.04f);
        if (ui::button(ui, "staff.mask.clear", ui.t("staff.mask.clear"),
                       {ui::ButtonStyle::secondary, !page->masks.empty(), col_w * 0.48f, 0})) {
            page->masks.clear();
            page->confirmed = false;
        }
    }
    if (error_) ui::error_text(ui, *error_);
    ImGui::Dummy(ImVec2(0, ui.metrics.gap()));
    if (ui::button(ui, "staff.retake", ui.t("staff.retake"), {ui::ButtonStyle::secondary, true, col_w, 0})) {
        error_.reset();
        step_ = Step::source;
    }
    const std::string& ok_label = ui.t(need_mask ? "staff.mask.confirm" : "staff.page.confirm");
    if (ui::button(ui, "staff.page.confirm", ok_label,
                   {ui::ButtonStyle::primary, page->problems.empty(), col_w, ui.metrics.primary_h()})) {
        if (auto s = staff.confirm_page(side_); !s) {
            error_ = s.error();
        } else {
            error_.reset();
            side_ = staff.draft().next_side();
            step_ = side_.empty() ? Step::confirm : Step::source;
            preview_.clear();
        }
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

void StaffCaptureScreen::draw_confirm(Ui& ui, StaffService& staff) {
    ui::text_wrapped(ui, ui.t("staff.confirm_explain"));
    for (const auto& p : staff.draft().pages) {
        std::string line = "・" + ui.t(side_key(p.side));
        if (!p.masks.empty()) line += "  " + ui.t("staff.masks_count") + std::to_string(p.masks.size());
        ui::text(ui, line);
    }
    if (staff.draft().type == DocumentType::health_insurance_card)
        ui::text_wrapped(ui, ui.t("staff.needs_residence_record"), IM_COL32(150, 95, 0, 255));
    for (const auto& e : staff.ready_to_submit()) ui::error_text(ui, e);
    if (error_) ui::error_text(ui, *error_);
    ImGui::Dummy(ImVec2(0, ui.metrics.gap()));
    if (ui::button(ui, "staff.submit", ui.t("staff.submit"),
                   {ui::ButtonStyle::primary, staff.ready_to_submit().empty(), 0, ui.metrics.primary_h()})) {
        auto saved = staff.submit();
        if (!saved) {
            error_ = saved.error();
        } else {
            error_.reset();
            submitted_summary_ = ui.t(document_type_key(saved->type));
            step_ = Step::done;
        }
    }
}

void StaffCaptureScreen::draw_done(Ui& ui, ScreenContext& ctx) {
    ui::title(ui, submitted_summary_);
    ui::text_wrapped(ui, ui.t("staff.submitted"), kOk);
    ui.registry.record({"staff.submitted", "", WidgetKind::text, {}, true, true, "submitted", ui.t("staff.submitted")});
    ImGui::Dummy(ImVec2(0, ui.metrics.gap()));
    if (ui::button(ui, "staff.back_to_registrant", ui.t("staff.back_to_registrant"),
                   {ui::ButtonStyle::primary, true, 0, ui.metrics.primary_h()}))
        ctx.nav.pop();
}

}  // namespace madoguchi
