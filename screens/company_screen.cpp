// CompanyScreen: my companies, search first, choose or register (【11】).
#include "screens/company_screen.hpp"

#include <imgui.h>

#include <algorithm>

#include "kiosk/ui/widgets.hpp"
#include "services/company_service.hpp"

namespace madoguchi {
namespace {

// The first character of a name, drawn in the logo tile.
std::string initial_of(const std::string& name) {
    if (name.empty()) return "?";
    std::size_t n = 1;
    const auto b = static_cast<unsigned char>(name[0]);
    if (b >= 0xF0) n = 4;
    else if (b >= 0xE0) n = 3;
    else if (b >= 0xC0) n = 2;
    return name.substr(0, std::min(n, name.size()));
}

std::string address_line(const Company& c) {
    std::string s;
    if (c.postal_code.size() == 7) s = "〒" + c.postal_code.substr(0, 3) + "-" + c.postal_code.substr(3) + " ";
    return s + c.address;
}

}  // namespace

// A square tile for the company's logo: the one photographed here or the
// platform's when there is one; otherwise its initial as a placeholder (with
// "…" while the platform's logo loads).
void CompanyScreen::logo_tile(Ui& ui, const std::string& id, const Company& c, float side) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    LogoSlot* slot = nullptr;
    if (!c.logo_file_id.empty()) {
        if (auto local = local_logos_.find(c.logo_file_id); local != local_logos_.end()) slot = &local->second;
    }
    if ((!slot || slot->state != LogoSlot::State::shown) && !c.server_id.empty()) {
        if (auto platform = logos_.find(c.server_id); platform != logos_.end()) slot = &platform->second;
    }
    const bool shown = slot && slot->state == LogoSlot::State::shown;
    const bool loading = slot && slot->state == LogoSlot::State::loading;
    dl->AddRectFilled(p, ImVec2(p.x + side, p.y + side), theme::kSurface, ui.metrics.em * 0.3f);
    if (shown) {
        const float inset = 3.0f;
        slot->view.draw(dl, ImVec2(p.x + inset, p.y + inset), ImVec2(side - inset * 2, side - inset * 2));
    } else {
        const std::string mark = loading ? "…" : initial_of(c.name);
        ui.fonts.note(mark);
        ImVec2 sz = ImGui::CalcTextSize(mark.c_str());
        dl->AddText(ImVec2(p.x + (side - sz.x) * 0.5f, p.y + (side - sz.y) * 0.5f), theme::kMuted, mark.c_str());
    }
    dl->AddRect(p, ImVec2(p.x + side, p.y + side), theme::kBorder, ui.metrics.em * 0.3f, 0, 2.0f);
    ImGui::Dummy(ImVec2(side, side));
    ui.registry.record({id + ".logo_image", "", WidgetKind::text, {}, true, true,
                        shown ? "shown" : loading ? "loading" : "none", {}});
}

void CompanyScreen::request_logos(Services& services) {
    if (!services.companies) return;
    std::vector<std::string> wanted;
    auto want = [&](const Company& c) {
        if (c.server_id.empty() || logos_.count(c.server_id)) return;
        logos_[c.server_id];  // loading
        wanted.push_back(c.server_id);
    };
    for (const Company& c : results_) want(c);
    for (const Company& c : mine_) want(c);
    if (wanted.empty()) return;
    std::weak_ptr<int> alive = alive_;
    services.companies->fetch_logos(std::move(wanted), [this, alive](LogoThumbnail t) {
        if (alive.expired()) return;
        LogoSlot& slot = logos_[t.company_id];
        if (t.found && !t.image.empty()) {
            slot.view.set_image(t.image);
            slot.state = LogoSlot::State::shown;
        } else {
            slot.state = LogoSlot::State::none;
        }
    });
}

void CompanyScreen::on_enter(ScreenContext& ctx) { reload_mine(ctx); }

void CompanyScreen::reload_mine(ScreenContext& ctx) {
    mine_.clear();
    if (!ctx.services.companies) return;
    if (auto list = ctx.services.companies->list(ctx.session.account_client_id)) mine_ = std::move(*list);
    for (const Company& c : mine_) {
        if (c.logo_file_id.empty() || local_logos_.count(c.logo_file_id)) continue;
        local_logos_[c.logo_file_id];  // loading
        std::weak_ptr<int> alive = alive_;
        ctx.services.companies->local_logo_async(
            ctx.session.account_client_id, c.logo_file_id, [this, alive](const std::string& file_id, Result<Image> image) {
                if (alive.expired()) return;
                LogoSlot& slot = local_logos_[file_id];
                if (image && !image->empty()) {
                    slot.view.set_image(*image);
                    slot.state = LogoSlot::State::shown;
                } else {
                    slot.state = LogoSlot::State::none;
                }
            });
    }
    request_logos(ctx.services);
}

