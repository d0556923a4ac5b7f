// MyPageService: completeness and sync state per section from the repositories.
#include "services/my_page_service.hpp"

#include <set>

#include "data/store/store.hpp"
#include "services/completeness.hpp"
#include "services/nda_service.hpp"

namespace madoguchi {
namespace {

// The records table says pending until the platform answered; a row the
// sync engine has in flight right now is 送信中.
using InFlight = std::set<std::string, std::less<>>;

SyncState shown_state(const RecordMeta& m, const InFlight& in_flight) {
    if (m.sync_state == SyncState::pending && in_flight.count(m.client_id)) return SyncState::sending;
    return m.sync_state;
}

template <typename T>
SyncCounts count_states(const std::vector<T>& records, const InFlight& in_flight) {
    SyncCounts c;
    for (const auto& r : records) c.add(shown_state(r.meta, in_flight));
    return c;
}

template <typename T>
SyncCounts count_states(const std::optional<T>& record, const InFlight& in_flight) {
    SyncCounts c;
    if (record) c.add(shown_state(record->meta, in_flight));
    return c;
}

}  // namespace

void SyncCounts::add(SyncState s) {
    switch (s) {
        case SyncState::pending: ++pending; break;
        case SyncState::sending: ++sending; break;
        case SyncState::sent: ++sent; break;
        case SyncState::needs_attention: ++needs_attention; break;
    }
}

SectionSyncState summarize(const SyncCounts& c) {
    if (c.needs_attention > 0) return SectionSyncState::needs_attention;
    if (c.sending > 0) return SectionSyncState::sending;
    if (c.pending > 0) return SectionSyncState::pending;
    if (c.sent > 0) return SectionSyncState::sent;
    return SectionSyncState::none;
}

const SectionSummary* MyPageSummary::find(MyPageSection s) const {
    for (const auto& x : sections)
        if (x.section == s) return &x;
    return nullptr;
}

MyPageService::MyPageService(Store& store, NdaService* nda) : store_(store), nda_(nda) {}

Result<MyPageSummary> MyPageService::summary(const std::string& owner) {
    MyPageSummary out;
    auto add = [&out](MyPageSection s, int percent, SyncCounts sync) {
        SectionSummary x;
        x.section = s;
        x.percent = percent;
        x.sync = sync;
        x.records = sync.total();
        out.sections.push_back(x);
    };

    auto sending = store_.outbox().list(OutboxState::sending);
    if (!sending) return sending.error();
    InFlight in_flight;
    for (const auto& row : *sending)
        if (row.owner_client_id == owner) in_flight.insert(row.entity_client_id);

    auto profile = store_.profiles().get(owner);
    if (!profile) return profile.error();
    add(MyPageSection::profile, profile_completeness(*profile), count_states(*profile, in_flight));

    auto skills = store_.skills().list(owner);
    if (!skills) return skills.error();
    add(MyPageSection::skills, skills_completeness(*skills), count_states(*skills, in_flight));

    auto qualifications = store_.qualifications().list(owner);
    if (!qualifications) return qualifications.error();
    add(MyPageSection::qualifications, qualifications_completeness(*qualifications),
        count_states(*qualifications, in_flight));

    auto careers = store_.careers().list(owner);
    if (!careers) return careers.error();
    add(MyPageSection::careers, careers_completeness(*careers), count_states(*careers, in_flight));

    auto hobbies = store_.hobbies().list(owner);
    if (!hobbies) return hobbies.error();
    add(MyPageSection::hobbies, hobbies_completeness(*hobbies), count_states(*hobbies, in_flight));

    auto companies = store_.companies().list(owner);
    if (!companies) return companies.error();
    add(MyPageSection::company, company_completeness(*companies), count_states(*companies, in_flight));

    auto bank = store_.bank_accounts().get(owner);
    if (!bank) return bank.error();
    add(MyPageSection::bank_account, bank_account_completeness(*bank), count_states(*bank, in_flight));

    auto documents = store_.identity_documents().list(owner);
    if (!documents) return documents.error();
    add(MyPageSection::identity, identity_completeness(*documents), count_states(*documents, in_flight));

    auto agreements = store_.nda_agreements().list(owner);
    if (!agreements) return agreements.error();
    bool agreed_current = false;
    if (nda_) {
        auto status = nda_->status(owner);
        if (!status) return status.error();
        agreed_current = status->state == NdaAgreementState::agreed_current;
    }
    add(MyPageSection::nda, nda_completeness(agreed_current), count_states(*agreements, in_flight));
    return out;
}

}  // namespace madoguchi
