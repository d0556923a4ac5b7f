// Font atlas: glyphs on demand, never a box for JIS level 1–2 kanji, the
// atlas stays ≤ 2048², and a wipe drops the previous user's glyphs.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tests/kiosk/shell/ui_fixture.hpp"
#include "tests/support/jis_kanji.hpp"

using namespace madoguchi;
using madoguchi::testing::UiFixture;

namespace {

char32_t first_codepoint(const std::string& s) {
    unsigned int c = 0;
    ImTextCharFromUtf8(&c, s.c_str(), s.c_str() + s.size());
    return c;
}

}  // namespace

TEST_CASE("every JIS level 1-2 kanji gets a real glyph, atlas never over 2048") {
    UiFixture f;
    FontSet& fonts = f.app.fonts();
    auto kanji = madoguchi::testing::jis_x0208_kanji(16, 84);
    REQUIRE(kanji.size() == 6355);
    std::size_t missing = 0;
    for (std::size_t start = 0; start < kanji.size(); start += 1200) {
        std::string chunk;
        for (std::size_t i = start; i < std::min(kanji.size(), start + 1200); ++i) chunk += kanji[i];
        fonts.note(chunk);
        REQUIRE(fonts.build(*ImGui::GetIO().Fonts));
        CHECK(fonts.stats().width <= 2048);
        CHECK(fonts.stats().height <= 2048);
        for (std::size_t i = start; i < std::min(kanji.size(), start + 1200); ++i)
            if (!fonts.has_glyph(first_codepoint(kanji[i]))) ++missing;
        fonts.reset_to_base();
    }
    CHECK(missing == 0);
}

TEST_CASE("text with new kanji is drawn in the same frame with its glyphs") {
    UiFixture f;
    auto& d = *f.driver;
    const char32_t rare = U'鬱';
    CHECK_FALSE(f.app.fonts().has_glyph(rare));
    f.app.show_toast("鬱蒼とした森", ToastKind::info);
    d.frames(1);
    CHECK(f.app.fonts().has_glyph(rare));
    CHECK_FALSE(f.app.fonts().dirty());
    // The wipe forgets it: the next user's atlas has no trace of it.
    f.app.wipe_session();
    d.frames(1);
    CHECK_FALSE(f.app.fonts().has_glyph(rare));
}

TEST_CASE("a flood of distinct kanji keeps the atlas within bounds, newest kept") {
    UiFixture f;
    FontSet& fonts = f.app.fonts();
    auto kanji = madoguchi::testing::jis_x0208_kanji(16, 84);
    REQUIRE(kanji.size() == 6355);
    for (std::size_t start = 0; start < 5000; start += 500) {
        std::string chunk;
        for (std::size_t i = start; i < start + 500; ++i) chunk += kanji[i];
        fonts.note(chunk);
        REQUIRE(fonts.build(*ImGui::GetIO().Fonts));
        CHECK(fonts.stats().height <= 2048);
        CHECK(fonts.has_glyph(first_codepoint(kanji[start + 499])));
    }
}

TEST_CASE("base glyphs: every catalog text is present without any note") {
    UiFixture f;
    for (const auto& text : f.app.strings().all_texts()) {
        const char* p = text.c_str();
        const char* end = p + text.size();
        while (p < end) {
            unsigned int c = 0;
            p += ImTextCharFromUtf8(&c, p, end);
            if (c < 0x20) continue;
            INFO("U+" << std::hex << c << " in " << text);
            CHECK(f.app.fonts().has_glyph(c));
        }
    }
}
