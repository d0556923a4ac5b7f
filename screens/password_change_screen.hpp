// Password change (guide 【6】): current password, the new one twice; the
// strength rules (data/rules/password) answer inline, and the server, asked
// on a worker thread through AccountService, checks the current password.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "kiosk/screen.hpp"
#include "kiosk/ui/text_field.hpp"
#include "services/account_service.hpp"

namespace madoguchi {

class PasswordChangeScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::password_change; }
    std::string title_key() const override { return "password.title"; }
    void draw(Ui& ui, ScreenContext& ctx) override;

private:
    void submit(Ui& ui, ScreenContext& ctx);
    void finish(Ui& ui, const PasswordChangeOutcome& out);
    void show(const Errors& errors, Ui& ui);

    TextField current_{FieldKind::password, 128, true};
    TextField new_{FieldKind::password, 128, true};
    TextField confirm_{FieldKind::password, 128, true};
    bool waiting_ = false;
    bool changed_ = false;
    std::string form_error_;
    // The worker's answer lands here on the UI thread; dropped when this
    // screen is gone (idle wipe): the callback holds only a weak reference.
    std::shared_ptr<std::optional<PasswordChangeOutcome>> result_ =
        std::make_shared<std::optional<PasswordChangeOutcome>>();
};

}  // namespace madoguchi
