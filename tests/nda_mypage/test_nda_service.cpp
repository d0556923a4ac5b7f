// NdaService over a real store: texts and hashes from the assets, name rule,
// refusals that store nothing, the stored agreement (encrypted signature +
// outbox row), and "agree again" when a new version is installed.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "data/store/store.hpp"
#include "services/nda_service.hpp"
#include "tests/nda_mypage/nda_test_support.hpp"

using namespace madoguchi;
using namespace madoguchi::testing;

namespace {

const std::string kOwner = "owner-1";

NdaAgreeRequest request_for(const NdaDocument& d, std::string name) {
    NdaAgreeRequest r;
    r.version = d.version;
    r.language = d.language;
    r.sha256 = d.sha256;
    r.typed_name = std::move(name);
    r.signature_png = valid_signature_png();
    return r;
}

std::int64_t outbox_total(Store& s) {
    auto c = s.outbox().counts();
    REQUIRE(c.ok());
    return c->pending + c->sending + c->done + c->dead_letter;
}

bool has_error(const NdaAgreeOutcome& o, const std::string& code) {
    for (const auto& e : o.errors)
        if (e.code == code) return true;
    return false;
}

}  // namespace

TEST_CASE("the shipped NDA: current version, both languages, hash of the exact bytes") {
    TempStore store;
    NdaService nda(*store, std::string(MADOGUCHI_ASSETS_DIR) + "/nda");
    auto version = nda.current_version();
    REQUIRE(version.ok());
    for (const char* lang : {"ja", "en"}) {
        auto d = nda.current(lang);
        REQUIRE(d.ok());
        CHECK(d->version == *version);
        CHECK(d->language == lang);
        const std::string bytes =
            read_text(std::filesystem::path(MADOGUCHI_ASSETS_DIR) / "nda" / *version / (std::string(lang) + ".txt"));
        CHECK(d->text == bytes);
        CHECK(d->sha256 == sha256_of(bytes));
        CHECK(d->text.size() > 2000);  // a real text, long enough to scroll
    }
    CHECK_FALSE(nda.current("fr").ok());
}

TEST_CASE("broken or hostile manifests are errors, not crashes") {
    TempStore store;
    NdaAssets assets;
    NdaService nda(*store, assets.path());
    CHECK_FALSE(nda.current("ja").ok());  // no manifest
    for (const std::string manifest :
         {"", "not json", "{}", "{\"current_version\": 3}", "{\"current_version\": \"../../etc\"}",
          "{\"current_version\": \"\"}"}) {
        INFO(manifest);
        write_text(assets.dir.path() / "manifest.json", manifest);
        auto d = nda.current("ja");
        REQUIRE_FALSE(d.ok());
        CHECK(d.error().code == "nda.asset");
    }
    assets.make_current("v9");  // names a version whose folder is missing
    CHECK_FALSE(nda.current("ja").ok());
}

TEST_CASE("name rule: the profile's 姓名, spaces and width ignored") {
    struct Case {
        const char* typed;
        const char* expected;
        bool matches;
    };
    const std::vector<Case> cases{
        {"山田太郎", "山田 太郎", true},      {"山田　太郎", "山田 太郎", true}, {" 山田 太郎 ", "山田 太郎", true},
        {"Ｙａｍａｄａ", "Yamada", true},     {"山田", "山田 太郎", false},       {"山田花子", "山田 太郎", false},
        {"", "山田 太郎", false},             {"　", "山田 太郎", false},         {"やまだたろう", "山田 太郎", false},
    };
    for (const auto& c : cases) {
        INFO(c.typed);
        CHECK(NdaService::name_matches(c.typed, c.expected) == c.matches);
    }
}

