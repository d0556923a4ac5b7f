// Skills (guide 【7】): name with suggestions from a curated list (free text
// allowed), self-assessed level 1–5 with a description of each level, years
// of experience, notes; 登録する / 更新する / 削除する on the shared section chrome.
#pragma once

#include "data/model/skill.hpp"
#include "data/rules/field_limits.hpp"
#include "screens/section_list_view.hpp"

namespace madoguchi {

class SkillsScreen final : public SectionScreen<Skill> {
public:
    ScreenId id() const override { return ScreenId::skills; }
    std::string title_key() const override { return "skills.title"; }

protected:
    std::string prefix() const override { return "skills"; }
    SectionService<Skill>* service(ScreenContext& ctx) const override;
    RecordRow row(Ui& ui, const Skill& r) const override;
    void load_form(const Skill& r) override;
    Skill collect() const override;
    void draw_fields(Ui& ui, ScreenContext& ctx) override;
    std::vector<TextField*> text_fields() override { return {&name_, &years_, &notes_}; }
    TextField* field_for(const std::string& member) override;

private:
    TextField name_{FieldKind::text, static_cast<int>(limits::kSkillName), true};
    TextField years_{FieldKind::digits, 3, false};
    TextField notes_{FieldKind::multiline, static_cast<int>(limits::kSkillNotes), false};
    int level_ = 0;  // index 0..4 = level 1..5
};

}  // namespace madoguchi
