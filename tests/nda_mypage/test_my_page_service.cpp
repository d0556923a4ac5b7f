// MyPageService over a real store: completeness and sync state per section
// for records in different states (pending, sending, sent, needs attention),
// and one owner never sees another's records.
#include <doctest/doctest.h>

#include "data/store/store.hpp"
#include "services/my_page_service.hpp"
#include "services/nda_service.hpp"
#include "tests/nda_mypage/nda_test_support.hpp"

using namespace madoguchi;
using namespace madoguchi::testing;

namespace {

const std::string kOwner = "owner-1";

}  // namespace

TEST_CASE("summaries and sync states per section") {
    SUBCASE("sync state: the one that needs the eye most") {
        struct Case {
            SyncCounts c;
            SectionSyncState s;
        };
        for (const auto& k : std::vector<Case>{{{0, 0, 0, 0}, SectionSyncState::none},
                                               {{0, 0, 3, 0}, SectionSyncState::sent},
                                               {{1, 0, 3, 0}, SectionSyncState::pending},
                                               {{1, 1, 3, 0}, SectionSyncState::sending},
                                               {{1, 1, 3, 1}, SectionSyncState::needs_attention}})
            CHECK(summarize(k.c) == k.s);
    }

    TempStore store;
    Store& s = *store;
    NdaService nda(s, std::string(MADOGUCHI_ASSETS_DIR) + "/nda");
    MyPageService my_page(s, &nda);
    // In session: settled rows are kept (out of session they would be purged).
    REQUIRE(s.begin_session(kOwner).ok());

    auto empty = my_page.summary(kOwner);
    REQUIRE(empty.ok());
    REQUIRE(empty->sections.size() == 9);
    for (const auto& x : empty->sections) {
        CHECK(x.percent == 0);
        CHECK(x.records == 0);
        CHECK(x.state() == SectionSyncState::none);
    }

    // Profile 12 of 15 fields, sent.
    Profile p;
    p.nickname = "たろう";
    p.self_introduction = "よろしく";
    p.family_name = "山田";
    p.given_name = "太郎";
    p.family_name_kana = "ヤマダ";
    p.given_name_kana = "タロウ";
    p.birth_date = {1990, 4, 1};
    p.postal_code = "1000001";
    p.prefecture = "東京都";
    p.city = "千代田区";
    p.phone = "0312345678";
    p.preferred_prefecture = "13";
    auto saved = s.profiles().save(kOwner, p);
    REQUIRE(saved.ok());
    settle(s, saved->meta.client_id, SyncState::sent);

    // Two skills: one sent, one refused by the server; a hobby in flight;
    // a qualification still waiting.
    auto sk1 = s.skills().save(kOwner, Skill{{}, "C++", 4, 8, "業務で8年"});
    auto sk2 = s.skills().save(kOwner, Skill{{}, "Excel", 3, 2, ""});
    REQUIRE((sk1.ok() && sk2.ok()));
    settle(s, sk1->meta.client_id, SyncState::sent);
    settle(s, sk2->meta.client_id, SyncState::needs_attention);
    auto hobby = s.hobbies().save(kOwner, Hobby{{}, "写真", "", true});
    REQUIRE(hobby.ok());
    settle(s, hobby->meta.client_id, SyncState::sending);
    Qualification q;
    q.name = "日商簿記";
    q.issuer = "日本商工会議所";
    q.acquired = {2021, 2};
    q.score_or_grade = "2級";
    REQUIRE(s.qualifications().save(kOwner, q).ok());

    // NDA agreed to the current version, waiting to be sent.
    auto doc = nda.current("ja");
    REQUIRE(doc.ok());
    NdaAgreeRequest r{doc->version, "ja", doc->sha256, "山田 太郎", valid_signature_png()};
    REQUIRE(nda.agree(kOwner, r).ok());

    // Someone else's record must not count.
    REQUIRE(s.careers().save("other-owner", Career{}).ok());

    auto sum = my_page.summary(kOwner);
    REQUIRE(sum.ok());
    const auto& m = *sum;
    CHECK(m.find(MyPageSection::profile)->percent == 80);
    CHECK(m.find(MyPageSection::profile)->state() == SectionSyncState::sent);
    CHECK(m.find(MyPageSection::skills)->percent == (100 + 66) / 2);
    CHECK(m.find(MyPageSection::skills)->records == 2);
    CHECK(m.find(MyPageSection::skills)->sync.sent == 1);
    CHECK(m.find(MyPageSection::skills)->sync.needs_attention == 1);
    CHECK(m.find(MyPageSection::skills)->state() == SectionSyncState::needs_attention);
    CHECK(m.find(MyPageSection::hobbies)->percent == 50);
    CHECK(m.find(MyPageSection::hobbies)->state() == SectionSyncState::sending);
    CHECK(m.find(MyPageSection::qualifications)->percent == 100);
    CHECK(m.find(MyPageSection::qualifications)->state() == SectionSyncState::pending);
    CHECK(m.find(MyPageSection::careers)->records == 0);
    CHECK(m.find(MyPageSection::careers)->percent == 0);
    CHECK(m.find(MyPageSection::nda)->percent == 100);
    CHECK(m.find(MyPageSection::nda)->state() == SectionSyncState::pending);
    CHECK(m.find(MyPageSection::bank_account)->state() == SectionSyncState::none);

    // Without NDA texts the section cannot be complete.
    MyPageService no_nda(s, nullptr);
    CHECK(no_nda.summary(kOwner).value().find(MyPageSection::nda)->percent == 0);
}
