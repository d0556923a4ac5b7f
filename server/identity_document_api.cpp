// Identity documents (guide 【13】): submitted by the kiosk, checked by
// staff, and destroyed once checked (verified or rejected); who decided and
// when is kept, and every staff view of an image is written to access_log.
#include "server/account_api.hpp"
#include "server/api_routes.hpp"
#include "server/http_routes.hpp"
#include "server/image_content_type.hpp"
#include "server/record_validation.hpp"
#include "server/request_auth.hpp"
#include "server/upload_api.hpp"

#include "data/model/enum_codes.hpp"
#include "data/text/utf8.hpp"

namespace madoguchi::server {
namespace {

using nlohmann::json;

std::string string_field(const json& j, const char* key) {
    if (!j.contains(key) || !j.at(key).is_string()) return {};
    return j.at(key).get<std::string>();
}

struct StoredDocument {
    std::string account_id;
    IdentityDocument doc;
    std::string status;
    std::int64_t submitted_at_ms = 0;
    std::string decided_by;
    std::optional<std::int64_t> decided_at_ms;
    std::string rejection_reason;
    bool images_deleted = false;
};

std::optional<StoredDocument> load_document(SqliteConnection& c, const std::string& cid) {
    auto st = c.prepare(
        "SELECT account_id, body, status, submitted_at_ms, decided_by, decided_at_ms, rejection_reason, "
        "images_deleted_at_ms FROM identity_documents WHERE client_id=?1");
    st.bind(1, cid);
    if (!st.step()) return std::nullopt;
    StoredDocument d;
    d.account_id = st.column_text(0);
    from_json(json::parse(st.column_text(1)), d.doc);
    d.status = st.column_text(2);
    d.submitted_at_ms = st.column_int64(3);
    d.decided_by = st.column_text(4);
    if (!st.column_is_null(5)) d.decided_at_ms = st.column_int64(5);
    d.rejection_reason = st.column_text(6);
    d.images_deleted = !st.column_is_null(7);
    return d;
}

// What the kiosk sees: no file ids once they are gone, no staff names.
json user_view(const StoredDocument& d) {
    return {{"client_id", d.doc.meta.client_id},
            {"type", std::string(to_code(d.doc.type))},
            {"status", d.status},
            {"rejection_reason", d.rejection_reason},
            {"submitted_at_ms", d.submitted_at_ms},
            {"decided_at_ms", d.decided_at_ms ? json(*d.decided_at_ms) : json(nullptr)},
            {"images_deleted", d.images_deleted}};
}

json staff_view(SqliteConnection& c, const StoredDocument& d) {
    json pages = json::array();
    for (const auto& p : d.doc.pages)
        pages.push_back({{"side", p.side}, {"file_id", p.file_id}, {"sha256", p.sha256}, {"available", !d.images_deleted}});
    auto account = load_account_json(c, d.account_id);
    json v = user_view(d);
    v["account_id"] = d.account_id;
    v["username"] = account ? account->at("username") : json("");
    v["registration_number"] = account ? account->at("registration_number") : json("");
    v["passport_issued"] = d.doc.passport_issued;
    v["captured_by_staff"] = d.doc.captured_by_staff;
    v["decided_by"] = d.decided_by;
    v["pages"] = std::move(pages);
    return v;
}

// PUT /v1/accounts/{aid}/identity-documents/{client_id}
ApiResponse put_document(RequestContext& ctx) {
    const std::string aid = ctx.param(1), cid = ctx.param(2);
    if (auto denied = deny_account_access(ctx, aid)) return *denied;
    auto body = ctx.json_body();
    if (!body) return error_response(400, body.error());
    IdentityDocument doc;
    try {
        from_json(*body, doc);
    } catch (const std::exception& e) {
        return error_response(400, "request.invalid_field", "", std::string("A field has the wrong type or value: ") + e.what(),
                              "送信内容の形式が正しくありません。");
    }
    if ((!doc.meta.client_id.empty() && doc.meta.client_id != cid) || (!doc.user_client_id.empty() && doc.user_client_id != aid))
        return error_response(422, "client_id.mismatch", "client_id", "The body's ids differ from the path.", "レコードIDが一致しません。");
    doc.meta.client_id = cid;
    doc.user_client_id = aid;
    doc.status = VerificationStatus::pending;
    doc.rejection_reason.clear();

    auto previous = ctx.server.db.read([&](SqliteConnection& c) { return load_document(c, cid); });
    if (previous && previous->account_id != aid)
        return error_response(409, "identity_document.client_id_taken", "client_id", "This id belongs to another account.",
                              "このIDは別のアカウントで使われています。");
    if (previous && previous->status == "verified")
        return error_response(409, "identity_document.already_verified", "", "This document has already been verified.",
                              "この書類はすでに確認済みです。");
    if (auto errors = validate_record(doc); !errors.empty()) return validation_response(errors);
    std::vector<std::pair<std::string, std::string>> refs;
    for (const auto& p : doc.pages) refs.emplace_back("pages", p.file_id);
    if (auto denied = deny_file_references(ctx.server, refs)) return *denied;
    // The page checksum the kiosk recorded must be the file the server holds.
    for (const auto& p : doc.pages) {
        if (p.sha256.empty()) continue;
        const std::string held = ctx.server.db.read([&](SqliteConnection& c) {
            auto st = c.prepare("SELECT sha256 FROM uploads WHERE upload_id=?1");
            st.bind(1, p.file_id);
            return st.step() ? st.column_text(0) : std::string();
        });
        if (held != p.sha256)
            return error_response(422, "identity_document.page_checksum", "pages", "A page's sha256 differs from its upload.",
                                  "書類画像のチェックサムが一致しません。");
    }
    const json stored = doc;
    const std::int64_t now = now_ms();
    ctx.server.db.write([&](SqliteConnection& c) {
        c.prepare(
             "INSERT OR REPLACE INTO identity_documents(client_id, account_id, body, status, submitted_at_ms) "
             "VALUES(?1,?2,?3,'pending',?4)")
            .bind(1, cid)
            .bind(2, aid)
            .bind(3, stored.dump())
            .bind(4, now)
            .run();
    });
    // A resubmission replaces the earlier pages: their images are not needed any more.
    if (previous)
        for (const auto& old : previous->doc.pages) {
            bool still_used = false;
            for (const auto& p : doc.pages) still_used = still_used || p.file_id == old.file_id;
            if (!still_used) ctx.server.uploads.destroy(old.file_id, now);
        }
    auto saved = ctx.server.db.read([&](SqliteConnection& c) { return load_document(c, cid); });
    return json_response(previous ? 200 : 201, user_view(*saved));
}

// GET /v1/accounts/{aid}/identity-documents
ApiResponse list_account_documents(RequestContext& ctx) {
    const std::string aid = ctx.param(1);
    if (auto denied = deny_account_access(ctx, aid)) return *denied;
    json items = ctx.server.db.read([&](SqliteConnection& c) {
        json out = json::array();
        std::vector<std::string> ids;
        auto st = c.prepare("SELECT client_id FROM identity_documents WHERE account_id=?1 ORDER BY submitted_at_ms, client_id");
        st.bind(1, aid);
        while (st.step()) ids.push_back(st.column_text(0));
        for (const auto& id : ids) out.push_back(user_view(*load_document(c, id)));
        return out;
    });
    return json_response(200, {{"items", std::move(items)}});
}

// GET /v1/staff/identity-documents?status=pending
ApiResponse staff_list(RequestContext& ctx) {
    const std::string status = ctx.http.get_param_value("status");
    if (!status.empty() && !from_code<VerificationStatus>(status))
        return error_response(400, "request.invalid_field", "status", "Unknown status.", "状態の指定が正しくありません。");
    json items = ctx.server.db.read([&](SqliteConnection& c) {
        std::vector<std::string> ids;
        auto st = c.prepare(
            "SELECT client_id FROM identity_documents WHERE (?1='' OR status=?1) ORDER BY submitted_at_ms, client_id");
        st.bind(1, status);
        while (st.step()) ids.push_back(st.column_text(0));
        json out = json::array();
        for (const auto& id : ids) out.push_back(staff_view(c, *load_document(c, id)));
        return out;
    });
    return json_response(200, {{"items", std::move(items)}});
}

void log_access(ServerContext& s, const std::string& actor, const std::string& action, const std::string& subject) {
    s.db.write([&](SqliteConnection& c) {
        c.prepare("INSERT INTO access_log(at_ms, actor, action, subject) VALUES(?1,?2,?3,?4)")
            .bind(1, now_ms())
            .bind(2, actor)
            .bind(3, action)
            .bind(4, subject)
            .run();
    });
}

ApiResponse document_not_found() {
    return error_response(404, "identity_document.not_found", "", "No such identity document.", "本人確認書類が見つかりません。");
}

// GET /v1/staff/identity-documents/{client_id}/pages/{side}
ApiResponse staff_page(RequestContext& ctx) {
    const std::string cid = ctx.param(1), side = ctx.param(2);
    auto d = ctx.server.db.read([&](SqliteConnection& c) { return load_document(c, cid); });
    if (!d) return document_not_found();
    const DocumentPage* page = nullptr;
    for (const auto& p : d->doc.pages)
        if (p.side == side) page = &p;
    if (!page)
        return error_response(404, "identity_document.page_not_found", "side", "The document has no such page.", "その面の画像はありません。");
    if (d->images_deleted)
        return error_response(410, "identity_document.images_deleted", "", "The images were destroyed after checking.",
                              "確認済みのため画像は削除されました。");
    auto bytes = ctx.server.uploads.read_complete(page->file_id);
    if (!bytes) return error_response(410, "identity_document.images_deleted", "", "The image is no longer stored.", "画像は保存されていません。");
    const std::string staff = ctx.header("X-Staff-Id").empty() ? "staff" : ctx.header("X-Staff-Id");
    log_access(ctx.server, staff, "view_identity_page", cid + "/" + side);
    ApiResponse r;
    r.status = 200;
    r.content_type = image_content_type(*bytes);
    r.body = std::move(*bytes);
    r.with_header("Cache-Control", "no-store");
    return r;
}

json staff_view_of(RequestContext& ctx, const std::string& cid) {
    return ctx.server.db.read([&](SqliteConnection& c) { return staff_view(c, *load_document(c, cid)); });
}

// POST /v1/staff/identity-documents/{client_id}/(verify|reject)
ApiResponse staff_decide(RequestContext& ctx) {
    const std::string cid = ctx.param(1), action = ctx.param(2);
    auto body = ctx.json_body();
    if (!body) return error_response(400, body.error());
    const std::string staff_id = string_field(*body, "staff_id");
    const std::string reason = string_field(*body, "reason");
    if (staff_id.empty() || staff_id.size() > 64)
        return error_response(400, "request.invalid_field", "staff_id", "staff_id is required.", "職員IDを入力してください。");
    if (action == "reject" && (reason.empty() || count_code_points(reason) > 500))
        return error_response(422, "required", "reason", "A reason (up to 500 characters) is required.",
                              "再提出が必要な理由を入力してください（500文字以内）。");
    const std::string target = action == "verify" ? "verified" : "rejected";
    auto d = ctx.server.db.read([&](SqliteConnection& c) { return load_document(c, cid); });
    if (!d) return document_not_found();
    if (d->status == target && d->decided_by == staff_id) return json_response(200, staff_view_of(ctx, cid));
    if (d->status != "pending")
        return error_response(409, "identity_document.already_decided", "", "This document has already been decided.",
                              "この書類はすでに確認が終わっています。");
    const std::int64_t now = now_ms();
    // Destroy first: a crash after this leaves a pending document whose images
    // are gone (staff see 410 and ask for a new scan), never a decided one
    // whose images are still stored.
    for (const auto& p : d->doc.pages) ctx.server.uploads.destroy(p.file_id, now);
    ctx.server.db.write([&](SqliteConnection& c) {
        c.prepare(
             "UPDATE identity_documents SET status=?2, decided_by=?3, decided_at_ms=?4, rejection_reason=?5, "
             "images_deleted_at_ms=?4 WHERE client_id=?1")
            .bind(1, cid)
            .bind(2, target)
            .bind(3, staff_id)
            .bind(4, now)
            .bind(5, reason)
            .run();
    });
    log_access(ctx.server, staff_id, action + "_identity_document", cid);
    return json_response(200, staff_view_of(ctx, cid));
}

}  // namespace

void add_identity_document_routes(Router& r) {
    const std::string account = R"(/v1/accounts/([A-Za-z0-9_-]{1,64}))";
    r.add("PUT", account + R"(/identity-documents/([A-Za-z0-9_-]{1,64}))", Access::device, put_document);
    r.add("GET", account + "/identity-documents", Access::device, list_account_documents);
    r.add("GET", "/v1/staff/identity-documents", Access::staff, staff_list);
    r.add("GET", R"(/v1/staff/identity-documents/([A-Za-z0-9_-]{1,64})/pages/([A-Za-z0-9_-]{1,20}))", Access::staff, staff_page);
    r.add("POST", R"(/v1/staff/identity-documents/([A-Za-z0-9_-]{1,64})/(verify|reject))", Access::staff, staff_decide);
}

}  // namespace madoguchi::server
