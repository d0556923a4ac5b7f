// The second half of the identity e2e tests, the same whichever source
// captured the pages: the submitted document is encrypted on the kiosk, the
// real SyncEngine uploads it to the real server, the kiosk crypto-erases it
// on acknowledgement, staff verify it through the staff endpoint, the images
// are gone from the server too and the user's status reads 確認済み.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <optional>

#include "net/api_client.hpp"
#include "net/http_client.hpp"
#include "net/idempotency_key.hpp"
#include "tests/identity/staff_fixture.hpp"
#include "tests/net/kiosk_fixture.hpp"

namespace madoguchi::testing {

inline void upload_verify_and_check_destroyed(test::KioskFixture& kf, StaffFixture& f, const Account& reg) {
    auto docs = kf.store().identity_documents().list(reg.meta.client_id);
    REQUIRE(docs.ok());
    REQUIRE(docs->size() == 1);
    const IdentityDocument doc = docs->front();
    REQUIRE(doc.pages.size() == 2);
    for (const auto& p : doc.pages) {
        CHECK(kf.store().files().file_exists(p.file_id));
        CHECK(kf.store().files().has_key(p.file_id));
    }
    // Encrypted at rest: no image magic anywhere in the kiosk's directory.
    CHECK(plaintext_images_under(kf.dir().path() / "files") == 0);
    CHECK(plaintext_images_under(kf.dir().path()) <= plaintext_images_under(kf.dir().path() / "server"));

    // The real sync engine drains the outbox to the real server.
    {
        SyncEngine engine(kf.engine_config(), kf.store_opener(), kf.event_sink());
        engine.start();
        REQUIRE(kf.wait_drained(std::chrono::seconds(90)));
        engine.stop();
    }
    // Acknowledged: crypto-erased (key row gone) and unlinked on the kiosk.
    for (const auto& p : doc.pages) {
        CHECK_FALSE(kf.store().files().has_key(p.file_id));
        CHECK_FALSE(kf.store().files().file_exists(p.file_id));
    }
    CHECK(kf.server_count("SELECT count(*) FROM identity_documents WHERE status='pending'") == 1);
    const auto server_dir = std::filesystem::path(kf.server().data_dir());
    CHECK(plaintext_images_under(server_dir) >= 1);  // the server holds the pages until checked

    // Before the check the user sees 確認待ち.
    std::optional<Result<IdentityStatusView>> seen;
    REQUIRE(f.identity.fetch(reg.meta.client_id, [&](Result<IdentityStatusView> r) { seen = std::move(r); }));
    REQUIRE(f.pump_until([&] { return seen.has_value(); }));
    REQUIRE(seen->ok());
    CHECK((*seen)->from_server);
    CHECK((*seen)->status == VerificationStatus::pending);

    // Head-office staff verify it through the staff endpoint.
    HttpClient http(HttpClientConfig{});
    ApiClient staff_api(http, ApiClientConfig{kf.server().base_url(), "", "madoguchi-staff-dev"});
    auto pending = staff_api.staff_pending_documents();
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 1);
    CHECK(pending->front().meta.client_id == doc.meta.client_id);
    auto page = staff_api.staff_document_page(doc.meta.client_id, "front");
    REQUIRE(page.ok());
    CHECK(test::sha256_hex(std::vector<std::uint8_t>(page->bytes.begin(), page->bytes.end())) == doc.pages[0].sha256);
    REQUIRE(staff_api.staff_verify_document(doc.meta.client_id, "hq-staff-01", make_idempotency_key()).ok());

    // Gone from the server's data directory; only the result is kept.
    CHECK(plaintext_images_under(server_dir) == 0);
    CHECK(staff_api.staff_document_page(doc.meta.client_id, "front").failure().http_status == 410);
    CHECK(kf.server_count("SELECT count(*) FROM identity_documents WHERE status='verified'") == 1);
    // And nothing of it on the kiosk.
    CHECK(plaintext_images_under(kf.dir().path() / "files") == 0);
    for (const auto& e : std::filesystem::directory_iterator(kf.dir().path() / "files"))
        CHECK_MESSAGE(false, "file left on the kiosk: " << e.path());

    // The user's status, as the identity status screen fetches it.
    seen.reset();
    REQUIRE(f.identity.fetch(reg.meta.client_id, [&](Result<IdentityStatusView> r) { seen = std::move(r); }));
    REQUIRE(f.pump_until([&] { return seen.has_value(); }));
    REQUIRE(seen->ok());
    CHECK((*seen)->status == VerificationStatus::verified);
    CHECK(f.ui.app.strings().get(verification_status_key((*seen)->status)) == "確認済み");
}

}  // namespace madoguchi::testing
