// NDA 【14】 through the touch screen on the real app and store: agree stays
// disabled until the end of the text was on screen; empty / too-small
// signatures and empty / wrong names are refused inline with nothing lost; a
// valid agreement is one nda_agreement.create row with the right version,
// hash and language and an encrypted signature; a new version asks again.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "data/imaging/image_codec.hpp"
#include "tests/nda_mypage/nda_ui_fixture.hpp"

using namespace madoguchi;
using namespace madoguchi::testing;

namespace {

int ink_pixels(const std::vector<std::uint8_t>& png) {
    auto img = decode_image(png);
    REQUIRE(img.ok());
    const Image g = to_gray(*img);
    int n = 0;
    for (auto b : g.bytes) n += b < 128;
    return n;
}

void type_name_by_paste(UiDriver& d, const std::string& name) {
    REQUIRE_OK(d.tap("nda.name"));
    REQUIRE_OK(clear_open_field(d, "nda.name"));
    REQUIRE_OK(d.paste(name));
    REQUIRE_OK(d.tap("kbd.done"));
}

}  // namespace

TEST_CASE("NDA: read to the end, refused inputs keep what was entered, a valid agreement is stored and queued") {
    NdaUiFixture f;
    auto& d = f.d();
    sign_up(d, "yamada2024");
    Profile p;
    p.family_name = "山田";
    p.given_name = "太郎";
    REQUIRE(f.store().profiles().save(f.owner(), p).ok());

    REQUIRE_OK(open_section(d, "home.nda"));
    REQUIRE(d.screen() == "nda");
    const std::string version = f.nda.current_version().value();
    CHECK(d.value("nda.status") == "not_agreed");
    CHECK(d.value("nda.version") == version);

    // Not read yet: 同意する cannot be pressed (not even after one page).
    REQUIRE(d.find("nda.agree"));
    CHECK_FALSE(d.find("nda.agree")->enabled);
    CHECK_FALSE(d.tap("nda.agree"));
    CHECK(d.value("nda.text") == "reading");
    REQUIRE_OK(d.tap("nda.page_down"));
    CHECK(d.value("nda.text") == "reading");
    CHECK_FALSE(d.find("nda.agree")->enabled);
    const int pages = 1 + read_to_end(d);
    CHECK(pages >= 3);  // the shipped text is several screens long
    CHECK(d.find("nda.agree")->enabled);
    CHECK_FALSE(d.find("nda.page_down")->enabled);
    CHECK(d.find("nda.page_up")->enabled);

    // Nothing entered: both refused inline.
    reveal_wholly(d, "nda.agree");
    REQUIRE_OK(d.tap("nda.agree"));
    CHECK(d.screen() == "nda");
    CHECK_FALSE(d.error("nda.name").empty());
    CHECK(d.error("nda.signature").find("署名") != std::string::npos);
    CHECK(nda_rows(f.store()).empty());
    d.advance_seconds(10);  // the error toast leaves

    // A tick is no signature; a different name is refused; both stay as entered.
    draw_on_pad(d, {{0.5f, 0.5f}, {0.52f, 0.55f}});
    CHECK(d.value("nda.signature") == "1");
    CHECK(d.error("nda.signature").empty());  // drawing again clears the message
    REQUIRE_OK(fill(d, "nda.name", "やまだ"));
    REQUIRE_OK(d.tap("nda.agree"));
    CHECK(d.error("nda.signature").find("小さすぎ") != std::string::npos);
    CHECK(d.error("nda.name").find("姓名") != std::string::npos);
    CHECK(d.value("nda.name") == "やまだ");
    CHECK(d.value("nda.signature") == "1");
    CHECK(nda_rows(f.store()).empty());
    d.advance_seconds(10);

    // 書き直す, then a real signature and the profile's name.
    REQUIRE_OK(d.tap("nda.signature.clear"));
    CHECK(d.value("nda.signature") == "0");
    draw_on_pad(d, zigzag());
    CHECK(d.value("nda.signature") == "1");
    type_name_by_paste(d, "山田　太郎");
    REQUIRE_OK(d.tap("nda.agree"));
    d.frames(2);
    REQUIRE(d.screen() == "home");

    const auto rows = nda_rows(f.store());
    REQUIRE(rows.size() == 1);
    const auto& row = rows.front();
    CHECK(row.owner_client_id == f.owner());
    const auto payload = nlohmann::json::parse(row.payload);
    const std::string shown =
        read_text(std::filesystem::path(MADOGUCHI_ASSETS_DIR) / "nda" / version / "ja.txt");
    CHECK(payload["text_version"] == version);
    CHECK(payload["text_sha256"] == sha256_of(shown));
    CHECK(payload["language"] == "ja");
    CHECK(payload["typed_name"] == "山田　太郎");
    CHECK(payload["agreed_at_ms"] == f.account.store.now_ms);
    const std::string file_id = payload["signature_file_id"];
    REQUIRE(row.file_ids == std::vector<std::string>{file_id});

    // The signature: encrypted on disk, a PNG with ink once decrypted.
    REQUIRE(f.store().files().file_exists(file_id));
    const std::string on_disk = read_text(f.store().files().path_of(file_id));
    CHECK(on_disk.find("\x89PNG") == std::string::npos);
    CHECK(on_disk.find("IHDR") == std::string::npos);
    CHECK(on_disk.find("IDAT") == std::string::npos);
    auto png = f.store().files().read(file_id, f.owner());
    REQUIRE(png.ok());
    REQUIRE(png->size() > 8);
    CHECK((*png)[1] == 'P');
    CHECK(ink_pixels(*png) > 500);

    // My page shows the section done and waiting to be sent; the NDA screen
    // shows the agreement instead of the form.
    CHECK(d.value("mypage.nda.percent") == "100%");
    CHECK(d.value("mypage.nda.sync") == "送信待ち");
    REQUIRE_OK(open_section(d, "home.nda"));
    CHECK(d.value("nda.status") == "agreed");
    CHECK_FALSE(d.find("nda.agree"));
    CHECK_FALSE(d.find("nda.signature"));
}

