// ProfileScreen: the 18 steps of 【5】, inline errors, postal lookup, save.
#include "screens/profile_screen.hpp"

#include <imgui.h>

#include <array>
#include <chrono>

#include "data/rules/age.hpp"
#include "data/rules/prefectures.hpp"
#include "kiosk/ui/form_row.hpp"
#include "kiosk/ui/widgets.hpp"
#include "services/profile_service.hpp"

namespace madoguchi {
namespace {

std::vector<std::string> prefecture_options() {
    std::vector<std::string> v;
    for (auto n : kPrefectureNames) v.emplace_back(n);
    return v;
}

std::string jis_code(int index) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%02d", index + 1);
    return buf;
}

constexpr std::array<Gender, 4> kGenders{Gender::unanswered, Gender::male, Gender::female, Gender::other};
constexpr std::array<WorkStatus, 3> kStatuses{WorkStatus::available, WorkStatus::depends_on_work, WorkStatus::busy};
constexpr std::array<WeeklyHours, 6> kHours{WeeklyHours::under_3,   WeeklyHours::h3_to_5,  WeeklyHours::h5_to_10,
                                            WeeklyHours::h10_to_20, WeeklyHours::h20_to_30, WeeklyHours::h30_to_40};

template <typename E, std::size_t N>
int index_of(const std::array<E, N>& a, E v) {
    for (std::size_t i = 0; i < N; ++i)
        if (a[i] == v) return static_cast<int>(i);
    return 0;
}

}  // namespace

void ProfileScreen::on_enter(ScreenContext& ctx) {
    if (loaded_ || !ctx.services.profiles) return;
    auto p = ctx.services.profiles->load(ctx.session.account_client_id, ctx.session.display_name);
    if (p) load_fields(*p);
    loaded_ = true;
}

void ProfileScreen::load_fields(const Profile& p) {
    base_ = p;
    nickname_.value = p.nickname;
    self_intro_.value = p.self_introduction;
    family_name_.value = p.family_name;
    given_name_.value = p.given_name;
    family_kana_.value = p.family_name_kana;
    given_kana_.value = p.given_name_kana;
    gender_ = index_of(kGenders, p.gender);
    birth_ = p.birth_date;
    postal_.value = p.postal_code;
    prefecture_ = -1;
    if (auto code = prefecture_code(p.prefecture)) prefecture_ = std::stoi(std::string(*code)) - 1;
    city_.value = p.city;
    town_.value = p.town;
    address_line_.value = p.address_line;
    phone_.value = p.phone;
    status_ = index_of(kStatuses, p.status);
    weekly_hours_ = index_of(kHours, p.weekly_hours);
    hourly_rate_.value = p.hourly_rate_yen ? std::to_string(*p.hourly_rate_yen) : std::string{};
    show_age_ = p.show_age_bracket;
    preferred_prefecture_ = p.preferred_prefecture.empty() ? -1 : std::atoi(p.preferred_prefecture.c_str()) - 1;
    preferred_municipality_ = p.preferred_municipality;
    hometown_.value = p.hometown;
    schools_.value = p.schools;
}

Profile ProfileScreen::collect() const {
    Profile p = base_;
    p.nickname = nickname_.value;
    p.self_introduction = self_intro_.value;
    p.family_name = family_name_.value;
    p.given_name = given_name_.value;
    p.family_name_kana = family_kana_.value;
    p.given_name_kana = given_kana_.value;
    p.gender = kGenders[static_cast<std::size_t>(gender_)];
    p.birth_date = birth_;
    p.postal_code = postal_.value;
    p.prefecture = prefecture_ >= 0 ? std::string(kPrefectureNames[static_cast<std::size_t>(prefecture_)]) : "";
    p.city = city_.value;
    p.town = town_.value;
    p.address_line = address_line_.value;
    p.phone = phone_.value;
    p.status = kStatuses[static_cast<std::size_t>(status_)];
    p.weekly_hours = kHours[static_cast<std::size_t>(weekly_hours_)];
    p.hourly_rate_yen.reset();
    if (!hourly_rate_.value.empty()) {
        // Digits only (the digits pad); an over-long value is left to the rule's range check.
        long long v = hourly_rate_.value.size() > 9 ? -1 : std::atoll(hourly_rate_.value.c_str());
        p.hourly_rate_yen = static_cast<int>(v);
    }
    p.show_age_bracket = show_age_;
    p.preferred_prefecture = preferred_prefecture_ >= 0 ? jis_code(preferred_prefecture_) : "";
    p.preferred_municipality = preferred_municipality_;
    p.hometown = hometown_.value;
    p.schools = schools_.value;
    return p;
}

void ProfileScreen::apply_address(const PostalAddress& a) {
    if (auto code = prefecture_code(a.prefecture)) prefecture_ = std::stoi(std::string(*code)) - 1;
    city_.value = a.city;
    town_.value = a.town;
    city_.error.reset();
    town_.error.reset();
}

