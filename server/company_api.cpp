// Companies (guide 【11】): search by name first (on a search key that folds
// width, kana, spacing and legal form), register only when absent; the URL
// slug is unique (case-insensitively) and never changes; the logo is served
// to signed-in kiosks, revalidated by ETag.
#include "data/text/company_search_key.hpp"
#include "data/text/utf8.hpp"
#include "server/api_routes.hpp"
#include "server/http_routes.hpp"
#include "server/image_content_type.hpp"
#include "server/record_validation.hpp"
#include "server/upload_api.hpp"

namespace madoguchi::server {
namespace {

using nlohmann::json;

// LIKE pattern matching `text` anywhere, with % _ and \ taken literally.
std::string contains_pattern(const std::string& text) {
    std::string out = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out + "%";
}

// GET /v1/companies?q=NAME: the query's key inside the stored name's key
// (company_search_key.hpp), so ｶﾌﾞｼｷｶﾞｲｼｬ, ＡＢＣ, ㈱ and spaces do not matter.
ApiResponse search_companies(RequestContext& ctx) {
    const std::string q = ctx.http.get_param_value("q");
    if (count_code_points(q) > 100)
        return error_response(400, "request.invalid_field", "q", "The search text is too long.", "検索語が長すぎます。");
    json items = ctx.server.db.read([&](SqliteConnection& c) {
        auto st = c.prepare(
            "SELECT body FROM companies WHERE search_key LIKE ?1 ESCAPE '\\' ORDER BY name, client_id LIMIT 50");
        st.bind(1, contains_pattern(company_search_key(q)));
        json out = json::array();
        while (st.step()) out.push_back(json::parse(st.column_text(0)));
        return out;
    });
    return json_response(200, {{"items", std::move(items)}});
}

// PUT /v1/companies/{client_id}
ApiResponse put_company(RequestContext& ctx) {
    const std::string cid = ctx.param(1);
    auto body = ctx.json_body();
    if (!body) return error_response(400, body.error());
    Company company;
    try {
        from_json(*body, company);
    } catch (const std::exception& e) {
        return error_response(400, "request.invalid_field", "", std::string("A field has the wrong type or value: ") + e.what(),
                              "送信内容の形式が正しくありません。");
    }
    if (!company.meta.client_id.empty() && company.meta.client_id != cid)
        return error_response(422, "client_id.mismatch", "client_id", "The body's client_id differs from the path.",
                              "レコードIDが一致しません。");
    company.meta.client_id = cid;
    company.server_id = cid;
    if (auto errors = validate_record(company); !errors.empty()) return validation_response(errors);
    if (auto denied = deny_file_references(ctx.server, {{"logo_file_id", company.logo_file_id}})) return *denied;
    return ctx.server.db.write([&](SqliteConnection& c) -> ApiResponse {
        auto existing = c.prepare("SELECT url_slug, body FROM companies WHERE client_id=?1");
        existing.bind(1, cid);
        const bool exists = existing.step();
        if (exists && existing.column_text(0) != company.url_slug)
            return error_response(422, "company.slug_immutable", "url_slug", "A company's URL cannot be changed.",
                                  "会社ページのURLは変更できません。");
        if (exists && company.logo_file_id.empty()) {
            // A kiosk that chose this company holds no copy of its logo and
            // sends none: that keeps the logo, it does not remove it.
            const json before = json::parse(existing.column_text(1), nullptr, false);
            if (before.is_object() && before.value("logo_file_id", json("")).is_string())
                company.logo_file_id = before.value("logo_file_id", std::string());
        }
        const json stored = company;
        if (!exists) {
            // The column is COLLATE NOCASE: YamadaShoji and yamadashoji are one URL.
            auto taken = c.prepare("SELECT 1 FROM companies WHERE url_slug=?1");
            taken.bind(1, company.url_slug);
            if (taken.step())
                return error_response(409, "company.slug_taken", "url_slug", "This URL is already used by another company.",
                                      "このURLはすでに他の会社で使われています。");
        }
        c.prepare(
             "INSERT OR REPLACE INTO companies(client_id, url_slug, name, body, created_by_device, updated_at_ms, "
             "search_key) "
             "VALUES(?1,?2,?3,?4,COALESCE((SELECT created_by_device FROM companies WHERE client_id=?1), ?5),?6,?7)")
            .bind(1, cid)
            .bind(2, company.url_slug)
            .bind(3, company.name)
            .bind(4, stored.dump())
            .bind(5, ctx.device_id)
            .bind(6, now_ms())
            .bind(7, company_search_key(company.name))
            .run();
        return json_response(exists ? 200 : 201, stored);
    });
}

ApiResponse logo_not_found() {
    return error_response(404, "company.logo_not_found", "", "This company has no logo.", "この会社のロゴはありません。");
}

// GET /v1/companies/{client_id}/logo: the logo bytes for any signed-in
// kiosk (a company is public on the platform). The ETag is the upload's
// SHA-256, so a kiosk revalidating with If-None-Match gets a bodiless 304.
ApiResponse get_company_logo(RequestContext& ctx) {
    const std::string cid = ctx.param(1);
    const std::string file_id = ctx.server.db.read([&](SqliteConnection& c) -> std::string {
        auto st = c.prepare("SELECT body FROM companies WHERE client_id=?1");
        st.bind(1, cid);
        if (!st.step()) return {};
        const json body = json::parse(st.column_text(0), nullptr, false);
        if (!body.is_object() || !body.value("logo_file_id", json("")).is_string()) return {};
        return body.value("logo_file_id", std::string());
    });
    if (file_id.empty()) return logo_not_found();
    auto info = ctx.server.uploads.find(file_id, now_ms());
    if (!info || info->state != "complete") return logo_not_found();
    const std::string etag = "\"" + info->sha256 + "\"";
    if (ctx.header("If-None-Match") == etag) {
        ApiResponse r = empty_response(304);
        r.with_header("ETag", etag).with_header("Cache-Control", "private, no-cache");
        return r;
    }
    auto bytes = ctx.server.uploads.read_complete(file_id);
    if (!bytes) return logo_not_found();
    ApiResponse r;
    r.status = 200;
    r.content_type = image_content_type(*bytes);
    r.body = std::move(*bytes);
    r.with_header("ETag", etag).with_header("Cache-Control", "private, no-cache");
    return r;
}

}  // namespace

void add_company_routes(Router& r) {
    r.add("GET", "/v1/companies", Access::device, search_companies);
    r.add("GET", R"(/v1/companies/([A-Za-z0-9_-]{1,64})/logo)", Access::device, get_company_logo);
    r.add("PUT", R"(/v1/companies/([A-Za-z0-9_-]{1,64}))", Access::device, put_company);
}

}  // namespace madoguchi::server
