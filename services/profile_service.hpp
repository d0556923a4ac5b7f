// ProfileService: the profile form's link to the store and the rules: load
// (or a blank profile carrying the username), normalize + validate with
// data/rules, save through the repository (one outbox row), and postal
// code lookups against the Japan Post data set.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <string_view>
#include <vector>

#include "data/datasets/local_gov_directory.hpp"
#include "data/imaging/image.hpp"
#include "data/datasets/postal_directory.hpp"
#include "data/model/profile.hpp"
#include "data/result.hpp"

namespace madoguchi {

class Store;
class Camera;

// Step 1: a photo taken for the profile, not yet kept (preview + retake).
struct ProfilePhotoShot {
    bool ok = false;
    Error error;                      // camera.* with ja/en messages when !ok
    Image preview;                    // shrunk for the screen
    std::vector<std::uint8_t> jpeg;   // what "use this photo" stores (encrypted)
};

struct ProfileSaveOutcome {
    Errors errors;    // Error::field = Profile member name; empty = saved
    Profile profile;  // the stored (normalized) copy when saved
    bool ok() const { return errors.empty(); }
};

class ProfileService {
public:
    // `postal` / `local_gov` may be null (data set missing): lookups then
    // find nothing and the municipality is not offered.
    ProfileService(Store& store, const PostalDirectory* postal, const LocalGovDirectory* local_gov = nullptr);

    ~ProfileService();  // joins a running photo capture
    ProfileService(const ProfileService&) = delete;
    ProfileService& operator=(const ProfileService&) = delete;

    // Step 1's camera (platform/camera; null = none in this kiosk) and the UI
    // queue its answers come back through.
    using PostToUi = std::function<void(std::function<void()>)>;
    void set_camera(Camera* camera, PostToUi post_to_ui);
    bool camera_available() const { return camera_ != nullptr; }

    // Takes a still on a worker thread (never in draw()), shrinks it to a
    // profile photo and encodes it; `done` runs through post_to_ui. Nothing
    // is stored yet: the person sees it and keeps it or takes another.
    // False when there is no camera or a capture is running.
    bool take_photo(std::function<void(ProfilePhotoShot)> done);
    bool photo_running() const { return photo_running_.load(); }
    // Keeps the shot encrypted in the file store under the owner; the id
    // goes into Profile::photo_file_id and the sync engine uploads the file
    // with the profile.put row.
    Result<std::string> keep_photo(const std::string& owner, const ProfilePhotoShot& shot);
    // The stored photo, decrypted and shrunk for the screen.
    Result<Image> photo_preview(const std::string& owner, const std::string& file_id);

    // Called after a save queued its outbox row (the sync engine's notify():
    // send now rather than at the next poll).
    void set_on_saved(std::function<void()> on_saved) { on_saved_ = std::move(on_saved); }

    // The owner's stored profile, or a blank one with `username` filled in.
    Result<Profile> load(const std::string& owner, const std::string& username);

    // Normalizes what was typed (furigana to katakana, postal code and phone
    // to digits), validates every field (data/rules, plus what the kiosk's
    // form marks 必須: postal code, prefecture, city, phone — staff need an
    // address and a number to reach a registrant), and when valid saves it
    // with its "profile.put" outbox row. On errors nothing is stored.
    ProfileSaveOutcome save(const std::string& owner, Profile profile);

    // Addresses of a postal code as typed ("100-0001", "〒１００００００１").
    std::vector<PostalAddress> lookup_postal(std::string_view code) const;
    bool postal_available() const { return postal_ != nullptr; }

    // Step 16: municipalities (政令市 wards after their city) of a prefecture,
    // JIS code "01".."47"; empty without the data set.
    std::vector<Municipality> municipalities(std::string_view prefecture_code) const;

private:
    Store& store_;
    const PostalDirectory* postal_;
    const LocalGovDirectory* local_gov_;
    std::function<void()> on_saved_;
    Camera* camera_ = nullptr;
    PostToUi post_;
    std::atomic<bool> photo_running_{false};
    std::atomic<bool> stop_{false};
    std::thread photo_worker_;
};

}  // namespace madoguchi