void ProfileScreen::lookup_postal(Ui& ui, ScreenContext& ctx) {
    postal_choices_.clear();
    postal_message_.clear();
    if (!ctx.services.profiles) return;
    auto found = ctx.services.profiles->lookup_postal(postal_.value);
    if (found.empty()) postal_message_ = ui.t("profile.postal_not_found");
    else if (found.size() == 1) apply_address(found.front());
    else postal_choices_ = std::move(found);
}

void ProfileScreen::field_error(const std::string& id, Ui& ui) {
    for (const Error& e : other_errors_) {
        if (e.field != id) continue;
        ui::error_text(ui, e);
        ui.registry.record({"profile." + id + ".error", "", WidgetKind::text, {}, true, true, ui.msg(e), ui.msg(e)});
    }
}

void ProfileScreen::draw_municipality(Ui& ui, ScreenContext& ctx) {
    if (preferred_prefecture_ < 0) {
        preferred_municipality_.clear();
        ui::text_wrapped(ui, ui.t("profile.municipality_pick_prefecture"), theme::kMuted);
        return;
    }
    if (municipalities_for_ != preferred_prefecture_) {
        // Loaded when the prefecture changes, never every frame.
        municipalities_for_ = preferred_prefecture_;
        municipalities_ = ctx.services.profiles ? ctx.services.profiles->municipalities(jis_code(preferred_prefecture_))
                                                : std::vector<Municipality>{};
        municipality_labels_.clear();
        for (const auto& m : municipalities_) {
            std::string label = m.name;
            if (m.is_ward())
                for (const auto& city : municipalities_)
                    if (city.code == m.parent_code) label = city.name + " " + m.name;
            municipality_labels_.push_back(std::move(label));
        }
    }
    if (municipalities_.empty()) {
        preferred_municipality_.clear();
        ui::text_wrapped(ui, ui.t("profile.municipality_later"), theme::kMuted);
        return;
    }
    int index = -1;
    for (std::size_t i = 0; i < municipalities_.size(); ++i)
        if (municipalities_[i].code == preferred_municipality_) index = static_cast<int>(i);
    // Another prefecture's municipality is dropped with the prefecture change.
    if (index < 0) preferred_municipality_.clear();
    ui::select_list(ui, "profile.preferred_municipality", ui.t("profile.preferred_municipality"),
                    municipality_labels_, index, 6.0f);
    if (index >= 0) {
        preferred_municipality_ = municipalities_[static_cast<std::size_t>(index)].code;
        // Optional step: the choice can be taken back.
        if (ui::button(ui, "profile.municipality_clear", ui.t("profile.municipality_clear"),
                       {ui::ButtonStyle::secondary, true, 0, 0}))
            preferred_municipality_.clear();
    }
}

void ProfileScreen::draw_photo(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    ProfileService* svc = ctx.services.profiles;
    // A capture answered: show it, with keep / retake.
    if (photo_waiting_ && shot_->has_value()) {
        photo_waiting_ = false;
        if ((*shot_)->ok) {
            photo_view_.set_image((*shot_)->preview);
            photo_shown_.clear();
            photo_error_.reset();
        } else {
            photo_error_ = (*shot_)->error;
            shot_->reset();
        }
    }
    const bool pending = shot_->has_value();
    // The stored photo's preview, decrypted once (not every frame).
    if (!pending && !base_.photo_file_id.empty() && photo_shown_ != base_.photo_file_id && svc) {
        if (auto img = svc->photo_preview(ctx.session.account_client_id, base_.photo_file_id)) photo_view_.set_image(*img);
        else photo_view_.clear();
        photo_shown_ = base_.photo_file_id;
    }
    const bool has_photo = pending || !base_.photo_file_id.empty();
    const std::string state = photo_waiting_ ? "capturing" : pending ? "preview" : has_photo ? "kept" : "none";
    ui.registry.record({"profile.photo", "", WidgetKind::text, {}, true, true, state, photo_error_ ? ui.msg(*photo_error_) : ""});
    if (has_photo && !photo_view_.empty()) {
        const float side = m.em * 9.0f;
        ImVec2 origin = ImGui::GetCursorScreenPos();
        photo_view_.draw(ImGui::GetWindowDrawList(), origin, ImVec2(side, side));
        ImGui::Dummy(ImVec2(side, side));
        ui.registry.record({"profile.photo.preview", "", WidgetKind::text, {origin.x, origin.y, side, side}, true,
                            ImGui::IsItemVisible(), state, {}});
    }
    ui::text_wrapped(ui, pending ? ui.t("profile.photo_check") : has_photo ? ui.t("profile.photo_set") : ui.t("profile.photo_none"),
                     theme::kMuted);
    if (photo_error_) ui::error_text(ui, *photo_error_);
    if (!svc || !svc->camera_available()) {
        ui::text_wrapped(ui, ui.t("profile.photo_no_camera"), theme::kMuted);
        return;
    }
    if (photo_waiting_) {
        ui::text(ui, ui.t("profile.photo_capturing"), theme::kMuted);
        return;
    }
    auto take = [&] {
        shot_->reset();
        std::weak_ptr<std::optional<ProfilePhotoShot>> slot = shot_;
        photo_waiting_ = svc->take_photo([slot](ProfilePhotoShot shot) {
            if (auto s = slot.lock()) *s = std::move(shot);
        });
        photo_error_.reset();
    };
    if (pending) {
        if (ui::button(ui, "profile.photo.use", ui.t("profile.photo_use"), {ui::ButtonStyle::primary, true, 0, 0})) {
            auto kept = svc->keep_photo(ctx.session.account_client_id, **shot_);
            if (kept) {
                base_.photo_file_id = *kept;  // saved with 更新する, uploaded with the profile
                photo_shown_ = *kept;
                shot_->reset();
            } else {
                photo_error_ = kept.error();
            }
        }
        ImGui::SameLine();
        if (ui::button(ui, "profile.photo.retake", ui.t("profile.photo_retake"))) take();
    } else {
        if (ui::button(ui, "profile.photo.take", ui.t(has_photo ? "profile.photo_retake" : "profile.photo_take"),
                       {ui::ButtonStyle::secondary, true, 0, 0}))
            take();
        if (has_photo) {
            ImGui::SameLine();
            if (ui::button(ui, "profile.photo.remove", ui.t("profile.photo_remove"))) {
                base_.photo_file_id.clear();
                photo_view_.clear();
                photo_shown_.clear();
            }
        }
    }
}

