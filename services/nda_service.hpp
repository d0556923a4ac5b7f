// NdaService (guide 【14】): the versioned NDA texts kept as assets
// (assets/nda/manifest.json names the current version; <version>/ja.txt and
// en.txt are the texts), whether the signed-in person has agreed to the
// current version, and the agreement itself: the signature PNG goes
// encrypted into the file store and the record with its outbox row
// ("nda_agreement.create") through the repository.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/model/nda_agreement.hpp"
#include "data/result.hpp"
#include "data/store/outbox_store.hpp"

namespace madoguchi {

class Store;

// One NDA text exactly as it is shown; `sha256` is of these bytes.
struct NdaDocument {
    std::string version;
    std::string language;  // "ja" / "en"
    std::string text;      // UTF-8, as stored in the asset
    std::string sha256;    // lower-case hex
};

enum class NdaAgreementState {
    never_agreed,
    agreed_current,  // the latest agreement is to the current version
    agreed_older,    // agreed once, but the text has a new version since: ask again
};

struct NdaStatus {
    std::string current_version;
    NdaAgreementState state = NdaAgreementState::never_agreed;
    std::optional<NdaAgreement> latest;  // the most recent agreement, if any
};

// What the screen hands over when the person taps 同意する.
struct NdaAgreeRequest {
    std::string version;   // of the text that was shown
    std::string language;
    std::string sha256;    // of the text that was shown
    std::string typed_name;
    std::vector<std::uint8_t> signature_png;  // rendered from the pad's strokes
};

struct NdaAgreeOutcome {
    Errors errors;           // Error::field: "typed_name", "signature_file_id", "text_version", …
    NdaAgreement agreement;  // the stored copy when ok()
    bool ok() const { return errors.empty(); }
};

// Lower-case hex SHA-256 (libsodium) of `bytes`.
std::string sha256_hex(std::string_view bytes);

class NdaService {
public:
    // `nda_dir` holds manifest.json and one folder per version.
    NdaService(Store& store, std::string nda_dir, WallClock now = system_wall_clock_ms);

    // The current version's text in `language` ("ja" or "en"). Read from the
    // asset on every call (a few kB), so a newly installed version is seen
    // the next time the screen opens.
    Result<NdaDocument> current(std::string_view language) const;
    Result<std::string> current_version() const;

    Result<NdaStatus> status(const std::string& owner);

    // The 姓名 the typed name must match ("" when the person has no profile
    // yet: then any non-blank name is taken).
    Result<std::string> expected_name(const std::string& owner);
    // Whether `typed` is that name: spaces (half- and full-width) and
    // character width are ignored (山田 太郎 = 山田太郎 = 山田　太郎).
    static bool name_matches(std::string_view typed, std::string_view expected);

    // Checks the shown text is still the current one, the typed name and the
    // signature, then stores the signature (encrypted) and the agreement with
    // its outbox row. On any error nothing is stored.
    NdaAgreeOutcome agree(const std::string& owner, const NdaAgreeRequest& request);

    // Called after an agreement and its outbox row are committed (wakes the
    // sync engine instead of waiting for its next poll).
    void set_on_saved(std::function<void()> hook) { on_saved_ = std::move(hook); }

private:
    Store& store_;
    std::string dir_;
    WallClock now_;
    std::function<void()> on_saved_;
};

}  // namespace madoguchi
