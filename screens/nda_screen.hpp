// NDA (guide 【14】): the current version of the text in a drag-scrollable
// region with page buttons; "同意する" is enabled only once the end of the
// text has been on screen. Then the typed name (the profile's 姓名 when there
// is one) and a finger signature make the agreement, stored through
// NdaService. When a newer version than the one agreed exists, the screen
// says so and asks again.
#pragma once

#include <optional>
#include <string>

#include "kiosk/i18n/string_catalog.hpp"
#include "kiosk/screen.hpp"
#include "kiosk/ui/signature_pad.hpp"
#include "kiosk/ui/text_field.hpp"
#include "services/nda_service.hpp"

namespace madoguchi {

class NdaScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::nda; }
    std::string title_key() const override { return "nda.title"; }
    void on_enter(ScreenContext& ctx) override;
    void draw(Ui& ui, ScreenContext& ctx) override;

private:
    void load(ScreenContext& ctx);
    void draw_text(Ui& ui);
    void draw_form(Ui& ui, ScreenContext& ctx);
    void agree(Ui& ui, ScreenContext& ctx);

    std::optional<NdaDocument> doc_;
    std::optional<Error> load_error_;
    NdaStatus status_;
    std::string expected_name_;
    Language loaded_language_ = Language::ja;
    bool loaded_ = false;

    bool reached_end_ = false;   // the end of the text has been on screen
    bool end_visible_ = false;   // … and is on screen now (▼ has nothing left to show)
    float page_request_ = 0;     // pages to scroll the text by next frame (±1)
    bool text_drag_ = false;     // a drag started in the text (scrolls it before the page)

    TextField name_{FieldKind::text, 60, true};
    ui::SignaturePad pad_;
    std::optional<Error> form_error_;  // errors that belong to no field
};

}  // namespace madoguchi
