// CareersScreen: the fields of 【9】 on SectionScreen<Career>.
#include "screens/careers_screen.hpp"

#include <array>
#include <chrono>
#include <string_view>

#include "data/rules/age.hpp"

namespace madoguchi {
namespace {

// Stored codes of the employment categories (the catalog names them).
constexpr std::array<std::string_view, 6> kCategories = {"full_time", "contract", "dispatch",
                                                          "part_time", "freelance", "other"};

int category_index(const std::string& code) {
    for (std::size_t i = 0; i < kCategories.size(); ++i)
        if (kCategories[i] == code) return static_cast<int>(i);
    return -1;
}

}  // namespace

SectionService<Career>* CareersScreen::service(ScreenContext& ctx) const {
    return ctx.services.sections ? &ctx.services.sections->careers : nullptr;
}

RecordRow CareersScreen::row(Ui& ui, const Career& r) const {
    const bool ja = ui.strings.japanese();
    std::string detail = section_ui::year_month_label(r.period_from, ja) + " – " +
                         (r.period_to.empty() ? ui.t("careers.current") : section_ui::year_month_label(r.period_to, ja));
    return {r.company_name, detail, r.meta.sync_state};
}

void CareersScreen::load_form(const Career& r) {
    category_ = category_index(r.category);
    from_ = r.period_from;
    to_ = r.period_to;
    current_ = !r.meta.client_id.empty() && r.period_to.empty();
    company_.value = r.company_name;
    duties_.value = r.duties;
    url_.value = r.company_url;
    role_.value = r.role;
    environment_.value = r.environment;
    team_size_.value = r.team_size ? std::to_string(*r.team_size) : "";
    attachments_ = r.attachments;
}

Career CareersScreen::collect() const {
    Career c;
    c.category = category_ >= 0 ? std::string(kCategories[static_cast<std::size_t>(category_)]) : "";
    c.period_from = from_;
    c.period_to = current_ ? YearMonth{} : to_;
    c.company_name = company_.value;
    c.duties = duties_.value;
    c.company_url = url_.value;
    c.role = role_.value;
    c.environment = environment_.value;
    if (!team_size_.value.empty()) {
        // The digits pad types digits only; an over-long number is left to the range rule.
        c.team_size = team_size_.value.size() > 7 ? -1 : std::stoi(team_size_.value);
    }
    c.attachments = attachments_;
    return c;
}

TextField* CareersScreen::field_for(const std::string& member) {
    if (member == "company_name") return &company_;
    if (member == "duties") return &duties_;
    if (member == "company_url") return &url_;
    if (member == "role") return &role_;
    if (member == "environment") return &environment_;
    if (member == "team_size") return &team_size_;
    return nullptr;
}

void CareersScreen::draw_fields(Ui& ui, ScreenContext&) {
    const int year = japan_date(std::chrono::system_clock::now()).year;
    // Step 1
    ui::text(ui, ui.t("careers.category"));
    ImGui::SameLine();
    ui::requirement_badge(ui, true);
    std::vector<std::string> names;
    for (auto code : kCategories) names.push_back(ui.t("careers.category." + std::string(code)));
    ui::select_list(ui, "careers.category", "", names, category_, 5.4f);
    field_error(ui, "category");
    // Step 2
    section_ui::year_month_picker(ui, "careers.from", ui.t("careers.from"), from_, 1950, year, YearMonth{year - 3, 4});
    field_error(ui, "period_from");
    ui::toggle(ui, "careers.current_toggle", ui.t("careers.current_toggle"), current_);
    if (!current_) {
        section_ui::year_month_picker(ui, "careers.to", ui.t("careers.to"), to_, 1950, year,
                                      from_.empty() ? YearMonth{year, 3} : from_);
    }
    field_error(ui, "period_to");
    // Steps 3–8
    ui::text_field(ui, "careers.company", ui.t("careers.company"), company_);
    ui::text_field(ui, "careers.duties", ui.t("careers.duties"), duties_, ui.t("careers.duties_hint"));
    ui::text_field(ui, "careers.url", ui.t("careers.url"), url_, "https://example.co.jp");
    ui::text_field(ui, "careers.role", ui.t("careers.role"), role_, ui.t("careers.role_hint"));
    ui::text_field(ui, "careers.environment", ui.t("careers.environment"), environment_,
                   ui.t("careers.environment_hint"));
    ui::text_field(ui, "careers.team_size", ui.t("careers.team_size"), team_size_, "5");
    if (!attachments_.empty()) {
        ui::text(ui, ui.t("careers.attachments"));
        for (const auto& a : attachments_) ui::text(ui, "・" + a.file_name, theme::kMuted);
    }
    field_error(ui, "attachments");
}

}  // namespace madoguchi