TEST_CASE("agree: refusals store nothing; a valid agreement stores an encrypted signature and one outbox row") {
    TempStore store;
    NdaAssets assets;
    assets.add_version("v1", long_text("秘密保持契約 v1", 5), "NDA v1\n");
    assets.make_current("v1");
    NdaService nda(*store, assets.path(), [&] { return store.now_ms; });
    int saved_hooks = 0;
    nda.set_on_saved([&] { ++saved_hooks; });
    auto doc = nda.current("ja");
    REQUIRE(doc.ok());

    Profile p;
    p.family_name = "山田";
    p.given_name = "太郎";
    REQUIRE(store->profiles().save(kOwner, p).ok());
    const auto rows_before = outbox_total(*store);
    CHECK(nda.expected_name(kOwner).value() == "山田 太郎");

    struct Refusal {
        const char* what;
        std::function<void(NdaAgreeRequest&)> change;
        const char* code;
    };
    const std::vector<Refusal> refusals{
        {"empty name", [](NdaAgreeRequest& r) { r.typed_name = ""; }, "text.required"},
        {"other name", [](NdaAgreeRequest& r) { r.typed_name = "山田花子"; }, "nda.name_mismatch"},
        {"emoji name", [](NdaAgreeRequest& r) { r.typed_name = "山田\xF0\x9F\x98\x80"; }, "text.undrawable_char"},
        {"no signature", [](NdaAgreeRequest& r) { r.signature_png.clear(); }, "nda.signature"},
        {"not a PNG", [](NdaAgreeRequest& r) { r.signature_png = {'G', 'I', 'F', '8', '9', 'a', 0, 0, 0}; },
         "nda.signature"},
        {"text changed while reading", [](NdaAgreeRequest& r) { r.sha256 = std::string(64, '0'); },
         "nda.text_changed"},
        {"old version", [](NdaAgreeRequest& r) { r.version = "v0"; }, "nda.text_changed"},
    };
    for (const auto& c : refusals) {
        INFO(c.what);
        auto r = request_for(*doc, "山田 太郎");
        c.change(r);
        auto out = nda.agree(kOwner, r);
        CHECK_FALSE(out.ok());
        if (*c.code) CHECK(has_error(out, c.code));
        for (const auto& e : out.errors) CHECK_FALSE(e.message_ja.empty());
    }
    CHECK(outbox_total(*store) == rows_before);
    CHECK(store->nda_agreements().list(kOwner).value().empty());
    CHECK(saved_hooks == 0);

    auto out = nda.agree(kOwner, request_for(*doc, "山田　太郎"));
    REQUIRE_MESSAGE(out.ok(), (out.ok() ? "" : out.errors.front().message_en));
    CHECK(saved_hooks == 1);
    CHECK(out.agreement.text_version == "v1");
    CHECK(out.agreement.text_sha256 == sha256_of(read_text(assets.dir.path() / "v1" / "ja.txt")));
    CHECK(out.agreement.language == "ja");
    CHECK(out.agreement.agreed_at_ms == store.now_ms);
    CHECK(outbox_total(*store) == rows_before + 1);
    auto pending = store->outbox().list(OutboxState::pending);
    REQUIRE(pending.ok());
    REQUIRE(pending->back().operation == "nda_agreement.create");
    REQUIRE(pending->back().file_ids == std::vector<std::string>{out.agreement.signature_file_id});

    // On disk the signature is ciphertext; decrypted it is the PNG we gave.
    const std::string on_disk = read_text(store->files().path_of(out.agreement.signature_file_id));
    CHECK(on_disk.find("PNG") == std::string::npos);
    CHECK(on_disk.find("IHDR") == std::string::npos);
    auto plain = store->files().read(out.agreement.signature_file_id, kOwner);
    REQUIRE(plain.ok());
    CHECK(*plain == valid_signature_png());
    CHECK_FALSE(store->files().read(out.agreement.signature_file_id, "someone-else").ok());

    auto status = nda.status(kOwner);
    REQUIRE(status.ok());
    CHECK(status->state == NdaAgreementState::agreed_current);

    // A new version is installed: the person is asked again.
    store.now_ms += 1000;
    assets.add_version("v2", long_text("秘密保持契約 v2（改訂）", 6), "NDA v2\n");
    assets.make_current("v2");
    status = nda.status(kOwner);
    REQUIRE(status.ok());
    CHECK(status->state == NdaAgreementState::agreed_older);
    CHECK(status->current_version == "v2");
    CHECK(status->latest->text_version == "v1");
    // What was read before the update cannot be agreed to as the new version.
    CHECK(has_error(nda.agree(kOwner, request_for(*doc, "山田太郎")), "nda.text_changed"));
    auto doc2 = nda.current("en");
    REQUIRE(doc2.ok());
    REQUIRE(nda.agree(kOwner, request_for(*doc2, "Yamada Taro")).errors.size() == 1);  // name must match
    REQUIRE(nda.agree(kOwner, request_for(*doc2, "山田太郎")).ok());
    status = nda.status(kOwner);
    CHECK(status->state == NdaAgreementState::agreed_current);
    CHECK(status->latest->language == "en");
}

TEST_CASE("without a profile any non-blank name is taken") {
    TempStore store;
    NdaService nda(*store, std::string(MADOGUCHI_ASSETS_DIR) + "/nda");
    CHECK(nda.expected_name(kOwner).value().empty());
    auto doc = nda.current("en");
    REQUIRE(doc.ok());
    CHECK_FALSE(nda.agree(kOwner, request_for(*doc, "  ")).ok());
    CHECK(nda.agree(kOwner, request_for(*doc, "Jane Doe")).ok());
    CHECK(nda.status(kOwner).value().state == NdaAgreementState::agreed_current);
    CHECK(nda.status("other-owner").value().state == NdaAgreementState::never_agreed);
}
