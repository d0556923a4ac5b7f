// tus client: create (idempotent), HEAD for the offset, PATCH chunks with
// per-chunk SHA-256; 409/460 re-synchronise from the server's offset.
#include "net/resumable_upload.hpp"

#include <sodium.h>

#include <charconv>
#include <optional>
#include <vector>

#include "net/api_reply.hpp"

namespace madoguchi {
namespace {

std::string base64(const unsigned char* data, std::size_t n) {
    std::string out(sodium_base64_encoded_len(n, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), data, n, sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::char_traits<char>::length(out.c_str()));
    return out;
}

std::string base64(std::string_view s) {
    return base64(reinterpret_cast<const unsigned char*>(s.data()), s.size());
}

std::optional<std::uint64_t> offset_header(const HttpResponse& r) {
    const auto v = r.header("upload-offset");
    if (!v) return std::nullopt;
    std::uint64_t out = 0;
    const auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec != std::errc() || ptr != v->data() + v->size()) return std::nullopt;
    return out;
}

Failure upload_failure(FailureKind kind, const std::string& code, const std::string& ja, const std::string& en) {
    Failure f;
    f.kind = kind;
    f.error = {code, "", ja, en};
    return f;
}

class Uploader {
public:
    Uploader(ApiClient& api, UploadSource& source, const UploadSpec& spec,
             const std::function<void(const UploadProgress&)>& on_progress)
        : api_(api), source_(source), spec_(spec), on_progress_(on_progress) {}

    NetResult<UploadOutcome> run() {
        if (spec_.chunk_bytes == 0 || spec_.chunk_bytes > (64u << 20))
            return upload_failure(FailureKind::rejected, "upload.chunk_size", "送信設定が正しくありません。",
                                  "Invalid chunk size.");
        std::string sha = spec_.sha256_hex;
        if (sha.empty()) {
            auto digest = sha256_hex_of(source_);
            if (!digest) return io_failure(digest.error());
            sha = *digest;
        }
        // An expired upload (404) is created afresh under a derived key.
        for (int generation = 0; generation < 3; ++generation) {
            const std::string key =
                generation == 0 ? spec_.idempotency_key : spec_.idempotency_key + ":renew" + std::to_string(generation);
            auto id = create(key, sha);
            if (!id) return id.failure();
            auto sent = send_all(*id);
            if (sent) return UploadOutcome{*id, bytes_sent_};
            if (sent.failure().kind != FailureKind::not_found) return sent.failure();
        }
        return upload_failure(FailureKind::not_found, "upload.expired", "アップロードの有効期限が切れました。",
                              "The upload kept expiring on the server.");
    }

private:
    static Failure io_failure(const Error& e) {
        Failure f;
        f.kind = FailureKind::rejected;  // the local file is unreadable: retrying will not help
        f.error = e;
        return f;
    }

    NetResult<std::string> create(const std::string& key, const std::string& sha) {
        auto r = api_.call("POST", "/v1/uploads", "", "", key,
                           {{"Tus-Resumable", "1.0.0"},
                            {"Content-Type", "application/offset+octet-stream"},
                            {"Upload-Length", std::to_string(source_.size())},
                            {"Upload-Metadata", tus_metadata(spec_.filename, sha, spec_.kind)}});
        if (!r) return r.failure();
        const auto loc = r->header("location");
        if (!loc) return malformed_reply("upload created without Location");
        std::string id = upload_id_from_location(*loc);
        if (id.empty()) return malformed_reply("unusable Location header");
        return id;
    }

    NetResult<std::uint64_t> head_offset(const std::string& path) {
        auto r = api_.call("HEAD", path, "", "", "", {{"Tus-Resumable", "1.0.0"}});
        if (!r) return r.failure();
        auto off = offset_header(*r);
        if (!off || *off > source_.size()) return malformed_reply("HEAD without a valid Upload-Offset");
        return *off;
    }

