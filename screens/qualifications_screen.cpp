// QualificationsScreen: the fields of 【8】 on SectionScreen<Qualification>.
#include "screens/qualifications_screen.hpp"

#include <chrono>

#include "data/rules/age.hpp"

namespace madoguchi {
namespace {

int this_year() { return japan_date(std::chrono::system_clock::now()).year; }

}  // namespace

SectionService<Qualification>* QualificationsScreen::service(ScreenContext& ctx) const {
    return ctx.services.sections ? &ctx.services.sections->qualifications : nullptr;
}

RecordRow QualificationsScreen::row(Ui& ui, const Qualification& r) const {
    std::string detail = section_ui::year_month_label(r.acquired, ui.strings.japanese());
    if (!r.score_or_grade.empty()) detail += "  " + r.score_or_grade;
    return {r.name, detail, r.meta.sync_state};
}

void QualificationsScreen::load_form(const Qualification& r) {
    name_.value = r.name;
    issuer_.value = r.issuer;
    score_.value = r.score_or_grade;
    certificate_.value = r.certificate_number;
    acquired_ = r.acquired;
    expires_ = r.expires;
}

Qualification QualificationsScreen::collect() const {
    Qualification q;
    q.name = name_.value;
    q.issuer = issuer_.value;
    q.acquired = acquired_;
    q.score_or_grade = score_.value;
    q.certificate_number = certificate_.value;
    q.expires = expires_;
    return q;
}

TextField* QualificationsScreen::field_for(const std::string& member) {
    if (member == "name") return &name_;
    if (member == "issuer") return &issuer_;
    if (member == "score_or_grade") return &score_;
    if (member == "certificate_number") return &certificate_;
    return nullptr;
}

void QualificationsScreen::draw_fields(Ui& ui, ScreenContext& ctx) {
    const int year = this_year();
    ui::text_field(ui, "qualifications.name", ui.t("qualifications.name"), name_, ui.t("qualifications.name_hint"));
    const auto matches =
        section_ui::suggestions_for(ctx.services.sections->qualification_suggestions(), name_.value);
    if (const int chosen = section_ui::suggestion_chips(ui, "qualifications.suggest", matches); chosen >= 0) {
        const Suggestion& s = *matches[static_cast<std::size_t>(chosen)];
        name_.value = s.name;
        name_.error.reset();
        if (issuer_.value.empty()) issuer_.value = s.issuer;  // a guess the person can change
    }
    ui::text_field(ui, "qualifications.issuer", ui.t("qualifications.issuer"), issuer_);
    section_ui::year_month_picker(ui, "qualifications.acquired", ui.t("qualifications.acquired"), acquired_, 1940,
                                  year, YearMonth{year, 4});
    field_error(ui, "acquired");
    ui::text_field(ui, "qualifications.score", ui.t("qualifications.score"), score_,
                   ui.t("qualifications.score_hint"));
    ui::text_field(ui, "qualifications.certificate", ui.t("qualifications.certificate"), certificate_);
    section_ui::year_month_picker(ui, "qualifications.expires", ui.t("qualifications.expires"), expires_, 1940,
                                  year + 30, acquired_.empty() ? YearMonth{year + 5, 4} : acquired_);
    if (!expires_.empty() &&
        ui::button(ui, "qualifications.expires.clear", ui.t("qualifications.no_expiry")))
        expires_ = {};
    field_error(ui, "expires");
}

}  // namespace madoguchi
