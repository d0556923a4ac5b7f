// ProfileService: load / validate / save the profile; postal lookups.
#include "services/profile_service.hpp"

#include "data/rules/validate_records.hpp"
#include "data/store/store.hpp"

namespace madoguchi {

ProfileService::ProfileService(Store& store, const PostalDirectory* postal) : store_(store), postal_(postal) {}

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
    Errors errs = validate_profile(profile);
    // A field the normalizer could not convert is reported once.
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
    return out;
}

std::vector<PostalAddress> ProfileService::lookup_postal(std::string_view code) const {
    if (!postal_) return {};
    return postal_->lookup(code);
}

}  // namespace madoguchi
