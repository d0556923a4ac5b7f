// SectionServices: the four record sections wired to the store and the rules.
#include "services/section_service.hpp"

#include "data/rules/validate_records.hpp"
#include "data/store/store.hpp"

namespace madoguchi {
namespace {

std::unique_ptr<SuggestionList> open_list(const std::string& dir, const char* file) {
    if (dir.empty()) return nullptr;
    auto list = SuggestionList::open(dir + "/" + file);
    if (!list) return nullptr;
    return std::make_unique<SuggestionList>(std::move(*list));
}

}  // namespace

SectionServices::SectionServices(Store& store, const std::string& suggestions_dir)
    : skills(store.skills(), [](const Skill& s) { return validate_skill(s); }),
      qualifications(store.qualifications(), [](const Qualification& q) { return validate_qualification(q); }),
      careers(
          store.careers(), [](const Career& c) { return validate_career(c); },
          [](Career& c) { return normalize_career_fields(c); }),
      hobbies(store.hobbies(), [](const Hobby& h) { return validate_hobby(h); }),
      attachments(store),
      skill_names_(open_list(suggestions_dir, "skills.json")),
      qualification_names_(open_list(suggestions_dir, "qualifications.json")) {}

void SectionServices::set_on_change(const std::function<void()>& f) {
    skills.set_on_change(f);
    qualifications.set_on_change(f);
    careers.set_on_change(f);
    hobbies.set_on_change(f);
}

}  // namespace madoguchi
