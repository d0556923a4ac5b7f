// Qualifications (guide 【8】, specified in DESIGN.md): name with suggestions
// from a curated list of common Japanese 資格 (found by kana reading too) or
// free text, issuer, acquired year/month with 和暦, score or grade,
// certificate number (optional), expiry (optional).
#pragma once

#include "data/model/qualification.hpp"
#include "data/rules/field_limits.hpp"
#include "screens/section_list_view.hpp"

namespace madoguchi {

class QualificationsScreen final : public SectionScreen<Qualification> {
public:
    ScreenId id() const override { return ScreenId::qualifications; }
    std::string title_key() const override { return "qualifications.title"; }

protected:
    std::string prefix() const override { return "qualifications"; }
    SectionService<Qualification>* service(ScreenContext& ctx) const override;
    RecordRow row(Ui& ui, const Qualification& r) const override;
    void load_form(const Qualification& r) override;
    Qualification collect() const override;
    void draw_fields(Ui& ui, ScreenContext& ctx) override;
    std::vector<TextField*> text_fields() override { return {&name_, &issuer_, &score_, &certificate_}; }
    TextField* field_for(const std::string& member) override;

private:
    TextField name_{FieldKind::text, static_cast<int>(limits::kQualificationName), true};
    TextField issuer_{FieldKind::text, static_cast<int>(limits::kQualificationIssuer), false};
    TextField score_{FieldKind::text, static_cast<int>(limits::kScoreOrGrade), false};
    TextField certificate_{FieldKind::text, static_cast<int>(limits::kCertificateNumber), false};
    YearMonth acquired_;
    YearMonth expires_;
};

}  // namespace madoguchi
