// Company (guide 【11】): the person's companies, then search by name first
// (server search, results with logo tile and address); choose a found
// company, or register a new one (logo, URL slug — immutable —, name,
// description, address, contact). A duplicate name warns before
// registering; offline, searching says so and registering stays possible.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "data/model/company.hpp"
#include "kiosk/screen.hpp"
#include "kiosk/ui/form_row.hpp"
#include "kiosk/ui/image_view.hpp"
#include "kiosk/ui/text_field.hpp"

namespace madoguchi {

class CompanyScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::company; }
    std::string title_key() const override { return "company.title"; }
    void on_enter(ScreenContext& ctx) override;
    void draw(Ui& ui, ScreenContext& ctx) override;

private:
    enum class SearchState { idle, searching, done, offline, failed };

    void reload_mine(ScreenContext& ctx);
    void draw_mine(Ui& ui, ScreenContext& ctx);
    void draw_search(Ui& ui, ScreenContext& ctx);
    void draw_form(Ui& ui, ScreenContext& ctx);
    void start_search(Ui& ui, ScreenContext& ctx);
    void choose(Ui& ui, ScreenContext& ctx, const Company& c);
    void submit(Ui& ui, ScreenContext& ctx, bool confirmed_duplicate);
    void capture_logo(Ui& ui, ScreenContext& ctx);
    Company collect() const;
    void open_form();
    void request_logos(Services& services);
    void logo_tile(Ui& ui, const std::string& id, const Company& c, float side);

    // Platform logos by server id: absent = not asked yet, loading, shown or none.
    struct LogoSlot {
        enum class State { loading, shown, none } state = State::loading;
        ui::ImageView view;
    };
    std::map<std::string, LogoSlot> logos_;
    // Logos photographed on this kiosk, by file id (from the file store
    // through the service, when the list loads).
    std::map<std::string, LogoSlot> local_logos_;

    std::shared_ptr<int> alive_ = std::make_shared<int>(0);  // worker callbacks check it
    std::vector<Company> mine_;
    TextField query_{FieldKind::text, 100, true};
    SearchState search_state_ = SearchState::idle;
    std::vector<Company> results_;
    std::string searched_;
    std::string search_message_;

    bool form_open_ = false;
    std::string logo_file_id_;
    std::string logo_message_;
    bool capturing_ = false;
    TextField slug_{FieldKind::alphanumeric, 40, true};
    TextField name_{FieldKind::text, 100, true};
    TextField description_{FieldKind::multiline, 2000, false};
    TextField postal_{FieldKind::digits, 8, false};
    TextField address_{FieldKind::text, 200, false};
    TextField phone_{FieldKind::digits, 13, false};
    TextField email_{FieldKind::email, 254, false};
    // Declared after the fields it points at.
    const ui::FormFields form_fields_{{"url_slug", &slug_}, {"name", &name_},       {"description", &description_},
                                      {"postal_code", &postal_}, {"address", &address_}, {"phone", &phone_},
                                      {"email", &email_}};
    std::vector<Company> duplicates_;  // non-empty: the warning is showing
    Errors other_errors_;
};

}  // namespace madoguchi
