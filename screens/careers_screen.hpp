// Career (guide 【9】, Steps 1–8): category, period from – to or 現在, company
// name, duties, company URL, role, environment (languages, tools) and team
// size, on the shared section chrome. Attachments already on a record are
// kept through an edit.
#pragma once

#include "data/model/career.hpp"
#include "screens/section_list_view.hpp"

namespace madoguchi {

class CareersScreen final : public SectionScreen<Career> {
public:
    ScreenId id() const override { return ScreenId::careers; }
    std::string title_key() const override { return "careers.title"; }

protected:
    std::string prefix() const override { return "careers"; }
    SectionService<Career>* service(ScreenContext& ctx) const override;
    RecordRow row(Ui& ui, const Career& r) const override;
    void load_form(const Career& r) override;
    Career collect() const override;
    void draw_fields(Ui& ui, ScreenContext& ctx) override;
    std::vector<TextField*> text_fields() override {
        return {&company_, &duties_, &url_, &role_, &environment_, &team_size_};
    }
    TextField* field_for(const std::string& member) override;

private:
    int category_ = -1;  // index into the category codes
    YearMonth from_;
    YearMonth to_;
    bool current_ = false;  // 現在も在職中: no end month
    TextField company_{FieldKind::text, 100, true};
    TextField duties_{FieldKind::multiline, 2000, false};
    TextField url_{FieldKind::url, 200, false};
    TextField role_{FieldKind::text, 100, false};
    TextField environment_{FieldKind::multiline, 500, false};
    TextField team_size_{FieldKind::digits, 6, false};
    std::vector<CareerAttachment> attachments_;  // kept as stored
};

}  // namespace madoguchi
