// Resumable uploads over HTTP, tus 1.0 style (creation, checksum, expiration):
// POST /v1/uploads, HEAD|GET /v1/uploads/{id}, PATCH /v1/uploads/{id}.
#include "server/upload_api.hpp"

#include <charconv>
#include <map>

#include "server/api_routes.hpp"
#include "server/http_routes.hpp"
#include "server/secrets.hpp"

namespace madoguchi::server {
namespace {

using nlohmann::json;

int status_for(const std::string& code) {
    static const std::map<std::string, int> kStatus{
        {"upload.not_found", 404},       {"upload.expired", 410},          {"upload.deleted", 410},
        {"upload.forbidden", 403},       {"upload.offset_mismatch", 409},  {"upload.locked", 423},
        {"upload.exceeds_length", 413},  {"upload.too_large", 413},        {"upload.chunk_checksum_mismatch", 460},
        {"upload.checksum_mismatch", 460}, {"upload.io", 503},             {"upload.invalid_metadata", 400},
        {"upload.key_reused", 422}};
    auto it = kStatus.find(code);
    return it == kStatus.end() ? 400 : it->second;
}

ApiResponse tus(ApiResponse r) { return r.with_header("Tus-Resumable", "1.0.0"); }

ApiResponse upload_error(const Error& e) {
    ApiResponse r = error_response(status_for(e.code), e);
    if (r.status == 503) r.with_header("Retry-After", "5");
    return tus(std::move(r));
}

std::optional<std::int64_t> parse_nonneg(const std::string& s) {
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc{} || p != s.data() + s.size() || v < 0) return std::nullopt;
    return v;
}

// tus Upload-Metadata: "key b64,key b64,key" -> decoded map; nullopt if malformed.
std::optional<std::map<std::string, std::string>> parse_metadata(const std::string& header) {
    std::map<std::string, std::string> out;
    std::size_t pos = 0;
    while (pos <= header.size() && !header.empty()) {
        std::size_t comma = header.find(',', pos);
        if (comma == std::string::npos) comma = header.size();
        std::string pair = header.substr(pos, comma - pos);
        while (!pair.empty() && pair.front() == ' ') pair.erase(pair.begin());
        while (!pair.empty() && pair.back() == ' ') pair.pop_back();
        if (!pair.empty()) {
            const auto space = pair.find(' ');
            const std::string key = pair.substr(0, space);
            std::string value;
            if (space != std::string::npos) {
                auto decoded = base64_decode(pair.substr(space + 1));
                if (!decoded) return std::nullopt;
                value = *decoded;
            }
            out[key] = value;
        }
        pos = comma + 1;
    }
    return out;
}

json upload_json(const UploadInfo& u) {
    return {{"upload_id", u.id},     {"location", "/v1/uploads/" + u.id}, {"offset", u.offset},
            {"length", u.length},    {"state", u.state},                  {"filename", u.filename},
            {"kind", u.kind},        {"sha256", u.sha256}};
}

bool valid_kind(const std::string& k) {
    if (k.empty() || k.size() > 40) return false;
    for (char c : k)
        if (!((c >= 'a' && c <= 'z') || c == '_')) return false;
    return true;
}

// The upload id a keyed creation gets: a UUID-shaped digest of device and
// key. The idempotency record is stored after the upload row commits; if the
// server dies in between, the kiosk's retry re-runs the creation, finds this
// same id and resumes at its offset instead of starting an orphaned second
// upload. Without a key: a random id.
std::string upload_id_for_key(const std::string& device_id, const std::string& key) {
    if (key.empty()) return {};
    std::string h = sha256_hex("upload\n" + device_id + "\n" + key).substr(0, 32);
    h[12] = '8';  // RFC 9562 version 8 (custom), variant 10xx
    h[16] = "89ab"[h[16] % 4];
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20);
}

// POST /v1/uploads
ApiResponse create_upload(RequestContext& ctx) {
    const auto length = parse_nonneg(ctx.header("Upload-Length"));
    const auto meta = parse_metadata(ctx.header("Upload-Metadata"));
    if (!length || !meta)
        return upload_error({"upload.invalid_metadata", "", "アップロード情報が正しくありません。",
                             "Upload-Length and Upload-Metadata (tus format) are required."});
    const auto get = [&](const char* k) {
        auto it = meta->find(k);
        return it == meta->end() ? std::string() : it->second;
    };
    std::string kind = get("kind");
    if (kind.empty()) kind = "file";
    if (!valid_kind(kind))
        return upload_error({"upload.invalid_metadata", "", "ファイルの種類が正しくありません。", "kind must be lowercase letters and _."});
    std::string filename = get("filename");
    if (filename.size() > 255) filename.resize(255);
    auto created = ctx.server.uploads.create(ctx.device_id, *length, ctx.server.config.max_upload_bytes, filename, kind,
                                             get("sha256"), now_ms(), upload_id_for_key(ctx.device_id, ctx.header("Idempotency-Key")));
    if (!created) return upload_error(created.error());
    ApiResponse r = json_response(201, upload_json(*created));
    r.with_header("Location", "/v1/uploads/" + created->id);
    r.with_header("Upload-Offset", std::to_string(created->offset));
    r.with_header("Upload-Expires-In", std::to_string(ctx.server.uploads.expiry_s()));
    return tus(std::move(r));
}

