// MyPageService: what My page shows for the signed-in person, read through
// the repositories in one call: per section how complete it is
// (services/completeness.hpp) and where its records stand on the way to the
// platform (RecordMeta::sync_state), as a plain struct the screen only draws.
#pragma once

#include <string>
#include <vector>

#include "data/model/record_meta.hpp"
#include "data/result.hpp"

namespace madoguchi {

class Store;
class NdaService;

enum class MyPageSection { profile, skills, qualifications, careers, hobbies, company, bank_account, identity, nda };

// Records of a section by sync state.
struct SyncCounts {
    int pending = 0;          // 送信待ち
    int sending = 0;          // 送信中
    int sent = 0;             // 送信済み
    int needs_attention = 0;  // 要確認
    int total() const { return pending + sending + sent + needs_attention; }
    void add(SyncState s);
};

// The state a section shows: the one that needs the person's eye most
// (要確認 over 送信中 over 送信待ち over 送信済み); none when nothing is stored.
enum class SectionSyncState { none, pending, sending, sent, needs_attention };
SectionSyncState summarize(const SyncCounts& c);

struct SectionSummary {
    MyPageSection section = MyPageSection::profile;
    int percent = 0;  // 0..100
    int records = 0;
    SyncCounts sync;
    SectionSyncState state() const { return summarize(sync); }
};

struct MyPageSummary {
    std::vector<SectionSummary> sections;  // every MyPageSection, in the guide's order
    const SectionSummary* find(MyPageSection s) const;
};

class MyPageService {
public:
    // `nda` may be null (no NDA texts installed): the NDA section is then 0 %.
    MyPageService(Store& store, NdaService* nda);

    // Reads the owner's records (a handful of small SQLite reads: fine on the
    // UI thread when My page opens, never per frame).
    Result<MyPageSummary> summary(const std::string& owner);

private:
    Store& store_;
    NdaService* nda_;
};

}  // namespace madoguchi
