// Resumable uploads (tus 1.0 style, see docs/sync.md): create once per
// idempotency key, ask the server's offset, PATCH checksummed chunks.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "net/api_client.hpp"
#include "net/upload_source.hpp"

namespace madoguchi {

struct UploadSpec {
    std::string idempotency_key;  // the outbox row's key: a replayed create returns the same upload
    std::string filename;
    std::string kind;             // "photo", "identity_page", "attachment", "logo", "signature"
    std::string sha256_hex;       // whole-file digest; computed by streaming when empty
    std::size_t chunk_bytes = 4u << 20;  // 1..4 MiB per PATCH
};

struct UploadProgress {
    std::uint64_t confirmed_bytes = 0;  // the server's Upload-Offset
    std::uint64_t total_bytes = 0;
};

struct UploadOutcome {
    std::string upload_id;
    std::uint64_t bytes_sent = 0;  // bytes PATCHed in this call (resumption sends only the rest)
};

// Sends the whole source; after any cut, calling again with the same spec
// resumes from the server's offset, re-sending at most the chunk that was
// in flight. Failures are classified (transient ones: call again later).
NetResult<UploadOutcome> upload_resumable(ApiClient& api, UploadSource& source, const UploadSpec& spec,
                                          const std::function<void(const UploadProgress&)>& on_progress = {});

// tus Upload-Metadata value: "filename <b64>,sha256 <b64>,kind <b64>".
std::string tus_metadata(const std::string& filename, const std::string& sha256_hex, const std::string& kind);
// Upload-Checksum value for one chunk: "sha256 <base64 of the raw digest>".
std::string tus_chunk_checksum(const char* data, std::size_t size);
// Upload id from a Location header ("/v1/uploads/ID" or an absolute URL).
std::string upload_id_from_location(std::string_view location);

}  // namespace madoguchi