    NetStatus send_all(const std::string& id) {
        const std::string path = "/v1/uploads/" + url_encode_component(id);
        const std::uint64_t total = source_.size();
        auto offset = head_offset(path);
        if (!offset) return offset.failure();
        std::uint64_t at = *offset;
        report(at, total);
        std::vector<char> chunk;
        chunk.reserve(spec_.chunk_bytes);
        int resyncs = 0;
        std::uint64_t positioned = UINT64_MAX;  // where the source stream currently stands
        while (at < total) {
            const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(spec_.chunk_bytes, total - at));
            chunk.resize(want);
            if (positioned != at) {
                if (auto s = source_.seek(at); !s) return io_failure(s.error());
            }
            std::size_t got = 0;
            while (got < want) {
                auto n = source_.read(std::span<char>(chunk.data() + got, want - got));
                if (!n) return io_failure(n.error());
                if (*n == 0) break;
                got += *n;
            }
            if (got != want)
                return io_failure({"upload.short_read", "", "送信するファイルが途中で終わっています。",
                                   "The file to upload is shorter than announced."});
            positioned = at + want;
            auto r = api_.call("PATCH", path, std::string(chunk.data(), chunk.size()), "", "",
                               {{"Tus-Resumable", "1.0.0"},
                                {"Content-Type", "application/offset+octet-stream"},
                                {"Upload-Offset", std::to_string(at)},
                                {"Upload-Checksum", tus_chunk_checksum(chunk.data(), chunk.size())}});
            if (!r) {
                const Failure& f = r.failure();
                // 409: our offset is stale (an earlier PATCH landed after all);
                // 460: a chunk (or the whole file) failed its checksum and the
                // server kept its previous offset or reset to 0. Either way the
                // server's offset is the truth; a few re-syncs, then give up.
                if ((f.http_status == 409 || f.http_status == 460) && ++resyncs <= 4) {
                    auto again = head_offset(path);
                    if (!again) return again.failure();
                    at = *again;
                    report(at, total);
                    continue;
                }
                if (f.http_status == 460) {
                    Failure g = f;
                    g.kind = FailureKind::rejected;
                    return g;
                }
                return f;
            }
            bytes_sent_ += want;
            const auto next = offset_header(*r);
            at = next ? *next : at + want;
            if (at > total) return malformed_reply("server offset beyond the upload length");
            report(at, total);
        }
        return Ok{};
    }

    void report(std::uint64_t at, std::uint64_t total) {
        if (on_progress_) on_progress_(UploadProgress{at, total});
    }

    ApiClient& api_;
    UploadSource& source_;
    const UploadSpec& spec_;
    const std::function<void(const UploadProgress&)>& on_progress_;
    std::uint64_t bytes_sent_ = 0;
};

}  // namespace

std::string tus_metadata(const std::string& filename, const std::string& sha256_hex, const std::string& kind) {
    return "filename " + base64(filename) + ",sha256 " + base64(sha256_hex) + ",kind " + base64(kind);
}

std::string tus_chunk_checksum(const char* data, std::size_t size) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data), size);
    return "sha256 " + base64(digest, sizeof digest);
}

std::string upload_id_from_location(std::string_view location) {
    const std::string_view marker = "/v1/uploads/";
    const auto pos = location.find(marker);
    if (pos == std::string_view::npos) return {};
    std::string_view id = location.substr(pos + marker.size());
    if (const auto q = id.find_first_of("/?#"); q != std::string_view::npos) id = id.substr(0, q);
    while (!id.empty() && (id.back() == '\r' || id.back() == ' ')) id.remove_suffix(1);
    return std::string(id);
}

NetResult<UploadOutcome> upload_resumable(ApiClient& api, UploadSource& source, const UploadSpec& spec,
                                          const std::function<void(const UploadProgress&)>& on_progress) {
    if (sodium_init() < 0)
        return upload_failure(FailureKind::rejected, "upload.crypto", "暗号ライブラリを初期化できません。",
                              "libsodium could not start.");
    return Uploader(api, source, spec, on_progress).run();
}

}  // namespace madoguchi
