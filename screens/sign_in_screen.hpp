// Sign-in with username or e-mail and password. The server is asked on a
// worker thread (AccountService); the screen shows "checking" meanwhile and
// the result arrives through the UI run queue.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "kiosk/screen.hpp"
#include "services/account_service.hpp"
#include "kiosk/ui/text_field.hpp"

namespace madoguchi {

class SignInScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::sign_in; }
    std::string title_key() const override { return "sign_in.title"; }
    void draw(Ui& ui, ScreenContext& ctx) override;

private:
    void finish(const SignInOutcome& out, ScreenContext& ctx);

    TextField login_{FieldKind::email, 254, true};
    TextField password_{FieldKind::password, 128, true};
    bool waiting_ = false;
    std::string form_error_;
    // The worker's result lands here (on the UI thread) and draw() applies
    // it. A result that arrives after this screen is gone (idle wipe) is
    // dropped: the callback holds only a weak reference to this slot.
    std::shared_ptr<std::optional<SignInOutcome>> result_ = std::make_shared<std::optional<SignInOutcome>>();
};

}  // namespace madoguchi
