// Career (guide 【9】, Steps 1–8): category, period from – to or 現在, company
// name, duties, company URL, role, environment (languages, tools) and team
// size, on the shared section chrome; attachments (Step 9) photographed or
// scanned, shown as thumbnails, removed after a confirmation.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>

#include "data/model/career.hpp"
#include "kiosk/ui/image_view.hpp"
#include "data/rules/field_limits.hpp"
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
    TextField company_{FieldKind::text, static_cast<int>(limits::kCompanyName), true};
    TextField duties_{FieldKind::multiline, static_cast<int>(limits::kDuties), false};
    TextField url_{FieldKind::url, 2048, false};  // check_url's limit (data/rules/url.cpp)
    TextField role_{FieldKind::text, static_cast<int>(limits::kRole), false};
    TextField environment_{FieldKind::multiline, static_cast<int>(limits::kEnvironment), false};
    TextField team_size_{FieldKind::digits, 6, false};  // kTeamSizeMax has 6 digits
    std::vector<CareerAttachment> attachments_;  // as stored, plus those captured in this form

    // Step 9: the attachments list with thumbnails and the capture buttons.
    void draw_attachments(Ui& ui, ScreenContext& ctx);
    void start_capture(Ui& ui, ScreenContext& ctx, AttachmentSource source);
    struct Preview {
        ui::ImageView view;
        bool tried = false;  // thumbnail looked up once (a PDF has none)
    };
    std::vector<Preview> previews_;  // parallel to attachments_
    bool capturing_ = false;
    std::optional<Error> attach_error_;
    std::optional<std::size_t> confirmed_remove_;  // set by the confirmation, applied next draw
    int form_generation_ = 0;  // a capture finishing after the form changed is dropped
    std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

}  // namespace madoguchi
