// ProfilePreviewScreen: draws the public subset of the saved profile.
#include "screens/profile_preview_screen.hpp"

#include <imgui.h>

#include <chrono>

#include "data/rules/age.hpp"
#include "data/rules/prefectures.hpp"
#include "kiosk/ui/widgets.hpp"
#include "services/profile_service.hpp"

namespace madoguchi {
namespace {

const char* status_key(WorkStatus s) {
    switch (s) {
        case WorkStatus::available: return "profile.status.available";
        case WorkStatus::depends_on_work: return "profile.status.depends";
        case WorkStatus::busy: return "profile.status.busy";
    }
    return "profile.status.available";
}

const char* hours_key(WeeklyHours h) {
    switch (h) {
        case WeeklyHours::under_3: return "profile.hours.under_3";
        case WeeklyHours::h3_to_5: return "profile.hours.3_5";
        case WeeklyHours::h5_to_10: return "profile.hours.5_10";
        case WeeklyHours::h10_to_20: return "profile.hours.10_20";
        case WeeklyHours::h20_to_30: return "profile.hours.20_30";
        case WeeklyHours::h30_to_40: return "profile.hours.30_40";
    }
    return "profile.hours.under_3";
}

// One public line: label, value, and a registry record tests read.
void public_row(Ui& ui, const std::string& id, const std::string& label, const std::string& value) {
    if (value.empty()) return;
    ui::text(ui, label, theme::kMuted);
    ui::text_wrapped(ui, value);
    ui.registry.record({"preview." + id, label, WidgetKind::text, {}, true, true, value, {}});
    ImGui::Dummy(ImVec2(0, ui.metrics.gap() * 0.4f));
}

}  // namespace

void ProfilePreviewScreen::on_enter(ScreenContext& ctx) {
    if (profile_ || !ctx.services.profiles) return;
    auto p = ctx.services.profiles->load(ctx.session.account_client_id, ctx.session.display_name);
    if (p) profile_ = std::move(*p);
    else load_failed_ = true;
}

void ProfilePreviewScreen::draw(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    ui::text_wrapped(ui, ui.t("preview.intro"), theme::kMuted);
    ImGui::Dummy(ImVec2(0, m.gap() * 0.5f));
    if (!profile_) {
        ui::text_wrapped(ui, ui.t(load_failed_ ? "mypage.load_failed" : "service.unavailable"), theme::kError);
        return;
    }
    const Profile& p = *profile_;
    // The card: nickname in the title font, the profile URL under it.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::Indent(m.em);
    ImGui::Dummy(ImVec2(0, m.em * 0.5f));
    const std::string nickname = p.nickname.empty() ? ui.t("preview.no_nickname") : p.nickname;
    ui::title(ui, nickname);
    ui.registry.record({"preview.nickname", "", WidgetKind::text, {}, true, true, p.nickname, {}});
    ui::text(ui, "@" + p.username, theme::kMuted);
    ui.registry.record({"preview.username", "", WidgetKind::text, {}, true, true, p.username, {}});
    ImGui::Dummy(ImVec2(0, m.gap() * 0.5f));
    if (p.show_age_bracket && !p.birth_date.empty()) {
        const CivilDate today = japan_date(std::chrono::system_clock::now());
        public_row(ui, "age_bracket", ui.t("preview.age_bracket"),
                   age_bracket_label(age_on(p.birth_date, today), ctx.session.language == Language::ja));
    }
    public_row(ui, "status", ui.t("profile.status"), ui.t(status_key(p.status)));
    public_row(ui, "weekly_hours", ui.t("profile.weekly_hours"), ui.t(hours_key(p.weekly_hours)));
    if (p.hourly_rate_yen)
        public_row(ui, "hourly_rate", ui.t("profile.hourly_rate"), std::to_string(*p.hourly_rate_yen) + ui.t("preview.yen"));
    if (!p.preferred_prefecture.empty()) {
        const int code = std::atoi(p.preferred_prefecture.c_str());
        if (code >= 1 && code <= 47)
            public_row(ui, "preferred_prefecture", ui.t("profile.preferred_prefecture"),
                       std::string(kPrefectureNames[static_cast<std::size_t>(code - 1)]));
    }
    public_row(ui, "self_intro", ui.t("profile.self_intro"), p.self_introduction);
    public_row(ui, "hometown", ui.t("profile.hometown"), p.hometown);
    public_row(ui, "schools", ui.t("profile.schools"), p.schools);
    ImGui::Unindent(m.em);
    const ImVec2 bottom(top.x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y);
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(top, bottom, theme::kSurface, m.em * 0.4f);
    dl->AddRect(top, bottom, theme::kBorder, m.em * 0.4f, 0, 2.0f);
    dl->ChannelsMerge();
    ImGui::Dummy(ImVec2(0, m.gap()));
    ui::text_wrapped(ui, ui.t("preview.private_note"), theme::kMuted);
}

}  // namespace madoguchi
