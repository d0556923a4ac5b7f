// SkillsScreen: the fields of 【7】 on SectionScreen<Skill>.
#include "screens/skills_screen.hpp"

#include <algorithm>

namespace madoguchi {
namespace {

// Digits typed into a number field; anything that is not a small number
// becomes -1 so the rule's range message explains it.
int typed_number(const std::string& s, int if_empty) {
    if (s.empty()) return if_empty;
    if (s.size() > 6) return -1;
    for (char c : s)
        if (c < '0' || c > '9') return -1;
    return std::stoi(s);
}

}  // namespace

SectionService<Skill>* SkillsScreen::service(ScreenContext& ctx) const {
    return ctx.services.sections ? &ctx.services.sections->skills : nullptr;
}

RecordRow SkillsScreen::row(Ui& ui, const Skill& r) const {
    std::string detail = ui.t("skills.level_short") + std::to_string(r.level);
    detail += "  " + std::to_string(r.years_experience) + ui.t("skills.years_suffix");
    return {r.name, detail, r.meta.sync_state};
}

void SkillsScreen::load_form(const Skill& r) {
    name_.value = r.name;
    years_.value = r.meta.client_id.empty() && r.years_experience == 0 ? "" : std::to_string(r.years_experience);
    notes_.value = r.notes;
    level_ = std::clamp(r.level, 1, 5) - 1;
}

Skill SkillsScreen::collect() const {
    Skill s;
    s.name = name_.value;
    s.level = level_ + 1;
    s.years_experience = typed_number(years_.value, 0);
    s.notes = notes_.value;
    return s;
}

TextField* SkillsScreen::field_for(const std::string& member) {
    if (member == "name") return &name_;
    if (member == "years_experience") return &years_;
    if (member == "notes") return &notes_;
    return nullptr;
}

void SkillsScreen::draw_fields(Ui& ui, ScreenContext& ctx) {
    ui::text_field(ui, "skills.name", ui.t("skills.name"), name_, ui.t("skills.name_hint"));
    const auto matches = section_ui::suggestions_for(ctx.services.sections->skill_suggestions(), name_.value);
    if (const int chosen = section_ui::suggestion_chips(ui, "skills.suggest", matches); chosen >= 0) {
        name_.value = matches[static_cast<std::size_t>(chosen)]->name;
        name_.error.reset();
    }
    ui::text(ui, ui.t("skills.level"));
    ImGui::SameLine();
    ui::requirement_badge(ui, true);
    ui::segmented(ui, "skills.level", "", {"1", "2", "3", "4", "5"}, level_);
    const std::string description = ui.t("skills.level." + std::to_string(level_ + 1));
    ui::text_wrapped(ui, description, theme::kPrimary);
    ui.registry.record({"skills.level_description", "", WidgetKind::text, {}, true, true, description, {}});
    field_error(ui, "level");
    ui::text_field(ui, "skills.years", ui.t("skills.years"), years_, "3");
    ui::text_wrapped(ui, ui.t("skills.years_note"), theme::kMuted);
    ui::text_field(ui, "skills.notes", ui.t("skills.notes"), notes_, ui.t("skills.notes_hint"));
}

}  // namespace madoguchi
