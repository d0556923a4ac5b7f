// ProfileService: the profile form's link to the store and the rules: load
// (or a blank profile carrying the username), normalize + validate with
// data/rules, save through the repository (one outbox row), and postal
// code lookups against the Japan Post data set.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "data/datasets/postal_directory.hpp"
#include "data/model/profile.hpp"
#include "data/result.hpp"

namespace madoguchi {

class Store;

struct ProfileSaveOutcome {
    Errors errors;    // Error::field = Profile member name; empty = saved
    Profile profile;  // the stored (normalized) copy when saved
    bool ok() const { return errors.empty(); }
};

class ProfileService {
public:
    // `postal` may be null (data set missing): lookups then find nothing.
    ProfileService(Store& store, const PostalDirectory* postal);

    // The owner's stored profile, or a blank one with `username` filled in.
    Result<Profile> load(const std::string& owner, const std::string& username);

    // Normalizes what was typed (furigana to katakana, postal code and phone
    // to digits), validates every field, and when valid saves it with its
    // "profile.put" outbox row. On errors nothing is stored.
    ProfileSaveOutcome save(const std::string& owner, Profile profile);

    // Addresses of a postal code as typed ("100-0001", "〒１００００００１").
    std::vector<PostalAddress> lookup_postal(std::string_view code) const;
    bool postal_available() const { return postal_ != nullptr; }

private:
    Store& store_;
    const PostalDirectory* postal_;
};

}  // namespace madoguchi
