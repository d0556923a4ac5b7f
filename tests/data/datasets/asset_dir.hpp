// Where the dataset tests find the converted assets: $MADOGUCHI_BIN_DIR/../assets
// (set by CTest), else the build tree's directory compiled in.
#pragma once

#include <cstdlib>
#include <filesystem>

inline std::filesystem::path test_asset_dir() {
    if (const char* bin = std::getenv("MADOGUCHI_BIN_DIR")) {
        const auto dir = std::filesystem::path(bin) / ".." / "assets";
        if (std::filesystem::exists(dir / "postal.bin")) return dir;
    }
    return MADOGUCHI_ASSET_DIR;
}
