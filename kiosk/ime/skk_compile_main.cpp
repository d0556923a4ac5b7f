// Build-time tool: converts one SKK-JISYO text dictionary (EUC-JIS-2004 or
// UTF-8) into the compact sorted UTF-8 file SkkDictionary::open maps.
//   madoguchi_skk_compile <SKK-JISYO.x> <out.mdic>
#include <cstdio>

#include "kiosk/ime/skk_dictionary.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s <SKK-JISYO file> <output.mdic>\n", argv[0]);
        return 2;
    }
    auto dict = madoguchi::ime::SkkDictionary::open(argv[1]);
    if (!dict) {
        std::fprintf(stderr, "%s\n", dict.error().message_en.c_str());
        return 1;
    }
    if (auto written = dict->write_compiled(argv[2]); !written) {
        std::fprintf(stderr, "%s\n", written.error().message_en.c_str());
        return 1;
    }
    std::printf("%s: %zu entries\n", argv[2], dict->entry_count());
    return 0;
}
