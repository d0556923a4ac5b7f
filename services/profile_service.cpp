// ProfileService: load / validate / save the profile; postal lookups.
#include "services/profile_service.hpp"

#include "data/imaging/image_codec.hpp"
#include "data/imaging/image_resize.hpp"
#include "data/rules/required_fields.hpp"
#include "data/rules/validate_records.hpp"
#include "data/store/store.hpp"
#include "platform/camera/camera.hpp"

namespace madoguchi {

namespace {

// What the registration form marks 必須 beyond the shared record rules
// (which accept a profile without an address: the server also stores
// partial profiles): the fields data/rules/required_fields lists as
// required_at_kiosk, each with the words the form shows for it.
Errors kiosk_required_fields(const Profile& p) {
    struct Words {
        std::string_view field;
        const char* ja;
        const char* en;
    };
    static constexpr Words kWords[] = {
        {"postal_code", "郵便番号を入力してください。", "Enter the postal code."},
        {"prefecture", "都道府県を選んでください。", "Choose the prefecture."},
        {"city", "市区町村を入力してください。", "Enter the city, ward, town or village."},
        {"phone", "電話番号を入力してください。", "Enter a phone number."},
    };
    Errors e;
    for (std::string_view field : missing_fields(p, FieldNeed::required_at_kiosk)) {
        Error err{"profile.required", std::string(field), "この項目を入力してください。", "Fill in this field."};
        for (const auto& w : kWords)
            if (w.field == field) {
                err.message_ja = w.ja;
                err.message_en = w.en;
            }
        e.push_back(std::move(err));
    }
    return e;
}

}  // namespace

ProfileService::ProfileService(Store& store, const PostalDirectory* postal, const LocalGovDirectory* local_gov)
    : store_(store), postal_(postal), local_gov_(local_gov) {}

Result<Profile> ProfileService::load(const std::string& owner, const std::string& username) {
    auto got = store_.profiles().get(owner);
    if (!got) return got.error();
    if (got->has_value()) return std::move(**got);
    Profile blank;
    blank.username = username;
    return blank;
}

ProfileSaveOutcome ProfileService::save(const std::string& owner, Profile profile) {
    ProfileSaveOutcome out;
    Errors norm = normalize_profile_fields(profile);
    ValidationContext ctx;
    ctx.local_gov = local_gov_;
    Errors errs = validate_profile(profile, ctx);
    // A field the normalizer could not convert, or a required one left
    // empty, is reported once.
    for (auto& e : kiosk_required_fields(profile)) norm.push_back(std::move(e));
    for (auto& e : norm) {
        bool seen = false;
        for (const auto& v : errs) seen = seen || v.field == e.field;
        if (!seen) errs.push_back(std::move(e));
    }
    if (!errs.empty()) {
        out.errors = std::move(errs);
        return out;
    }
    auto saved = store_.profiles().save(owner, std::move(profile));
    if (!saved) {
        out.errors.push_back(saved.error());
        return out;
    }
    out.profile = std::move(*saved);
    if (on_saved_) on_saved_();
    return out;
}

ProfileService::~ProfileService() {
    stop_ = true;
    if (photo_worker_.joinable()) photo_worker_.join();
}

namespace {
// A face photo: enough for the platform's profile pages and staff, small
// enough to upload quickly (~100 kB as JPEG).
constexpr int kPhotoMaxSide = 800;
constexpr int kPhotoPreviewSide = 480;
}  // namespace

void ProfileService::set_camera(Camera* camera, PostToUi post_to_ui) {
    camera_ = camera;
    post_ = std::move(post_to_ui);
}

bool ProfileService::take_photo(std::function<void(ProfilePhotoShot)> done) {
    if (!camera_ || !post_) return false;
    if (photo_running_.exchange(true)) return false;
    if (photo_worker_.joinable()) photo_worker_.join();  // the previous one has finished
    photo_worker_ = std::thread([this, done = std::move(done)]() mutable {
        auto shot = std::make_shared<ProfilePhotoShot>();
        Status opened = camera_->open();
        if (opened) opened = camera_->start();
        if (!opened) {
            shot->error = opened.error();
        } else if (auto still = camera_->capture_still(); !still) {
            shot->error = still.error();
        } else {
            Image photo = shrink_to_fit(*still, kPhotoMaxSide);
            if (auto jpeg = encode_jpeg(photo, 90); !jpeg) {
                shot->error = jpeg.error();
            } else {
                shot->ok = true;
                shot->jpeg = std::move(*jpeg);
                shot->preview = shrink_to_fit(photo, kPhotoPreviewSide);
            }
        }
        camera_->stop();
        photo_running_ = false;
        if (stop_) return;
        post_([shot, done = std::move(done)] { done(std::move(*shot)); });
    });
    return true;
}

Result<std::string> ProfileService::keep_photo(const std::string& owner, const ProfilePhotoShot& shot) {
    if (!shot.ok || shot.jpeg.empty())
        return Error{"photo.none", "photo_file_id", "先に写真を撮ってください。", "Take a photo first."};
    return store_.files().put(owner, shot.jpeg);
}

Result<Image> ProfileService::photo_preview(const std::string& owner, const std::string& file_id) {
    auto bytes = store_.files().read(file_id, owner);
    if (!bytes) return bytes.error();
    auto image = decode_image(*bytes);
    if (!image) return image.error();
    return shrink_to_fit(*image, kPhotoPreviewSide);
}

std::vector<Municipality> ProfileService::municipalities(std::string_view prefecture_code) const {
    if (!local_gov_) return {};
    return local_gov_->municipalities(prefecture_code, true);
}

std::vector<PostalAddress> ProfileService::lookup_postal(std::string_view code) const {
    if (!postal_) return {};
    return postal_->lookup(code);
}

}  // namespace madoguchi
