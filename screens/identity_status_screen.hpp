// The signed-in user's identity-document status (guide 【13】): 未提出 /
// 確認待ち / 確認済み / 再提出が必要 with the reason; the last state known on
// this kiosk at once, the server's answer when it arrives.
#pragma once

#include <imgui.h>

#include <memory>
#include <optional>

#include "kiosk/screen.hpp"
#include "services/identity_service.hpp"

namespace madoguchi {

// The colour a verification status is shown in (staff list and user screen).
ImU32 verification_colour(VerificationStatus s);

class IdentityStatusScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::identity_status; }
    std::string title_key() const override { return "identity.title"; }
    void on_enter(ScreenContext& ctx) override;
    void on_exit(ScreenContext& ctx) override;
    void draw(Ui& ui, ScreenContext& ctx) override;

private:
    void fetch(ScreenContext& ctx);

    std::optional<IdentityStatusView> view_;
    std::optional<Error> note_;  // offline / refused: why the local state is shown
    // The fetch result is posted after this screen may be gone: it writes
    // through this token, which the screen drops on exit.
    std::shared_ptr<IdentityStatusScreen*> alive_;
};

}  // namespace madoguchi
