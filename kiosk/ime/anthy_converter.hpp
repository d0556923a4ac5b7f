// Phrase conversion with Anthy (とうきょうとちよだく → 東京都 / 千代田区),
// set up for a shared kiosk: learning is off, and Anthy's files point at a
// private empty directory so nothing is ever read from or written to a home
// directory (Anthy takes its home from getpwuid(), not $HOME).
#pragma once

#include <filesystem>
#include <memory>
#include <string_view>

#include "data/result.hpp"
#include "kiosk/ime/conversion_segment.hpp"

struct anthy_context;

namespace madoguchi::ime {

class AnthyConverter {
public:
    // Error "ime.anthy_unavailable" when Anthy or its dictionary cannot start.
    static Result<std::unique_ptr<AnthyConverter>> open();
    ~AnthyConverter();
    AnthyConverter(const AnthyConverter&) = delete;
    AnthyConverter& operator=(const AnthyConverter&) = delete;

    // Converts a hiragana reading (UTF-8). Nothing is learnt: the choice a
    // user makes is never committed back to Anthy.
    Result<Conversion> convert(std::string_view hiragana);

    // Moves the end of segment `index` of the last conversion by `delta`
    // characters (+1 longer, -1 shorter) and returns the new segmentation.
    Result<Conversion> resize_segment(int index, int delta);

    // Clears the reading held in Anthy's context (session wipe).
    void forget();

    // The empty directory Anthy takes as its home while converters are open
    // (removed when the last one closes); tests check it stays empty.
    std::filesystem::path private_home() const;

private:
    explicit AnthyConverter(anthy_context* context) : context_(context) {}
    Result<Conversion> read_segments();

    anthy_context* context_;
    bool has_text_ = false;
};

}  // namespace madoguchi::ime
