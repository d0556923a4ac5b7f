// FontSet: glyph bookkeeping and atlas builds for the CJK font.
#include "kiosk/fonts/font_set.hpp"

#include <fcntl.h>
#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>

namespace madoguchi {

// RAII for the read-only mapping of the font file.
struct FontSet::Mapping {
    void* data = MAP_FAILED;
    std::size_t size = 0;
    ~Mapping() {
        if (data != MAP_FAILED) munmap(data, size);
    }
};

namespace {

// Every glyph a screen may draw without user input: ASCII, kana, the
// punctuation and symbols Japanese forms use.
void add_default_ranges(std::set<char32_t>& out) {
    for (char32_t c = 0x20; c <= 0x7E; ++c) out.insert(c);
    for (char32_t c = 0x3000; c <= 0x30FF; ++c) out.insert(c);  // CJK punctuation, hiragana, katakana
    for (char32_t c = 0xFF01; c <= 0xFF5E; ++c) out.insert(c);  // full-width ASCII
    for (char32_t c = 0xFF61; c <= 0xFF9F; ++c) out.insert(c);  // half-width katakana (Zengin names)
    for (char32_t c : {0x00A5, 0x00D7, 0x2010, 0x2015, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2190, 0x2191,
                       0x2192, 0x2193, 0x2212, 0x25B2, 0x25BC, 0x25CB, 0x25CF, 0x26A0, 0x2713, 0x3012,
                       0xFFFD})
        out.insert(c);
}

// Decodes UTF-8 with ImGui's own decoder so what we record is exactly what
// ImGui will look up when it draws (16-bit ImWchar: non-BMP becomes U+FFFD).
template <typename F>
void for_each_codepoint(std::string_view s, F&& f) {
    const char* p = s.data();
    const char* end = p + s.size();
    while (p < end) {
        unsigned int c = 0;
        int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) break;
        p += n;
        f(static_cast<char32_t>(c));
    }
}

}  // namespace

FontSet::FontSet(std::string font_path, float body_px) : path_(std::move(font_path)), body_px_(body_px) {
    add_default_ranges(body_.base);
    add_default_ranges(title_.base);
}

FontSet::~FontSet() = default;

