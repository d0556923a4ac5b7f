// Prefecture code <-> name.
#include "data/rules/prefectures.hpp"

namespace madoguchi {
namespace {
constexpr std::array<std::string_view, 47> kCodes = {
    "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16",
    "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32",
    "33", "34", "35", "36", "37", "38", "39", "40", "41", "42", "43", "44", "45", "46", "47"};
}  // namespace

std::optional<std::string_view> prefecture_name(std::string_view jis_code) {
    for (std::size_t i = 0; i < kCodes.size(); ++i)
        if (kCodes[i] == jis_code) return kPrefectureNames[i];
    return std::nullopt;
}

std::optional<std::string_view> prefecture_code(std::string_view name) {
    for (std::size_t i = 0; i < kPrefectureNames.size(); ++i)
        if (kPrefectureNames[i] == name) return kCodes[i];
    return std::nullopt;
}

}  // namespace madoguchi
