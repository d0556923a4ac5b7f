// Helpers shared by the NDA and My page tests: an NDA asset directory the
// test can give new versions, an independent SHA-256, a valid signature.
#pragma once

#include <sodium.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "kiosk/ui/signature_pad.hpp"
#include "data/store/store.hpp"
#include "tests/data/store/temp_store.hpp"

namespace madoguchi::testing {

inline std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    REQUIRE(in);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

inline void write_text(const std::filesystem::path& p, const std::string& text) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
    REQUIRE(out.good());
}

// Recomputed here with libsodium directly, not through the service.
inline std::string sha256_of(const std::string& bytes) {
    unsigned char d[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(d, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    std::string hex;
    static const char* digits = "0123456789abcdef";
    for (unsigned char c : d) hex += digits[c >> 4], hex += digits[c & 15];
    return hex;
}

// An NDA directory in a temporary folder: versions are added by the test.
struct NdaAssets {
    TempDir dir;
    std::string path() const { return dir.path().string(); }
    void add_version(const std::string& version, const std::string& ja, const std::string& en) {
        write_text(dir.path() / version / "ja.txt", ja);
        write_text(dir.path() / version / "en.txt", en);
    }
    void make_current(const std::string& version) {
        write_text(dir.path() / "manifest.json", "{\"current_version\": \"" + version + "\"}");
    }
};

// A signature that passes check_signature (a zigzag across the pad).
inline std::vector<ui::SignatureStroke> valid_strokes() {
    ui::SignatureStroke s;
    for (int i = 0; i <= 40; ++i) {
        const float t = static_cast<float>(i) / 40.0f;
        s.push_back({0.1f + 0.8f * t, (i / 5) % 2 ? 0.3f : 0.7f});
    }
    return {s};
}

inline std::vector<std::uint8_t> valid_signature_png() {
    auto png = ui::signature_png(valid_strokes());
    REQUIRE(png.ok());
    return *png;
}

// A long text (it scrolls) in both languages.
inline std::string long_text(const std::string& head, int paragraphs) {
    std::string t = head + "\n";
    for (int i = 1; i <= paragraphs; ++i)
        t += "第" + std::to_string(i) + "条　秘密情報は、本業務の遂行以外の目的に使用しません。\n";
    return t + "以上に同意します。\n";
}

// Moves one record's outbox row along as the sync engine would.
inline void settle(Store& s, const std::string& client_id, SyncState to) {
    auto rows = s.outbox().list(OutboxState::pending);
    REQUIRE(rows.ok());
    for (const auto& r : *rows) {
        if (r.entity_client_id != client_id) continue;
        REQUIRE(s.outbox().mark_sending(r.id).ok());
        if (to == SyncState::sent) REQUIRE(s.outbox().mark_done(r.id, "{}").ok());
        if (to == SyncState::needs_attention) REQUIRE(s.outbox().mark_dead_letter(r.id, "422").ok());
        return;
    }
    FAIL("no pending row for " << client_id);
}

}  // namespace madoguchi::testing