void CompanyScreen::open_form() {
    form_open_ = true;
    duplicates_.clear();
    // What was searched for is most likely the name to register.
    if (name_.value.empty()) name_.value = searched_;
}

Company CompanyScreen::collect() const {
    Company c;
    c.logo_file_id = logo_file_id_;
    c.url_slug = slug_.value;
    c.name = name_.value;
    c.description = description_.value;
    c.postal_code = postal_.value;
    c.address = address_.value;
    c.phone = phone_.value;
    c.email = email_.value;
    return c;
}

void CompanyScreen::start_search(Ui& ui, ScreenContext& ctx) {
    query_.error.reset();
    if (!ctx.services.companies) {
        ui.toasts.show(ui.t("service.unavailable"), ToastKind::error, ui.clock.now_ms());
        return;
    }
    if (query_.value.find_first_not_of(" \t") == std::string::npos) {
        query_.error = Error{"company.query_empty", "q", "会社名を入力してから「検索する」を押してください。",
                             "Enter a company name, then press Search."};
        return;
    }
    std::weak_ptr<int> alive = alive_;
    const bool started = ctx.services.companies->search(query_.value, [this, alive, services = &ctx.services](CompanySearchOutcome out) {
        if (alive.expired()) return;  // the screen was left meanwhile
        searched_ = out.query;
        results_ = std::move(out.companies);
        request_logos(*services);
        if (out.ok) {
            search_state_ = SearchState::done;
            search_message_.clear();
        } else {
            search_state_ = out.offline ? SearchState::offline : SearchState::failed;
            search_message_ = out.error.message_ja + "\n" + out.error.message_en;
        }
    });
    if (started) {
        search_state_ = SearchState::searching;
        results_.clear();
    }
}

void CompanyScreen::choose(Ui& ui, ScreenContext& ctx, const Company& c) {
    auto linked = ctx.services.companies->choose(ctx.session.account_client_id, c);
    if (!linked) {
        ui.toasts.show(ui.msg(linked.error()), ToastKind::error, ui.clock.now_ms());
        return;
    }
    reload_mine(ctx);
    ui.toasts.show(ui.t("company.chosen"), ToastKind::success, ui.clock.now_ms());
}

void CompanyScreen::submit(Ui& ui, ScreenContext& ctx, bool confirmed_duplicate) {
    form_fields_.clear_errors();
    other_errors_.clear();
    if (!ctx.services.companies) {
        ui.toasts.show(ui.t("service.unavailable"), ToastKind::error, ui.clock.now_ms());
        return;
    }
    if (!confirmed_duplicate) {
        std::vector<Company> known = results_;
        for (const Company& c : mine_) {  // a chosen company is already among the results
            bool listed = false;
            for (const Company& r : results_) listed = listed || (!c.server_id.empty() && r.server_id == c.server_id);
            if (!listed) known.push_back(c);
        }
        duplicates_ = companies_with_same_name(known, name_.value);
        if (!duplicates_.empty()) return;  // the warning asks first
    }
    duplicates_.clear();
    auto out = ctx.services.companies->register_company(ctx.session.account_client_id, collect());
    if (!out.ok()) {
        other_errors_ = form_fields_.place(out.errors);
        ui.toasts.show(ui.t("form.fix_errors"), ToastKind::error, ui.clock.now_ms());
        return;
    }
    form_fields_.clear_values();
    logo_file_id_.clear();
    logo_message_.clear();
    form_open_ = false;
    reload_mine(ctx);
    ui.toasts.show(ui.t("company.registered"), ToastKind::success, ui.clock.now_ms());
}

void CompanyScreen::capture_logo(Ui& ui, ScreenContext& ctx) {
    if (!ctx.services.companies || !ctx.services.companies->camera_available()) {
        logo_message_ = ui.t("company.logo_no_camera");
        return;
    }
    std::weak_ptr<int> alive = alive_;
    const bool started =
        ctx.services.companies->capture_logo(ctx.session.account_client_id, [this, alive](LogoCaptureOutcome out) {
            if (alive.expired()) return;
            capturing_ = false;
            if (out.ok) {
                logo_file_id_ = out.file_id;
                logo_message_.clear();
            } else {
                logo_message_ = out.error.message_ja;
            }
        });
    capturing_ = started;
}

