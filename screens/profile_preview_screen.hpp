// The public profile as clients and workers will see it: nickname first and
// largest, the age bracket only when the person chose to show it, and none
// of the private fields (real name, address, phone, birth date, gender).
#pragma once

#include <optional>
#include <string>

#include "data/model/profile.hpp"
#include "kiosk/screen.hpp"

namespace madoguchi {

class ProfilePreviewScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::profile_preview; }
    std::string title_key() const override { return "preview.title"; }
    void on_enter(ScreenContext& ctx) override;
    void draw(Ui& ui, ScreenContext& ctx) override;

private:
    std::optional<Profile> profile_;  // the saved profile, read once on entry
    bool load_failed_ = false;
};

}  // namespace madoguchi