ui::FormFields ProfileScreen::form_fields() {
    return {{"nickname", &nickname_},         {"self_introduction", &self_intro_}, {"family_name", &family_name_},
            {"given_name", &given_name_},     {"family_name_kana", &family_kana_}, {"given_name_kana", &given_kana_},
            {"postal_code", &postal_},        {"city", &city_},                    {"town", &town_},
            {"address_line", &address_line_}, {"phone", &phone_},                  {"hourly_rate_yen", &hourly_rate_},
            {"hometown", &hometown_},         {"schools", &schools_}};
}

void ProfileScreen::save(Ui& ui, ScreenContext& ctx) {
    const ui::FormFields fields = form_fields();
    fields.clear_errors();
    other_errors_.clear();
    if (!ctx.services.profiles) {
        ui.toasts.show(ui.t("service.unavailable"), ToastKind::error, ui.clock.now_ms());
        return;
    }
    auto out = ctx.services.profiles->save(ctx.session.account_client_id, collect());
    if (!out.ok()) {
        // Text fields show theirs inline; the choices' errors are drawn under
        // each choice by field_error(), the record's own at the end.
        other_errors_ = fields.place(out.errors);
        ui.toasts.show(ui.t("form.fix_errors"), ToastKind::error, ui.clock.now_ms());
        return;
    }
    // Keep the form as typed, but in stored form (katakana, digits only).
    load_fields(out.profile);
    ui.toasts.show(ui.t("profile.saved"), ToastKind::success, ui.clock.now_ms());
}

