// Worker cards: a framed box drawn on two draw-list channels (frame behind,
// content in front) so the frame fits content of any height.
#include "screens/worker_card_view.hpp"

#include <imgui.h>

#include "data/model/enum_codes.hpp"
#include "kiosk/ui/widgets.hpp"

namespace madoguchi {
namespace {

// Skills shown on a summary card; the rest are on the detail screen.
constexpr std::size_t kSummarySkills = 3;

std::string skill_short(const Ui& ui, const WorkerSkill& s) {
    return s.name + " " + ui.t("workers.level_short") + std::to_string(s.level);
}

std::string skill_full(const Ui& ui, const WorkerSkill& s) {
    return "・" + s.name + "　" + ui.t("workers.level_short") + std::to_string(s.level) + "　" +
           ui.t("workers.years_prefix") + std::to_string(s.years_experience) + ui.t("workers.years_suffix");
}

}  // namespace

std::string work_status_label(const Ui& ui, const std::string& code) {
    const auto status = from_code<WorkStatus>(code);
    if (!status) return {};
    switch (*status) {
        case WorkStatus::available: return ui.t("profile.status.available");
        case WorkStatus::depends_on_work: return ui.t("profile.status.depends");
        case WorkStatus::busy: return ui.t("profile.status.busy");
    }
    return {};
}

std::string worker_display_name(const WorkerSummary& who) {
    return who.nickname.empty() ? "@" + who.username : who.nickname;
}

void draw_worker_card(Ui& ui, const std::string& id, const WorkerCard& card, WorkerCardLayout layout,
                      const std::function<void()>& footer) {
    const auto& m = ui.metrics;
    const bool full = layout == WorkerCardLayout::full;
    ImGui::PushID(id.c_str());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::Indent(m.em * 0.8f);
    ImGui::Dummy(ImVec2(0, m.em * 0.4f));

    // Nickname most prominent (【5】 Step 3: the most visible public value).
    ui::title(ui, worker_display_name(card.who));
    ui.registry.record({id + ".nickname", "", WidgetKind::text, {}, true, true, card.who.nickname, {}});
    ui::text(ui, "@" + card.who.username, theme::kMuted);
    ui.registry.record({id + ".username", "", WidgetKind::text, {}, true, true, card.who.username, {}});

    std::string facts;
    const std::string status = work_status_label(ui, card.work_status);
    if (!status.empty()) facts = ui.t("workers.status") + "：" + status;
    if (card.age_bracket) {
        if (!facts.empty()) facts += "　";
        facts += ui.t("workers.age_bracket") + "：" + *card.age_bracket;
        ui.registry.record({id + ".age_bracket", "", WidgetKind::text, {}, true, true, *card.age_bracket, {}});
    }
    if (!facts.empty()) ui::text_wrapped(ui, facts);
    ui.registry.record({id + ".status", "", WidgetKind::text, {}, true, true, card.work_status, {}});

    std::string relation;
    if (card.followed_by_me) relation = ui.t("workers.following");
    if (card.follows_me) relation += (relation.empty() ? "" : "　") + ui.t("workers.follows_me");
    if (!relation.empty()) ui::text(ui, relation, theme::kPrimary);

    std::string skills_value;
    for (const WorkerSkill& s : card.skills) skills_value += (skills_value.empty() ? "" : ",") + s.name;
    if (full) {
        if (!card.self_introduction.empty()) {
            ImGui::Dummy(ImVec2(0, m.gap() * 0.5f));
            ui::text(ui, ui.t("workers.self_intro"), theme::kMuted);
            ui::text_wrapped(ui, card.self_introduction);
        }
        ui.registry.record({id + ".self_intro", "", WidgetKind::text, {}, true, true, card.self_introduction, {}});
        ImGui::Dummy(ImVec2(0, m.gap() * 0.5f));
        ui::text(ui, ui.t("workers.skills"), theme::kMuted);
        if (card.skills.empty()) ui::text(ui, ui.t("workers.no_skills"), theme::kMuted);
        for (const WorkerSkill& s : card.skills) ui::text_wrapped(ui, skill_full(ui, s));
    } else if (!card.skills.empty()) {
        std::string line;
        for (std::size_t i = 0; i < card.skills.size() && i < kSummarySkills; ++i)
            line += (i ? "、" : "") + skill_short(ui, card.skills[i]);
        if (card.skills.size() > kSummarySkills)
            line += " " + ui.t("workers.more_skills_prefix") + std::to_string(card.skills.size() - kSummarySkills) +
                    ui.t("workers.more_skills_suffix");
        ui::text_wrapped(ui, ui.t("workers.skills") + "：" + line);
    }
    ui.registry.record({id + ".skills", "", WidgetKind::text, {}, true, true, skills_value, {}});

    if (footer) {
        ImGui::Dummy(ImVec2(0, m.gap() * 0.3f));
        footer();
    }
    ImGui::Dummy(ImVec2(0, m.em * 0.4f));
    ImGui::Unindent(m.em * 0.8f);
    const ImVec2 bottom(top.x + width, ImGui::GetCursorScreenPos().y);
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(top, bottom, theme::kSurface, m.em * 0.4f);
    dl->AddRect(top, bottom, theme::kBorder, m.em * 0.4f, 0, 2.0f);
    dl->ChannelsMerge();
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, m.gap() * 0.6f));
}

}  // namespace madoguchi
