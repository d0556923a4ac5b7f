// HobbiesScreen: the fields of 【10】 on SectionScreen<Hobby>.
#include "screens/hobbies_screen.hpp"

namespace madoguchi {

SectionService<Hobby>* HobbiesScreen::service(ScreenContext& ctx) const {
    return ctx.services.sections ? &ctx.services.sections->hobbies : nullptr;
}

RecordRow HobbiesScreen::row(Ui& ui, const Hobby& r) const {
    return {r.name, r.show_on_profile ? ui.t("hobbies.shown") : ui.t("hobbies.hidden"), r.meta.sync_state};
}

void HobbiesScreen::load_form(const Hobby& r) {
    name_.value = r.name;
    comment_.value = r.comment;
    show_on_profile_ = r.show_on_profile;
}

Hobby HobbiesScreen::collect() const {
    Hobby h;
    h.name = name_.value;
    h.comment = comment_.value;
    h.show_on_profile = show_on_profile_;
    return h;
}

TextField* HobbiesScreen::field_for(const std::string& member) {
    if (member == "name") return &name_;
    if (member == "comment") return &comment_;
    return nullptr;
}

void HobbiesScreen::draw_fields(Ui& ui, ScreenContext&) {
    ui::text_field(ui, "hobbies.name", ui.t("hobbies.name"), name_, ui.t("hobbies.name_hint"));
    ui::text_field(ui, "hobbies.comment", ui.t("hobbies.comment"), comment_, ui.t("hobbies.comment_hint"));
    ui::toggle(ui, "hobbies.show_on_profile", ui.t("hobbies.show_on_profile"), show_on_profile_);
    field_error(ui, "show_on_profile");
}

}  // namespace madoguchi
