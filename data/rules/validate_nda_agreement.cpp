// NDA agreement (【14】): what proves which text was agreed, by whom, when.
#include <algorithm>

#include "data/rules/field_limits.hpp"
#include "data/rules/rule_error.hpp"
#include "data/rules/text_field.hpp"
#include "data/rules/validate_records.hpp"

namespace madoguchi {

Errors validate_nda_agreement(const NdaAgreement& n) {
    Errors e;
    collect(e, check_text("text_version", n.text_version, {true, limits::kNdaVersion}));
    const bool hex = n.text_sha256.size() == 64 &&
                     std::all_of(n.text_sha256.begin(), n.text_sha256.end(),
                                 [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
    if (!hex) {
        e.push_back(rule_error("nda.text_hash", "text_sha256",
                               "同意した文書を特定できません。もう一度表示してください。",
                               "The agreed text is not identified (SHA-256 missing). Please show it again."));
    }
    if (n.language != "ja" && n.language != "en") {
        e.push_back(rule_error("nda.language", "language", "表示言語が不明です。", "Unknown text language."));
    }
    collect(e, check_text("typed_name", n.typed_name, {true, limits::kNdaTypedName}));
    if (n.signature_file_id.empty()) {
        e.push_back(rule_error("nda.signature", "signature_file_id", "署名してください。", "Please sign."));
    } else {
        collect(e, check_text("signature_file_id", n.signature_file_id, {true, limits::kFileId}));
    }
    if (n.agreed_at_ms <= 0) {
        e.push_back(rule_error("nda.agreed_at", "agreed_at_ms", "同意した日時がありません。",
                               "The time of agreement is missing."));
    }
    return e;
}

}  // namespace madoguchi
