// Hobbies (guide 【10】, specified in DESIGN.md): name, free comment, and
// whether the hobby is shown on the profile.
#pragma once

#include "data/model/hobby.hpp"
#include "data/rules/field_limits.hpp"
#include "screens/section_list_view.hpp"

namespace madoguchi {

class HobbiesScreen final : public SectionScreen<Hobby> {
public:
    ScreenId id() const override { return ScreenId::hobbies; }
    std::string title_key() const override { return "hobbies.title"; }

protected:
    std::string prefix() const override { return "hobbies"; }
    SectionService<Hobby>* service(ScreenContext& ctx) const override;
    RecordRow row(Ui& ui, const Hobby& r) const override;
    void load_form(const Hobby& r) override;
    Hobby collect() const override;
    void draw_fields(Ui& ui, ScreenContext& ctx) override;
    std::vector<TextField*> text_fields() override { return {&name_, &comment_}; }
    TextField* field_for(const std::string& member) override;

private:
    TextField name_{FieldKind::text, static_cast<int>(limits::kHobbyName), true};
    TextField comment_{FieldKind::multiline, static_cast<int>(limits::kHobbyComment), false};
    bool show_on_profile_ = true;
};

}  // namespace madoguchi
