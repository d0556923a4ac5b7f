// NdaService: NDA texts from assets, agreement state, and the agreement
// (signature file + record + outbox row).
#include "services/nda_service.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <sstream>

#include <nlohmann/json.hpp>

#include "data/rules/rule_error.hpp"
#include "data/rules/text_field.hpp"
#include "data/rules/validate_records.hpp"
#include "data/store/store.hpp"
#include "data/text/char_classes.hpp"
#include "data/text/normalize.hpp"

namespace madoguchi {
namespace {

Error asset_error(const std::string& what) {
    return Error{"nda.asset", "", "秘密保持契約の文書を読み込めません。スタッフにお声がけください。",
                 "The NDA text cannot be loaded (" + what + "). Please ask a member of staff."};
}

Result<std::string> read_whole_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return asset_error("missing " + path);
    std::ostringstream s;
    s << in.rdbuf();
    if (!in.good() && !in.eof()) return asset_error("unreadable " + path);
    return s.str();
}

// A version names a folder: letters, digits, '.', '-', '_' only, so a
// manifest cannot point outside the NDA directory.
bool safe_version(std::string_view v) {
    if (v.empty() || v.size() > 32 || v.front() == '.') return false;
    return std::all_of(v.begin(), v.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '-' ||
               c == '_';
    });
}

std::string without_spaces(std::string_view utf8) {
    std::string n = normalize_for_comparison(utf8);  // full-width space -> ' ', width folded
    n.erase(std::remove_if(n.begin(), n.end(), [](char c) { return c == ' ' || c == '\t'; }), n.end());
    return n;
}

constexpr std::array<std::uint8_t, 8> kPngSignature{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

}  // namespace

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

NdaService::NdaService(Store& store, std::string nda_dir, WallClock now)
    : store_(store), dir_(std::move(nda_dir)), now_(std::move(now)) {}

Result<std::string> NdaService::current_version() const {
    auto manifest = read_whole_file(dir_ + "/manifest.json");
    if (!manifest) return manifest.error();
    std::string version;
    try {
        version = nlohmann::json::parse(*manifest).at("current_version").get<std::string>();
    } catch (const std::exception& e) {
        return asset_error(std::string("manifest: ") + e.what());
    }
    if (!safe_version(version)) return asset_error("manifest names an invalid version");
    return version;
}

Result<NdaDocument> NdaService::current(std::string_view language) const {
    if (language != "ja" && language != "en") return asset_error("unknown language");
    auto version = current_version();
    if (!version) return version.error();
    auto text = read_whole_file(dir_ + "/" + *version + "/" + std::string(language) + ".txt");
    if (!text) return text.error();
    NdaDocument d;
    d.version = *version;
    d.language = std::string(language);
    d.sha256 = sha256_hex(*text);
    d.text = std::move(*text);
    return d;
}

Result<NdaStatus> NdaService::status(const std::string& owner) {
    auto version = current_version();
    if (!version) return version.error();
    auto all = store_.nda_agreements().list(owner);
    if (!all) return all.error();
    NdaStatus s;
    s.current_version = *version;
    for (auto& a : *all) {
        if (!s.latest || a.agreed_at_ms > s.latest->agreed_at_ms ||
            (a.agreed_at_ms == s.latest->agreed_at_ms && a.meta.local_id > s.latest->meta.local_id))
            s.latest = a;
    }
    if (s.latest)
        s.state = s.latest->text_version == *version ? NdaAgreementState::agreed_current
                                                      : NdaAgreementState::agreed_older;
    return s;
}

Result<std::string> NdaService::expected_name(const std::string& owner) {
    auto profile = store_.profiles().get(owner);
    if (!profile) return profile.error();
    if (!profile->has_value()) return std::string{};
    const auto family = std::string(trim_spaces((*profile)->family_name));
    const auto given = std::string(trim_spaces((*profile)->given_name));
    if (family.empty() && given.empty()) return std::string{};
    return family.empty() || given.empty() ? family + given : family + " " + given;
}

bool NdaService::name_matches(std::string_view typed, std::string_view expected) {
    const std::string t = without_spaces(typed);
    return !t.empty() && t == without_spaces(expected);
}

NdaAgreeOutcome NdaService::agree(const std::string& owner, const NdaAgreeRequest& request) {
    NdaAgreeOutcome out;
    auto shown = current(request.language);
    if (!shown) {
        out.errors.push_back(shown.error());
        return out;
    }
    if (request.version != shown->version || request.sha256 != shown->sha256) {
        out.errors.push_back(rule_error("nda.text_changed", "text_version",
                                        "文書が更新されました。新しい版を最後までお読みください。",
                                        "The text has been updated. Please read the new version to the end."));
        return out;
    }

    NdaAgreement a;
    a.text_version = shown->version;
    a.text_sha256 = shown->sha256;
    a.language = shown->language;
    a.typed_name = std::string(trim_spaces(request.typed_name));
    a.agreed_at_ms = now_();
    const bool has_png = request.signature_png.size() > kPngSignature.size() &&
                         std::equal(kPngSignature.begin(), kPngSignature.end(), request.signature_png.begin());
    // Validated before anything is written; the real file id replaces this
    // stand-in once the signature is stored.
    a.signature_file_id = has_png ? "signature" : "";
    out.errors = validate_nda_agreement(a);

    const bool name_ok = std::none_of(out.errors.begin(), out.errors.end(),
                                      [](const Error& e) { return e.field == "typed_name"; });
    if (name_ok) {
        auto expected = expected_name(owner);
        if (!expected) {
            out.errors.push_back(expected.error());
        } else if (!expected->empty() && !name_matches(a.typed_name, *expected)) {
            out.errors.push_back(rule_error("nda.name_mismatch", "typed_name",
                                            "プロフィールに登録した姓名と同じお名前を入力してください。",
                                            "Please type your name as registered in your profile (family and "
                                            "given name)."));
        }
    }
    if (!out.errors.empty()) return out;

    auto file = store_.files().put(owner, request.signature_png);
    if (!file) {
        out.errors.push_back(file.error());
        return out;
    }
    a.signature_file_id = *file;
    auto saved = store_.nda_agreements().save(owner, a);
    if (!saved) {
        (void)store_.files().erase(*file);  // nothing refers to it
        out.errors.push_back(saved.error());
        return out;
    }
    out.agreement = std::move(*saved);
    if (on_saved_) on_saved_();
    return out;
}

}  // namespace madoguchi