void CompanyScreen::draw_mine(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    ui::text(ui, ui.t("company.mine"), theme::kMuted);
    if (mine_.empty()) {
        ui::text_wrapped(ui, ui.t("company.mine_none"), theme::kMuted);
        return;
    }
    for (std::size_t i = 0; i < mine_.size(); ++i) {
        const Company& c = mine_[i];
        const std::string id = "company.mine." + std::to_string(i);
        ImGui::PushID(id.c_str());
        logo_tile(ui, id, c, m.touch_min());
        ImGui::SameLine();
        ImGui::BeginGroup();
        ui::text(ui, c.name);
        ui::text(ui, address_line(c), theme::kMuted);
        ImGui::EndGroup();
        ui.registry.record({id, c.name, WidgetKind::list_item, {}, true, true, c.name, {}});
        ImGui::SameLine(ImGui::GetContentRegionAvail().x - m.em * 6);
        if (ui::button(ui, id + ".delete", ui.t("company.remove"), {ui::ButtonStyle::danger, true, m.em * 6, 0})) {
            const std::string cid = c.meta.client_id;
            ctx.nav.confirm(ui.t("company.remove_title"), c.name + "\n" + ui.t("company.remove_body"),
                            ui.t("company.remove"),
                            [this, alive = std::weak_ptr<int>(alive_), svc = &ctx.services, owner = ctx.session.account_client_id, cid] {
                                if (alive.expired() || !svc->companies) return;
                                (void)svc->companies->remove(owner, cid);
                                mine_.clear();
                                if (auto list = svc->companies->list(owner)) mine_ = std::move(*list);
                            });
        }
        ImGui::PopID();
    }
}

void CompanyScreen::draw_search(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    ui::text_wrapped(ui, ui.t("company.search_intro"), theme::kMuted);
    ui::text_field(ui, "company.query", ui.t("company.query"), query_, ui.t("company.query_hint"));
    const bool searching = search_state_ == SearchState::searching;
    if (ui::button(ui, "company.search", ui.t(searching ? "company.searching" : "company.search"),
                   {ui::ButtonStyle::primary, !searching, m.em * 10, 0}))
        start_search(ui, ctx);

    std::string status;
    switch (search_state_) {
        case SearchState::idle: status = "idle"; break;
        case SearchState::searching: status = "searching"; break;
        case SearchState::done: status = results_.empty() ? "none" : "found"; break;
        case SearchState::offline: status = "offline"; break;
        case SearchState::failed: status = "failed"; break;
    }
    ui.registry.record({"company.status", "", WidgetKind::text, {}, true, true, status, search_message_});
    if (search_state_ == SearchState::offline || search_state_ == SearchState::failed) {
        ui::text_wrapped(ui, "⚠ " + search_message_, theme::kError);
    } else if (search_state_ == SearchState::done && results_.empty()) {
        ui::text_wrapped(ui, ui.t("company.no_results"), theme::kMuted);
    }
    for (std::size_t i = 0; i < results_.size(); ++i) {
        const Company& c = results_[i];
        const std::string id = "company.result." + std::to_string(i);
        ImGui::PushID(id.c_str());
        ImGui::Dummy(ImVec2(0, m.gap() * 0.3f));
        logo_tile(ui, id, c, m.touch_min() * 1.2f);
        ImGui::SameLine();
        ImGui::BeginGroup();
        ui::text(ui, c.name);
        ui::text(ui, address_line(c), theme::kMuted);
        ImGui::EndGroup();
        ui.registry.record({id, c.name, WidgetKind::list_item, {}, true, true, c.name + " / " + address_line(c), {}});
        ui.registry.record({id + ".logo", "", WidgetKind::text, {}, true, true,
                            c.logo_file_id.empty() ? "none" : c.logo_file_id, {}});
        ImGui::SameLine(ImGui::GetContentRegionAvail().x - m.em * 7);
        if (ui::button(ui, id + ".choose", ui.t("company.choose"), {ui::ButtonStyle::secondary, true, m.em * 7, 0}))
            choose(ui, ctx, c);
        ImGui::PopID();
    }
    if (search_state_ == SearchState::done || search_state_ == SearchState::offline ||
        search_state_ == SearchState::failed) {
        ImGui::Dummy(ImVec2(0, m.gap()));
        ui::text_wrapped(ui, ui.t(results_.empty() ? "company.register_hint_none" : "company.register_hint"),
                         theme::kMuted);
        if (ui::button(ui, "company.new", ui.t("company.new"), {ui::ButtonStyle::secondary, true, -1, 0}))
            open_form();
    }
}

