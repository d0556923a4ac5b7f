// Staff: one registrant — choose the identity document to capture
// (運転免許証, パスポート with its issue-date rule, 健康保険証/資格確認書 with
// 住民票, 在留カード/特別永住者証明書, マイナンバーカード front only with the
// warning never to present the back), then go to the capture.
#pragma once

#include <optional>

#include "data/model/identity_document.hpp"
#include "kiosk/screen.hpp"

namespace madoguchi {

class StaffRegistrantScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::staff_registrant; }
    std::string title_key() const override { return "staff.registrant_title"; }
    void on_enter(ScreenContext& ctx) override;
    void draw(Ui& ui, ScreenContext& ctx) override;

private:
    int choice_ = -1;               // index into the document list
    CivilDate passport_issued_{2019, 4, 1};
    std::optional<Error> error_;    // shown inline under the choice
};

}  // namespace madoguchi
