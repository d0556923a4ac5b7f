// TechnicianSettingsScreen: edit, validate with the shared rules, save.
#include "screens/technician_settings_screen.hpp"

#include <imgui.h>

#include <cstdio>

#include "data/rules/number.hpp"
#include "data/rules/slug.hpp"
#include "data/rules/text_field.hpp"
#include "data/rules/url.hpp"
#include "kiosk/ui/widgets.hpp"

namespace madoguchi {

void TechnicianSettingsScreen::on_enter(ScreenContext& ctx) {
    const KioskConfig& c = *ctx.services.config;
    server_url_.value = c.server_url;
    kiosk_id_.value = c.kiosk_id;
    enrollment_code_.value = c.enrollment_code;
    location_.value = c.location_name;
    idle_timeout_.value = std::to_string(c.idle_timeout_s);
    countdown_.value = std::to_string(c.idle_countdown_s);
    language_ = c.language == "en" ? 1 : 0;
}

bool TechnicianSettingsScreen::validate(KioskConfig& out, const KioskConfig& base) {
    out = base;
    bool ok = true;
    auto take = [&](TextField& f, auto&& result, auto&& apply) {
        if (result) {
            apply(result.value());
            f.error.reset();
        } else {
            f.error = result.error();
            ok = false;
        }
    };
    take(server_url_, normalize_url("server_url", server_url_.value), [&](const std::string& v) { out.server_url = v; });
    take(kiosk_id_, normalize_slug("kiosk_id", kiosk_id_.value, SlugLimits{3, 40}),
         [&](const std::string& v) { out.kiosk_id = v; });
    take(enrollment_code_, check_text("enrollment_code", enrollment_code_.value, TextLimits{false, 64, 0, false}),
         [&](Ok) { out.enrollment_code = enrollment_code_.value; });
    take(location_, check_text("location_name", location_.value, TextLimits{false, 40, 0, false}),
         [&](Ok) { out.location_name = location_.value; });
    take(idle_timeout_, parse_whole_number("idle_timeout_s", idle_timeout_.value, 15, 3600),
         [&](std::int64_t v) { out.idle_timeout_s = static_cast<int>(v); });
    take(countdown_, parse_whole_number("idle_countdown_s", countdown_.value, 5, 120),
         [&](std::int64_t v) { out.idle_countdown_s = static_cast<int>(v); });
    out.language = language_ == 1 ? "en" : "ja";
    return ok;
}

void TechnicianSettingsScreen::draw(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    ui::text_field(ui, "tech.server_url", ui.t("tech.server_url"), server_url_, "https://");
    ui::text_field(ui, "tech.kiosk_id", ui.t("tech.kiosk_id"), kiosk_id_);
    ui::text_field(ui, "tech.enrollment_code", ui.t("tech.enrollment_code"), enrollment_code_,
                   ui.t("tech.enrollment_code_hint"));
    ui::text_field(ui, "tech.location", ui.t("tech.location"), location_, ui.t("tech.location_hint"));
    ui::text_field(ui, "tech.idle_timeout", ui.t("tech.idle_timeout"), idle_timeout_);
    ui::text_field(ui, "tech.countdown", ui.t("tech.countdown"), countdown_);
    ui::segmented(ui, "tech.language", ui.t("tech.language"), {"日本語", "English"}, language_);

    ImGui::Dummy(ImVec2(0, m.gap()));
    if (ui::button(ui, "tech.save", ui.t("common.save"), {ui::ButtonStyle::primary, true, m.em * 10, 0})) {
        KioskConfig next;
        if (validate(next, *ctx.services.config)) {
            Status saved = ctx.services.save_config ? ctx.services.save_config(next) : ok_status();
            if (saved) ui.toasts.show(ui.t("tech.saved"), ToastKind::success, ui.clock.now_ms());
            else ui.toasts.show(ui.msg(saved.error()), ToastKind::error, ui.clock.now_ms(), 8000);
        } else {
            ui.toasts.show(ui.t("form.fix_errors"), ToastKind::error, ui.clock.now_ms());
        }
    }
    ImGui::SameLine();
    if (ui::button(ui, "tech.exit", ui.t("tech.exit"), {ui::ButtonStyle::danger, true, 0, 0}))
        ctx.nav.confirm(ui.t("tech.exit"), ui.t("tech.exit_body"), ui.t("tech.exit"), [&nav = ctx.nav] { nav.quit_app(); });

    // Diagnostics: what a technician needs to see without a shell.
    ImGui::Dummy(ImVec2(0, m.gap()));
    ui::title(ui, ui.t("tech.diagnostics"));
    if (const FontSet* f = ctx.services.fonts) {
        const auto& st = f->stats();
        char buf[256];
        std::snprintf(buf, sizeof buf, ui.t("tech.atlas").c_str(), st.width, st.height, st.body_glyphs,
                      st.title_glyphs, static_cast<double>(st.texture_bytes) / (1024.0 * 1024.0), st.last_build_ms);
        ui::text_wrapped(ui, buf, theme::kMuted);
        ui.registry.record({"tech.atlas", "", WidgetKind::text, {}, true, true, buf, {}});
    }
}

}  // namespace madoguchi