TEST_CASE("NDA: a new text version asks again; English text is recorded as English") {
    NdaAssets assets;
    assets.add_version("2026-04-01", long_text("秘密保持契約 2026-04-01", 30), long_text("NDA 2026-04-01", 30));
    assets.make_current("2026-04-01");
    NdaUiFixture f(assets.path());
    auto& d = f.d();
    REQUIRE_OK(d.tap("attract.lang.en"));
    sign_up(d, "janedoe77");

    // Agreed to the first version earlier (no profile: any name is taken).
    auto first = f.nda.current("en");
    REQUIRE(first.ok());
    REQUIRE(f.nda.agree(f.owner(), {first->version, "en", first->sha256, "Jane Doe", valid_signature_png()}).ok());
    REQUIRE_OK(open_section(d, "home.nda"));
    CHECK(d.value("nda.status") == "agreed");
    CHECK_FALSE(d.find("nda.agree"));
    REQUIRE_OK(d.tap("header.back"));
    d.frames(2);
    CHECK(d.value("mypage.nda.percent") == "100%");

    // The text is revised: My page no longer counts the NDA, the screen says
    // a new version exists and the whole agreement starts again.
    const std::string en2 = long_text("NDA 2026-11-01 (revised)", 40);
    assets.add_version("2026-11-01", long_text("秘密保持契約 2026-11-01（改訂）", 40), en2);
    assets.make_current("2026-11-01");
    REQUIRE_OK(open_section(d, "home.nda"));
    REQUIRE(d.screen() == "nda");
    CHECK(d.value("nda.status") == "new_version");
    CHECK(d.find("nda.status")->label.find("revised") != std::string::npos);
    CHECK(d.value("nda.version") == "2026-11-01");
    CHECK(d.value("nda.text") == "reading");
    REQUIRE(d.find("nda.agree"));
    CHECK_FALSE(d.find("nda.agree")->enabled);
    REQUIRE_OK(d.tap("header.back"));
    d.frames(2);
    CHECK(d.value("mypage.nda.percent") == "0%");

    REQUIRE_OK(open_section(d, "home.nda"));
    read_to_end(d);
    REQUIRE(d.find("nda.agree")->enabled);
    reveal_wholly(d, "nda.agree");
    REQUIRE_OK(d.tap("nda.agree"));  // refused (empty)
    d.advance_seconds(10);
    draw_on_pad(d, zigzag());
    REQUIRE_OK(fill(d, "nda.name", "Jane Doe"));
    REQUIRE_OK(d.tap("nda.agree"));
    d.frames(2);
    REQUIRE(d.screen() == "home");

    const auto rows = nda_rows(f.store());
    REQUIRE(rows.size() == 2);
    const auto latest = nlohmann::json::parse(rows.back().payload);
    CHECK(latest["text_version"] == "2026-11-01");
    CHECK(latest["language"] == "en");
    CHECK(latest["text_sha256"] == sha256_of(en2));
    CHECK(latest["typed_name"] == "Jane Doe");
    CHECK(d.value("mypage.nda.percent") == "100%");
    CHECK(d.value("mypage.nda.sync") == "Waiting to send 2 items");  // both agreements
}