Status FontSet::open() {
    int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return Error{"font.missing", "", "フォントが見つかりません: " + path_, "Font not found: " + path_};
    struct stat st {};
    if (fstat(fd, &st) != 0 || st.st_size <= 0) {
        ::close(fd);
        return Error{"font.unreadable", "", "フォントを読めません: " + path_, "Cannot read font: " + path_};
    }
    auto m = std::make_unique<Mapping>();
    m->size = static_cast<std::size_t>(st.st_size);
    m->data = mmap(nullptr, m->size, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (m->data == MAP_FAILED)
        return Error{"font.unreadable", "", "フォントを読めません: " + path_, "Cannot map font: " + path_};
    mapping_ = std::move(m);
    return ok_status();
}

void FontSet::add_base_text(std::string_view utf8) {
    // Body size only: titles are few and are noted (FontRole::title) before
    // they are drawn, so the large size carries just what titles show. Giving
    // it the whole catalog would cost 2.25× the catalog's area for nothing.
    for_each_codepoint(utf8, [&](char32_t c) {
        if (c >= 0x20) body_.base.insert(c);
    });
    dirty_ = true;
}

bool FontSet::note(std::string_view utf8, FontRole role) {
    auto& set = set_for(role);
    auto& built = role == FontRole::title ? built_title_ : built_body_;
    bool all_present = true;
    ++use_stamp_;
    for_each_codepoint(utf8, [&](char32_t c) {
        if (c < 0x20 || set.base.count(c)) return;
        set.extra[c] = use_stamp_;
        if (!built.count(c) && !unavailable_.count(c)) all_present = false;
    });
    if (!all_present) dirty_ = true;
    return all_present;
}

bool FontSet::has_glyph(char32_t c, FontRole role) const {
    return (role == FontRole::title ? built_title_ : built_body_).count(c) > 0;
}

void FontSet::reset_to_base() {
    body_.extra.clear();
    title_.extra.clear();
    dirty_ = true;
}

void FontSet::evict(GlyphSet& set, std::size_t keep_extra) {
    if (set.extra.size() <= keep_extra) return;
    std::vector<std::pair<std::uint64_t, char32_t>> by_age;
    by_age.reserve(set.extra.size());
    for (auto& [c, stamp] : set.extra) by_age.emplace_back(stamp, c);
    std::sort(by_age.begin(), by_age.end());
    std::size_t drop = set.extra.size() - keep_extra;
    for (std::size_t i = 0; i < drop; ++i) set.extra.erase(by_age[i].second);
}

std::vector<std::uint16_t> FontSet::ranges_for(const GlyphSet& set) const {
    std::set<char32_t> all(set.base.begin(), set.base.end());
    for (auto& [c, stamp] : set.extra) all.insert(c);
    std::vector<std::uint16_t> ranges;
    for (auto it = all.begin(); it != all.end();) {
        char32_t first = *it, last = *it;
        ++it;
        while (it != all.end() && *it == last + 1) last = *it++;
        if (first > 0xFFFF) break;
        ranges.push_back(static_cast<std::uint16_t>(first));
        ranges.push_back(static_cast<std::uint16_t>(std::min<char32_t>(last, 0xFFFF)));
    }
    ranges.push_back(0);
    return ranges;
}

Status FontSet::build(ImFontAtlas& atlas, int max_texture_side) {
    if (!mapping_) return Error{"font.not_open", "", "フォントが開かれていません。", "Font is not open."};
    const auto t0 = std::chrono::steady_clock::now();
    const int side = std::min(max_texture_side, kMaxAtlasSide);
    // Budget in glyph cells: body cells plus title cells (2.25x the area) must
    // fit in side² with room for packing losses.
    const double body_cell = (body_px_ + 2) * (body_px_ + 2);
    const double budget_px = 0.85 * side * side;

    for (int attempt = 0; attempt < 4; ++attempt) {
        double used = (body_.base.size() + body_.extra.size()) * body_cell +
                      (title_.base.size() + title_.extra.size()) * body_cell * 2.25;
        if (used > budget_px || attempt > 0) {
            // Keep the most recent glyphs; title text is rare, so shrink it first.
            double free_px = budget_px - body_.base.size() * body_cell - title_.base.size() * body_cell * 2.25;
            std::size_t title_keep = std::min<std::size_t>(title_.extra.size(), 64 >> attempt);
            free_px -= title_keep * body_cell * 2.25;
            std::size_t body_keep = free_px > 0 ? static_cast<std::size_t>(free_px / body_cell) >> attempt : 0;
            evict(title_, title_keep);
            evict(body_, body_keep);
        }
        body_ranges_ = ranges_for(body_);
        title_ranges_ = ranges_for(title_);

        atlas.Clear();
        atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
        atlas.TexDesiredWidth = std::min(side, 2048);
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;  // the mapping owns the bytes
        cfg.FontNo = 0;                    // Noto Sans CJK JP in the .ttc
        cfg.OversampleH = 1;               // large CJK text: oversampling only costs atlas area
        cfg.OversampleV = 1;
        cfg.PixelSnapH = true;
        body_font_ = atlas.AddFontFromMemoryTTF(mapping_->data, static_cast<int>(mapping_->size), body_px_, &cfg,
                                                reinterpret_cast<const ImWchar*>(body_ranges_.data()));
        title_font_ = atlas.AddFontFromMemoryTTF(mapping_->data, static_cast<int>(mapping_->size), title_px(),
                                                 &cfg, reinterpret_cast<const ImWchar*>(title_ranges_.data()));
        if (!body_font_ || !title_font_ || !atlas.Build())
            return Error{"font.build", "", "文字の準備に失敗しました。", "Font atlas build failed."};
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        atlas.GetTexDataAsRGBA32(&pixels, &w, &h);
        if (h <= side && w <= side) {
            built_body_.clear();
            built_title_.clear();
            for (auto& g : body_font_->Glyphs) built_body_.insert(g.Codepoint);
            for (auto& g : title_font_->Glyphs) built_title_.insert(g.Codepoint);
            for (auto& [c, stamp] : body_.extra)
                if (!built_body_.count(c)) unavailable_.insert(c);
            for (auto& [c, stamp] : title_.extra)
                if (!built_title_.count(c)) unavailable_.insert(c);
            stats_.width = w;
            stats_.height = h;
            stats_.body_glyphs = built_body_.size();
            stats_.title_glyphs = built_title_.size();
            stats_.texture_bytes = static_cast<std::size_t>(w) * h * 4;
            stats_.last_build_ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
            ++stats_.builds;
            dirty_ = false;
            return ok_status();
        }
    }
    return Error{"font.too_large", "", "文字が多すぎて表示できません。", "Font atlas exceeds the texture limit."};
}

}  // namespace madoguchi
