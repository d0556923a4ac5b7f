// Account settings (guide 【6】): a new e-mail address entered twice;
// "再認証メールを送信する" queues the request, the server mails a link to the
// new address, and the change takes effect only after it is followed.
#pragma once

#include <string>

#include "kiosk/screen.hpp"
#include "kiosk/ui/text_field.hpp"

namespace madoguchi {

class AccountSettingsScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::account_settings; }
    std::string title_key() const override { return "account.title"; }
    void draw(Ui& ui, ScreenContext& ctx) override;

private:
    TextField new_email_{FieldKind::email, 254, true};
    TextField new_email_confirm_{FieldKind::email, 254, true};
    std::string sent_to_;  // address the verification mail was requested for
    std::string form_error_;
};

}  // namespace madoguchi