void CompanyScreen::draw_form(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    auto step = [&](const char* key) { ui::step_heading(ui, ui.t(key)); };
    ui::title(ui, ui.t("company.form_title"));
    if (search_state_ == SearchState::offline)
        ui::text_wrapped(ui, ui.t("company.offline_register_note"), theme::kMuted);
    step("company.step.logo");
    ui::requirement_badge(ui, false);
    const std::string logo_state = logo_file_id_.empty() ? ui.t("company.logo_none") : ui.t("company.logo_set");
    ui::text_wrapped(ui, logo_state);
    ui.registry.record({"company.logo_state", "", WidgetKind::text, {}, true, true,
                        logo_file_id_.empty() ? "none" : "set", logo_message_});
    if (ui::button(ui, "company.logo", ui.t(capturing_ ? "company.logo_capturing" : "company.logo_capture"),
                   {ui::ButtonStyle::secondary, !capturing_, m.em * 12, 0}))
        capture_logo(ui, ctx);
    if (!logo_message_.empty()) ui::text_wrapped(ui, "⚠ " + logo_message_, theme::kError);
    step("company.step.slug");
    ui::text_field(ui, "company.slug", ui.t("company.slug"), slug_, ui.t("company.slug_hint"));
    ui::text_wrapped(ui, ui.t("company.slug_immutable"), theme::kError);
    step("company.step.name");
    ui::text_field(ui, "company.name", ui.t("company.name"), name_, ui.t("company.name_hint"));
    step("company.step.description");
    ui::text_field(ui, "company.description", ui.t("company.description"), description_);
    step("company.step.contact");
    ui::text_field(ui, "company.postal", ui.t("company.postal"), postal_, ui.t("company.postal_hint"));
    ui::text_field(ui, "company.address", ui.t("company.address"), address_);
    ui::text_field(ui, "company.phone", ui.t("company.phone"), phone_, ui.t("company.phone_hint"));
    ui::text_field(ui, "company.email", ui.t("company.email"), email_, ui.t("company.email_hint"));
    for (const Error& e : other_errors_) ui::error_text(ui, e);

    if (!duplicates_.empty()) {
        // Asked before anything is stored: the same company may already exist.
        ImGui::Dummy(ImVec2(0, m.gap()));
        std::string names;
        for (const Company& c : duplicates_) names += "・" + c.name + "  " + address_line(c) + "\n";
        ui::text_wrapped(ui, "⚠ " + ui.t("company.duplicate_warning"), theme::kError);
        ui::text_wrapped(ui, names);
        ui.registry.record({"company.duplicate_warning", "", WidgetKind::text, {}, true, true,
                            std::to_string(duplicates_.size()), ui.t("company.duplicate_warning")});
        if (ui::button(ui, "company.register_anyway", ui.t("company.register_anyway"),
                       {ui::ButtonStyle::danger, true, m.em * 12, 0}))
            submit(ui, ctx, true);
        ImGui::SameLine();
        if (ui::button(ui, "company.back_to_results", ui.t("company.back_to_results"),
                       {ui::ButtonStyle::secondary, true, m.em * 12, 0})) {
            duplicates_.clear();
            form_open_ = false;
        }
        return;
    }
    ImGui::Dummy(ImVec2(0, m.gap()));
    if (ui::button(ui, "company.register", ui.t("company.register"), {ui::ButtonStyle::primary, true, m.em * 12, 0}))
        submit(ui, ctx, false);
    ImGui::SameLine();
    if (ui::button(ui, "company.form_cancel", ui.t("common.cancel"), {ui::ButtonStyle::quiet, true, m.em * 8, 0}))
        form_open_ = false;  // the typed values stay for a second try
}

void CompanyScreen::draw(Ui& ui, ScreenContext& ctx) {
    if (form_open_) {
        draw_form(ui, ctx);
        return;
    }
    draw_mine(ui, ctx);
    ImGui::Dummy(ImVec2(0, ui.metrics.gap()));
    draw_search(ui, ctx);
}

}  // namespace madoguchi
