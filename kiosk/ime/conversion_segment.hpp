// What a kana→kanji conversion hands the keyboard: the reading split into
// segments (文節), each with its candidates, best first.
#pragma once

#include <string>
#include <vector>

namespace madoguchi::ime {

struct ConversionSegment {
    std::string reading;                  // hiragana this segment covers
    std::vector<std::string> candidates;  // best first; never empty
};

using Conversion = std::vector<ConversionSegment>;

}  // namespace madoguchi::ime
