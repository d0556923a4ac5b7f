// Team create / edit (guide 【3】 Steps 2–6): the logo photographed with the
// kiosk camera, the team page URL (immutable once registered), the name and
// the introduction, then 登録する / 更新する through SocialService (stored
// with its outbox row, so it works offline and says 送信待ち).
#pragma once

#include <memory>
#include <string>

#include "data/model/social.hpp"
#include "data/model/social_rules.hpp"
#include "kiosk/screen.hpp"
#include "kiosk/ui/form_row.hpp"
#include "kiosk/ui/image_view.hpp"
#include "kiosk/ui/text_field.hpp"

namespace madoguchi {

class TeamEditScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::team_edit; }
    std::string title_key() const override { return "team_edit.title"; }
    void on_enter(ScreenContext& ctx) override;
    void on_exit(ScreenContext& ctx) override;
    void draw(Ui& ui, ScreenContext& ctx) override;

private:
    // Editing needs the team first: the kiosk's own copy, else the platform's.
    enum class LoadState { ready, loading, offline, failed };

    void load(ScreenContext& ctx);
    void fill_from(const Team& t);
    void capture_logo(Ui& ui, ScreenContext& ctx);
    void show_logo(Services& services, const std::string& owner);
    void submit(Ui& ui, ScreenContext& ctx);
    void draw_logo(Ui& ui, ScreenContext& ctx);

    std::shared_ptr<int> alive_;  // callbacks of reads and the camera check it
    LoadState state_ = LoadState::ready;
    std::string load_message_;
    bool editing_ = false;
    Team team_;  // the record being edited (meta, slug as registered)

    std::string logo_file_id_;
    std::string logo_message_;
    bool capturing_ = false;
    bool logo_is_local_ = false;  // photographed here (a file of this kiosk), not the platform's upload
    ui::ImageView logo_view_;

    // Limits from social_rules: a longer paste keeps what fits and says so.
    TextField slug_{FieldKind::text, 40, true};  // text: full-width typed is accepted, then normalized
    TextField name_{FieldKind::text, static_cast<int>(social_rules::kTeamNameMax), true};
    TextField description_{FieldKind::multiline, static_cast<int>(social_rules::kTeamDescriptionMax), false};
    const ui::FormFields form_fields_{{"url_slug", &slug_}, {"name", &name_}, {"description", &description_}};
    Errors other_errors_;
};

}  // namespace madoguchi