// HEAD (and GET) /v1/uploads/{id}
ApiResponse upload_status(RequestContext& ctx) {
    auto found = ctx.server.uploads.find(ctx.param(1), now_ms());
    if (!found) return upload_error(found.error());
    if (found->device_id != ctx.device_id)
        return upload_error({"upload.forbidden", "", "このアップロードは別の端末のものです。", "This upload belongs to another device."});
    ApiResponse r = json_response(200, upload_json(*found));
    r.with_header("Upload-Offset", std::to_string(found->offset));
    r.with_header("Upload-Length", std::to_string(found->length));
    r.with_header("Cache-Control", "no-store");
    return tus(std::move(r));
}

// PATCH /v1/uploads/{id}
ApiResponse append_upload(RequestContext& ctx) {
    if (ctx.header("Content-Type") != "application/offset+octet-stream")
        return tus(error_response(415, "upload.content_type", "", "PATCH needs Content-Type application/offset+octet-stream.",
                                  "送信形式が正しくありません。"));
    const auto offset = parse_nonneg(ctx.header("Upload-Offset"));
    if (!offset)
        return tus(error_response(400, "upload.offset_missing", "", "Upload-Offset is required.", "送信位置が指定されていません。"));
    std::optional<std::string> chunk_sum;
    if (ctx.http.has_header("Upload-Checksum")) {
        const std::string h = ctx.header("Upload-Checksum");
        if (h.rfind("sha256 ", 0) != 0)
            return tus(error_response(400, "upload.checksum_algorithm", "", "Only sha256 checksums are supported.",
                                      "未対応のチェックサム形式です。"));
        chunk_sum = h.substr(7);
    }
    auto appended = ctx.server.uploads.append(ctx.param(1), ctx.device_id, *offset, ctx.http.body, chunk_sum, now_ms());
    if (!appended) {
        ApiResponse r = upload_error(appended.error());
        if (appended.error().code == "upload.checksum_mismatch") r.with_header("Upload-Offset", "0");
        return r;
    }
    ApiResponse r = empty_response(204);
    r.with_header("Upload-Offset", std::to_string(appended->offset));
    if (appended->state == "complete") r.with_header("Upload-Complete", "true");
    return tus(std::move(r));
}

// OPTIONS /v1/uploads: tus discovery.
ApiResponse upload_options(RequestContext& ctx) {
    ApiResponse r = empty_response(204);
    r.with_header("Tus-Version", "1.0.0");
    r.with_header("Tus-Extension", "creation,checksum,expiration");
    r.with_header("Tus-Checksum-Algorithm", "sha256");
    r.with_header("Tus-Max-Size", std::to_string(ctx.server.config.max_upload_bytes));
    return tus(std::move(r));
}

}  // namespace

std::optional<ApiResponse> deny_file_references(ServerContext& server,
                                                const std::vector<std::pair<std::string, std::string>>& refs) {
    for (const auto& [field, id] : refs) {
        if (id.empty()) continue;
        const std::string state = server.db.read([&](SqliteConnection& c) {
            auto st = c.prepare("SELECT state FROM uploads WHERE upload_id=?1");
            st.bind(1, id);
            return st.step() ? st.column_text(0) : std::string();
        });
        if (state != "complete")
            return error_response(422, state.empty() ? "upload.not_found" : "upload.incomplete", field,
                                  "The referenced file " + id + " is not a completed upload.",
                                  "添付ファイルのアップロードが完了していません。");
    }
    return std::nullopt;
}

void add_upload_routes(Router& r) {
    r.add("POST", "/v1/uploads", Access::device, create_upload);
    r.add("OPTIONS", "/v1/uploads", Access::anyone, upload_options);
    r.add("GET", R"(/v1/uploads/([A-Za-z0-9_-]{1,64}))", Access::device, upload_status);
    r.add("PATCH", R"(/v1/uploads/([A-Za-z0-9_-]{1,64}))", Access::device, append_upload, KeyPolicy::by_offset);
}

}  // namespace madoguchi::server
