// The kanji of JIS X 0208 (level 1 = rows 16–47, level 2 = rows 48–84) as
// UTF-8 strings in JIS order, via glibc's EUC-JP converter. Shared by the font
// tests and the frame benchmark, which both need "every kanji a form can show".
#pragma once

#include <iconv.h>

#include <string>
#include <vector>

namespace madoguchi::testing {

// Empty when the converter is unavailable (callers check the size).
inline std::vector<std::string> jis_x0208_kanji(int first_row = 16, int last_row = 84) {
    std::vector<std::string> out;
    iconv_t cd = iconv_open("UTF-8", "EUC-JP");
    if (cd == reinterpret_cast<iconv_t>(-1)) return out;
    for (int row = first_row; row <= last_row; ++row) {
        for (int cell = 1; cell <= 94; ++cell) {
            char in[2] = {static_cast<char>(0xA0 + row), static_cast<char>(0xA0 + cell)};
            char buf[8] = {};
            char* ip = in;
            char* op = buf;
            size_t il = 2, ol = sizeof buf;
            // Unassigned cells at the end of a row fail to convert; reset and skip.
            if (iconv(cd, &ip, &il, &op, &ol) == static_cast<size_t>(-1)) {
                iconv(cd, nullptr, nullptr, nullptr, nullptr);
                continue;
            }
            out.emplace_back(buf, op);
        }
    }
    iconv_close(cd);
    return out;
}

}  // namespace madoguchi::testing
