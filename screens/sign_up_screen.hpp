// Sign-up: purpose-of-use notice and consent first (no personal field is
// shown before it), then username / e-mail / password twice; saved locally
// with its outbox row, and a registration number to show staff.
#pragma once

#include <cstdint>
#include <string>

#include "data/model/account.hpp"
#include "kiosk/screen.hpp"
#include "kiosk/ui/text_field.hpp"

namespace madoguchi {

class SignUpScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::sign_up; }
    std::string title_key() const override { return "sign_up.title"; }
    void draw(Ui& ui, ScreenContext& ctx) override;

private:
    enum class Step { consent, fields, done };
    void draw_consent(Ui& ui);
    void draw_fields(Ui& ui, ScreenContext& ctx);
    void draw_done(Ui& ui, ScreenContext& ctx);
    void submit(Ui& ui, ScreenContext& ctx);

    Step step_ = Step::consent;
    bool consent_ = false;
    TextField username_{FieldKind::alphanumeric, 30, true};
    TextField email_{FieldKind::email, 254, true};
    TextField password_{FieldKind::password, 128, true};
    TextField password_confirm_{FieldKind::password, 128, true};
    std::string form_error_;  // a storage failure, not tied to a field
    Account account_;         // after saving
    std::string delivery_;    // "queued" / "sent" / "failed"
    std::int64_t next_poll_ms_ = 0;
};

}  // namespace madoguchi
