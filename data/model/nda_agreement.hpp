// NDA agreement (guide 【14】): which text version was agreed, by whom, how.
#pragma once

#include <cstdint>
#include <string>

#include "data/model/record_meta.hpp"

namespace madoguchi {

struct NdaAgreement {
    RecordMeta meta;
    std::string text_version;     // e.g. "2026-11-01"
    std::string text_sha256;      // of the exact text shown
    std::string language;         // "ja" / "en"
    std::string typed_name;
    std::string signature_file_id;  // PNG of the touch signature, encrypted
    std::int64_t agreed_at_ms = 0;
};

}  // namespace madoguchi