void ProfileScreen::draw(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    auto step = [&](int n, const char* key) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%d / 18  ", n);
        ui::step_heading(ui, std::string(buf) + ui.t(key));
    };
    step(1, "profile.step.photo");
    ui::requirement_badge(ui, false);
    draw_photo(ui, ctx);
    // 2: username, read-only (it is the profile URL and never changes).
    step(2, "profile.step.username");
    ui::text(ui, base_.username);
    ui.registry.record({"profile.username", "", WidgetKind::text, {}, true, true, base_.username, {}});
    step(3, "profile.step.nickname");
    ui::text_field(ui, "profile.nickname", ui.t("profile.nickname"), nickname_);
    step(4, "profile.step.self_intro");
    ui::text_field(ui, "profile.self_intro", ui.t("profile.self_intro"), self_intro_);
    step(5, "profile.step.name");
    ui::text_field(ui, "profile.family_name", ui.t("profile.family_name"), family_name_, "山田");
    ui::text_field(ui, "profile.given_name", ui.t("profile.given_name"), given_name_, "太郎");
    step(6, "profile.step.kana");
    ui::text_field(ui, "profile.family_kana", ui.t("profile.family_kana"), family_kana_, "ヤマダ");
    ui::text_field(ui, "profile.given_kana", ui.t("profile.given_kana"), given_kana_, "タロウ");
    step(7, "profile.step.gender");
    ui::requirement_badge(ui, false);
    ui::segmented(ui, "profile.gender", ui.t("profile.gender"),
                  {ui.t("profile.gender.unanswered"), ui.t("profile.gender.male"), ui.t("profile.gender.female"),
                   ui.t("profile.gender.other")},
                  gender_);
    step(8, "profile.step.birth_date");
    ui::requirement_badge(ui, false);
    ui::date_picker(ui, "profile.birth_date", ui.t("profile.birth_date"), birth_, 1930, 2015);
    field_error("birth_date", ui);
    step(9, "profile.step.postal");
    ui::text_field(ui, "profile.postal", ui.t("profile.postal"), postal_, "100-0001");
    if (ui::button(ui, "profile.postal_lookup", ui.t("profile.postal_lookup"))) lookup_postal(ui, ctx);
    if (!postal_message_.empty()) ui::text_wrapped(ui, postal_message_, theme::kError);
    for (std::size_t i = 0; i < postal_choices_.size(); ++i) {
        const auto& a = postal_choices_[i];
        if (ui::button(ui, "profile.postal_choice." + std::to_string(i), a.prefecture + a.city + a.town,
                       {ui::ButtonStyle::secondary, true, -1, 0})) {
            apply_address(a);
            postal_choices_.clear();
            break;
        }
    }
    step(10, "profile.step.address");
    static const std::vector<std::string> prefs = prefecture_options();
    ui::select_list(ui, "profile.prefecture", ui.t("profile.prefecture"), prefs, prefecture_, 6.0f);
    field_error("prefecture", ui);
    ui::text_field(ui, "profile.city", ui.t("profile.city"), city_);
    ui::text_field(ui, "profile.town", ui.t("profile.town"), town_);
    ui::text_field(ui, "profile.address_line", ui.t("profile.address_line"), address_line_);
    ui::text_field(ui, "profile.phone", ui.t("profile.phone"), phone_, "09012345678");
    step(11, "profile.step.status");
    ui::segmented(ui, "profile.status", ui.t("profile.status"),
                  {ui.t("profile.status.available"), ui.t("profile.status.depends"), ui.t("profile.status.busy")},
                  status_);
    step(12, "profile.step.weekly_hours");
    ui::select_list(ui, "profile.weekly_hours", ui.t("profile.weekly_hours"),
                    {ui.t("profile.hours.under_3"), ui.t("profile.hours.3_5"), ui.t("profile.hours.5_10"),
                     ui.t("profile.hours.10_20"), ui.t("profile.hours.20_30"), ui.t("profile.hours.30_40")},
                    weekly_hours_, 6.0f);
    step(13, "profile.step.hourly_rate");
    ui::text_field(ui, "profile.hourly_rate", ui.t("profile.hourly_rate"), hourly_rate_, "1500");
    step(14, "profile.step.age_bracket");
    ui::requirement_badge(ui, false);
    ui::toggle(ui, "profile.show_age", ui.t("profile.show_age"), show_age_);
    if (show_age_ && !birth_.empty()) {
        const CivilDate today = japan_date(std::chrono::system_clock::now());
        const std::string label = age_bracket_label(age_on(birth_, today), ctx.session.language == Language::ja);
        ui::text(ui, ui.t("profile.age_public") + label, theme::kMuted);
        ui.registry.record({"profile.age_bracket", "", WidgetKind::text, {}, true, true, label, {}});
    }
    field_error("show_age_bracket", ui);
    step(15, "profile.step.preferred_prefecture");
    ui::requirement_badge(ui, false);
    ui::select_list(ui, "profile.preferred_prefecture", ui.t("profile.preferred_prefecture"), prefs,
                    preferred_prefecture_, 6.0f);
    field_error("preferred_prefecture", ui);
    step(16, "profile.step.preferred_municipality");
    ui::requirement_badge(ui, false);
    draw_municipality(ui, ctx);
    field_error("preferred_municipality", ui);
    step(17, "profile.step.hometown");
    ui::text_field(ui, "profile.hometown", ui.t("profile.hometown"), hometown_);
    ui::text_wrapped(ui, ui.t("profile.hometown_note"), theme::kMuted);
    step(18, "profile.step.schools");
    ui::text_field(ui, "profile.schools", ui.t("profile.schools"), schools_);
    for (const Error& e : other_errors_)
        if (e.field.empty()) ui::error_text(ui, e);
    ImGui::Dummy(ImVec2(0, m.gap()));
    if (ui::button(ui, "profile.save", ui.t("profile.save"), {ui::ButtonStyle::primary, true, m.em * 12, 0}))
        save(ui, ctx);
    if (ui::button(ui, "profile.open_preview", ui.t("profile.open_preview"), {ui::ButtonStyle::secondary, true, 0, 0}))
        ctx.nav.push(ScreenId::profile_preview);
}

}  // namespace madoguchi
