// Profile (guide 【5】): all 18 steps in the guide's order on one scrolling
// form, each marked 必須/任意. "更新する" validates everything with the shared
// rules, shows each error next to its field, keeps every typed value, and
// saves through the repository (outbox) when valid.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "data/datasets/local_gov_directory.hpp"
#include "data/datasets/postal_directory.hpp"
#include "data/model/profile.hpp"
#include "data/rules/field_limits.hpp"
#include "kiosk/screen.hpp"
#include "kiosk/ui/form_row.hpp"
#include "kiosk/ui/image_view.hpp"
#include "kiosk/ui/text_field.hpp"
#include "services/profile_service.hpp"

namespace madoguchi {

class ProfileScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::profile; }
    std::string title_key() const override { return "profile.title"; }
    void on_enter(ScreenContext& ctx) override;
    void draw(Ui& ui, ScreenContext& ctx) override;

private:
    void load_fields(const Profile& p);
    Profile collect() const;
    void save(Ui& ui, ScreenContext& ctx);
    void lookup_postal(Ui& ui, ScreenContext& ctx);
    void apply_address(const PostalAddress& a);
    void field_error(const std::string& id, Ui& ui);  // errors of non-text controls
    ui::FormFields form_fields();  // the text fields by the Profile member each edits
    void draw_municipality(Ui& ui, ScreenContext& ctx);  // step 16
    void draw_photo(Ui& ui, ScreenContext& ctx);         // step 1

    Profile base_;  // what is not on the form (photo id, meta)
    TextField nickname_{FieldKind::text, static_cast<int>(limits::kNickname), true};
    TextField self_intro_{FieldKind::multiline, static_cast<int>(limits::kSelfIntroduction), false};
    TextField family_name_{FieldKind::text, static_cast<int>(limits::kPersonName), true, ime::ConversionKind::person_name};
    TextField given_name_{FieldKind::text, static_cast<int>(limits::kPersonName), true, ime::ConversionKind::person_name};
    TextField family_kana_{FieldKind::katakana, static_cast<int>(limits::kPersonNameKana), true};
    TextField given_kana_{FieldKind::katakana, static_cast<int>(limits::kPersonNameKana), true};
    int gender_ = 0;
    CivilDate birth_;
    TextField postal_{FieldKind::digits, 8, true};
    int prefecture_ = -1;
    TextField city_{FieldKind::text, static_cast<int>(limits::kCity), true, ime::ConversionKind::place};
    TextField town_{FieldKind::text, static_cast<int>(limits::kTown), false, ime::ConversionKind::place};
    TextField address_line_{FieldKind::text, static_cast<int>(limits::kAddressLine), false, ime::ConversionKind::place};
    TextField phone_{FieldKind::digits, 13, true};
    int status_ = 0;
    int weekly_hours_ = 0;
    TextField hourly_rate_{FieldKind::digits, 7, false};
    bool show_age_ = false;
    int preferred_prefecture_ = -1;
    std::string preferred_municipality_;  // local government code ("" = none)
    // Step 16's list, for the prefecture index it was loaded for.
    int municipalities_for_ = -2;
    std::vector<Municipality> municipalities_;
    std::vector<std::string> municipality_labels_;
    TextField hometown_{FieldKind::text, static_cast<int>(limits::kHometown), false, ime::ConversionKind::place};
    TextField schools_{FieldKind::multiline, static_cast<int>(limits::kSchools), false};

    // Step 1: the shot being looked at (kept or retaken), and the preview of
    // what is shown. A capture that answers after this screen is gone is
    // dropped: the callback holds only a weak reference to the slot.
    std::shared_ptr<std::optional<ProfilePhotoShot>> shot_ = std::make_shared<std::optional<ProfilePhotoShot>>();
    bool photo_waiting_ = false;
    std::optional<Error> photo_error_;
    std::string photo_shown_;  // file id the preview shows ("" = the pending shot or none)
    ui::ImageView photo_view_;
    std::vector<PostalAddress> postal_choices_;  // several towns for one code
    std::string postal_message_;
    Errors other_errors_;  // errors of controls that are not text fields
    bool loaded_ = false;
};

}  // namespace madoguchi
