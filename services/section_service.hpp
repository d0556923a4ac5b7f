// SectionService<T>: one generic service behind the record sections of the
// guide (skills 【7】, qualifications 【8】, career 【9】, hobbies 【10】): list the
// signed-in owner's records, normalize + validate with data/rules, and save,
// update or remove through the typed repository (one outbox row per change).
// SectionServices bundles the four with their curated suggestion lists and
// the career attachments' capture.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "data/datasets/suggestion_list.hpp"
#include "data/model/career.hpp"
#include "data/model/hobby.hpp"
#include "data/model/qualification.hpp"
#include "data/model/skill.hpp"
#include "data/result.hpp"
#include "data/store/repositories.hpp"
#include "services/career_attachment_service.hpp"

namespace madoguchi {

class Store;

template <typename T>
struct SectionSaveOutcome {
    Errors errors;  // Error::field = member name of T; empty = stored
    T record;       // the stored copy (client_id, local_id, times) when stored
    bool ok() const { return errors.empty(); }
};

template <typename T>
class SectionService {
public:
    using Validate = std::function<Errors(const T&)>;
    using Normalize = std::function<Errors(T&)>;

    SectionService(CollectionRepository<T>& repo, Validate validate, Normalize normalize = {})
        : repo_(repo), validate_(std::move(validate)), normalize_(std::move(normalize)) {}

    // Called after every stored change (wakes the sync engine).
    void set_on_change(std::function<void()> f) { on_change_ = std::move(f); }

    // The owner's records, oldest first.
    Result<std::vector<T>> list(const std::string& owner) { return repo_.list(owner); }

    // A record without client_id is created ("<type>.create"), one with it
    // replaces the stored one ("<type>.update"). Nothing is stored when a
    // rule fails; every failure is returned at once.
    SectionSaveOutcome<T> save(const std::string& owner, T record) {
        SectionSaveOutcome<T> out;
        if (owner.empty()) {
            out.errors.push_back(not_signed_in());
            return out;
        }
        Errors errs;
        if (normalize_) errs = normalize_(record);
        Errors rules = validate_(record);
        // A field the normalizer could not convert is reported once.
        for (auto& e : errs) {
            bool seen = false;
            for (const auto& r : rules) seen = seen || r.field == e.field;
            if (!seen) rules.push_back(std::move(e));
        }
        if (!rules.empty()) {
            out.errors = std::move(rules);
            return out;
        }
        const bool is_new = record.meta.client_id.empty();
        auto stored = is_new ? repo_.save(owner, std::move(record)) : repo_.update(owner, std::move(record));
        if (!stored) {
            out.errors.push_back(stored.error());
            return out;
        }
        out.record = std::move(*stored);
        if (on_change_) on_change_();
        return out;
    }

    // Removes one of the owner's records ("<type>.delete").
    Status remove(const std::string& owner, const std::string& client_id) {
        if (owner.empty()) return not_signed_in();
        auto s = repo_.remove(owner, client_id);
        if (s && on_change_) on_change_();
        return s;
    }

private:
    static Error not_signed_in() {
        return Error{"session.signed_out", "", "サインインしてから登録してください。", "Please sign in first."};
    }
    CollectionRepository<T>& repo_;
    Validate validate_;
    Normalize normalize_;
    std::function<void()> on_change_;
};

// The four record sections of a job seeker and what their forms suggest.
class SectionServices {
public:
    // Suggestion lists are read from `suggestions_dir` (skills.json,
    // qualifications.json) at start-up; a missing list only means no
    // suggestions, free text still works.
    SectionServices(Store& store, const std::string& suggestions_dir);

    SectionService<Skill> skills;
    SectionService<Qualification> qualifications;
    SectionService<Career> careers;
    SectionService<Hobby> hobbies;
    // 【9】 Step 9: career attachments by camera or scanner (devices set by
    // the backend; none in a kiosk without them).
    CareerAttachmentService attachments;

    const SuggestionList* skill_suggestions() const { return skill_names_.get(); }
    const SuggestionList* qualification_suggestions() const { return qualification_names_.get(); }

    // Wakes the sync engine after each stored change.
    void set_on_change(const std::function<void()>& f);

private:
    std::unique_ptr<SuggestionList> skill_names_;
    std::unique_ptr<SuggestionList> qualification_names_;
};

}  // namespace madoguchi
