// Anthy wrapper with learning off and a private, empty home (see
// anthy_converter.hpp). Anthy keeps global state and is not thread-safe:
// one process-wide lock guards every call, and the library is initialised
// while at least one converter is open.
#include "kiosk/ime/anthy_converter.hpp"

#include <anthy/anthy.h>
#include <stdlib.h>

#include <filesystem>
#include <mutex>
#include <string>

#include "kiosk/ime/utf8.hpp"

namespace madoguchi::ime {
namespace {

Error anthy_error(std::string_view detail_en) {
    return Error{"ime.anthy_unavailable", "", "かな漢字変換を利用できません",
                 "Kana-kanji conversion is unavailable (" + std::string(detail_en) + ")"};
}

// Library lifetime shared by all converters.
struct AnthyLibrary {
    std::mutex mutex;
    int users = 0;
    std::filesystem::path private_home;
};

AnthyLibrary& library() {
    static AnthyLibrary lib;  // process-wide by nature of Anthy itself
    return lib;
}

// Caller holds library().mutex.
bool acquire_library(AnthyLibrary& lib) {
    if (lib.users > 0 || !lib.private_home.empty()) {  // initialised (see release_library)
        ++lib.users;
        return true;
    }
    // Anthy reads and writes <home>/.anthy (learning records, lock file,
    // private words). Point it at a fresh empty directory that has no .anthy
    // subdirectory: Anthy never creates it, so every write it attempts fails
    // and every read finds nothing left by an earlier session.
    std::string pattern = (std::filesystem::temp_directory_path() / "madoguchi-anthy-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) return false;
    lib.private_home = pattern;
    ::anthy_conf_override("HOME", lib.private_home.c_str());
    if (::anthy_init() != 0) {
        std::error_code ec;
        std::filesystem::remove_all(lib.private_home, ec);
        return false;
    }
    // The anonymous personality ("") has no learning record at all.
    ::anthy_set_personality("");
    lib.users = 1;
    return true;
}

// Caller holds library().mutex.
void release_library(AnthyLibrary& lib) {
    // Anthy stays initialised once started: anthy_init after anthy_quit
    // jumps through freed tables (a second converter in the same process
    // crashed). Its private home is empty and holds nothing of anyone.
    --lib.users;
}

std::string segment_text(anthy_context_t ac, int segment, int candidate) {
    std::string buf(256, '\0');
    for (;;) {
        const int len = ::anthy_get_segment(ac, segment, candidate, buf.data(), static_cast<int>(buf.size()));
        if (len < 0) return {};
        if (static_cast<std::size_t>(len) < buf.size()) {
            buf.resize(static_cast<std::size_t>(len));
            return buf;
        }
        buf.resize(buf.size() * 4);
    }
}

}  // namespace

Result<std::unique_ptr<AnthyConverter>> AnthyConverter::open() {
    auto& lib = library();
    std::lock_guard lock(lib.mutex);
    if (!acquire_library(lib)) return anthy_error("anthy_init failed");
    anthy_context_t ac = ::anthy_create_context();
    if (ac == nullptr) {
        release_library(lib);
        return anthy_error("anthy_create_context failed");
    }
    ::anthy_context_set_encoding(ac, ANTHY_UTF8_ENCODING);
    // Readings are kana; "reconversion" of text holding kanji or katakana is
    // not needed, and in Anthy 0.4 it leaks memory on every call (ASan).
    ::anthy_set_reconversion_mode(ac, ANTHY_RECONVERT_DISABLE);
    return std::unique_ptr<AnthyConverter>(new AnthyConverter(ac));
}

AnthyConverter::~AnthyConverter() {
    auto& lib = library();
    std::lock_guard lock(lib.mutex);
    ::anthy_release_context(context_);
    release_library(lib);
}

void AnthyConverter::forget() {
    std::lock_guard lock(library().mutex);
    ::anthy_reset_context(context_);
    has_text_ = false;
}

std::filesystem::path AnthyConverter::private_home() const {
    std::lock_guard lock(library().mutex);
    return library().private_home;
}

Result<Conversion> AnthyConverter::convert(std::string_view hiragana) {
    if (!is_valid_utf8(hiragana) || hiragana.find('\0') != std::string_view::npos) {
        return Error{"ime.reading_invalid", "", "読みに使えない文字が含まれています",
                     "The reading contains characters that cannot be converted"};
    }
    std::lock_guard lock(library().mutex);
    has_text_ = false;
    if (hiragana.empty()) {
        ::anthy_reset_context(context_);
        return Conversion{};
    }
    const std::string reading(hiragana);
    if (::anthy_set_string(context_, reading.c_str()) != 0) return anthy_error("anthy_set_string failed");
    has_text_ = true;
    return read_segments();
}

Result<Conversion> AnthyConverter::resize_segment(int index, int delta) {
    std::lock_guard lock(library().mutex);
    if (!has_text_) return Conversion{};
    anthy_conv_stat stat{};
    if (::anthy_get_stat(context_, &stat) != 0) return anthy_error("anthy_get_stat failed");
    if (index >= 0 && index < stat.nr_segment) ::anthy_resize_segment(context_, index, delta);
    return read_segments();
}

// Caller holds the library lock.
Result<Conversion> AnthyConverter::read_segments() {
    anthy_conv_stat stat{};
    if (::anthy_get_stat(context_, &stat) != 0) return anthy_error("anthy_get_stat failed");
    Conversion conversion;
    conversion.reserve(static_cast<std::size_t>(stat.nr_segment));
    for (int s = 0; s < stat.nr_segment; ++s) {
        anthy_segment_stat seg{};
        if (::anthy_get_segment_stat(context_, s, &seg) != 0)
            return anthy_error("anthy_get_segment_stat failed");
        ConversionSegment segment;
        segment.reading = segment_text(context_, s, NTH_UNCONVERTED_CANDIDATE);
        for (int c = 0; c < seg.nr_candidate; ++c) {
            std::string cand = segment_text(context_, s, c);
            if (cand.empty() || !is_valid_utf8(cand)) continue;
            bool seen = false;
            for (const auto& existing : segment.candidates) seen = seen || existing == cand;
            if (!seen) segment.candidates.push_back(std::move(cand));
        }
        if (segment.candidates.empty()) segment.candidates.push_back(segment.reading);
        conversion.push_back(std::move(segment));
    }
    return conversion;
}

}  // namespace madoguchi::ime
