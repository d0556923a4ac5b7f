// Technician settings: server URL, kiosk id, idle timings, language, with
// diagnostics (atlas, session) and a safe exit. Saved atomically to the
// configuration file.
#pragma once

#include "kiosk/screen.hpp"
#include "kiosk/ui/text_field.hpp"

namespace madoguchi {

class TechnicianSettingsScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::technician_settings; }
    std::string title_key() const override { return "tech.title"; }
    void on_enter(ScreenContext& ctx) override;
    void draw(Ui& ui, ScreenContext& ctx) override;

private:
    bool validate(KioskConfig& out, const KioskConfig& base);

    TextField server_url_{FieldKind::url, 200, true};
    TextField kiosk_id_{FieldKind::alphanumeric, 40, true};
    // The server's enrolment code (services/device_enrolment.hpp): used once
    // per server to get this kiosk's device token.
    TextField enrollment_code_{FieldKind::alphanumeric, 64, false};
    TextField location_{FieldKind::text, 40, false};
    TextField idle_timeout_{FieldKind::digits, 4, true};
    TextField countdown_{FieldKind::digits, 3, true};
    int language_ = 0;
};

}  // namespace madoguchi
