// The one owner of ImGui's font atlas. Noto Sans CJK JP is memory-mapped
// (not copied) and the atlas holds only the glyphs in use: a base set
// (ASCII, kana, the string catalog) plus whatever text is about to be drawn.
// Text with a missing glyph marks the frame dirty; the shell then discards
// that frame, rebuilds the atlas and draws again, so a box is never shown.
#pragma once

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "data/result.hpp"

struct ImFont;
struct ImFontAtlas;

namespace madoguchi {

enum class FontRole { body, title };

struct AtlasStats {
    int width = 0;
    int height = 0;
    std::size_t body_glyphs = 0;
    std::size_t title_glyphs = 0;
    std::size_t texture_bytes = 0;  // RGBA32 as uploaded
    double last_build_ms = 0;
    int builds = 0;
};

class FontSet {
public:
    // Largest atlas side we ever build (DESIGN: ≤ 2048×2048; smaller if the GPU says so).
    static constexpr int kMaxAtlasSide = 2048;

    FontSet(std::string font_path, float body_px);
    ~FontSet();
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;

    // Maps the font file. Start-up failure: the kiosk cannot run without it.
    Status open();

    // Text that is always present at body size (catalog strings); survives session wipes.
    void add_base_text(std::string_view utf8);
    // Records the glyphs of text about to be drawn; returns false (and marks
    // the atlas dirty) when some are missing.
    bool note(std::string_view utf8, FontRole role = FontRole::body);
    bool dirty() const { return dirty_; }

    // Rebuilds `atlas` with the current glyph sets (between frames only).
    // Evicts the least recently used non-base glyphs when over budget.
    Status build(ImFontAtlas& atlas, int max_texture_side = kMaxAtlasSide);

    // A new session starts from the base set: no trace of the previous
    // user's name remains in the atlas.
    void reset_to_base();

    ImFont* body() const { return body_font_; }
    ImFont* title() const { return title_font_; }
    float body_px() const { return body_px_; }
    float title_px() const { return body_px_ * 1.5f; }
    const AtlasStats& stats() const { return stats_; }
    bool has_glyph(char32_t c, FontRole role = FontRole::body) const;

private:
    struct Mapping;
    struct GlyphSet {
        std::set<char32_t> base;
        std::unordered_map<char32_t, std::uint64_t> extra;  // code point -> last frame used
    };
    GlyphSet& set_for(FontRole role) { return role == FontRole::title ? title_ : body_; }
    const GlyphSet& set_for(FontRole role) const { return role == FontRole::title ? title_ : body_; }
    std::vector<std::uint16_t> ranges_for(const GlyphSet& set) const;
    void evict(GlyphSet& set, std::size_t keep_extra);

    std::string path_;
    float body_px_;
    std::unique_ptr<Mapping> mapping_;
    GlyphSet body_, title_;
    std::set<char32_t> built_body_, built_title_;
    std::set<char32_t> unavailable_;  // requested but not in the font: drawn as the fallback, never retried
    std::vector<std::uint16_t> body_ranges_, title_ranges_;  // must outlive the atlas build
    ImFont* body_font_ = nullptr;
    ImFont* title_font_ = nullptr;
    bool dirty_ = true;
    std::uint64_t use_stamp_ = 0;
    AtlasStats stats_;
};

}  // namespace madoguchi
