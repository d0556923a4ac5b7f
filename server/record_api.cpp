// Per-account records: profile, skills/qualifications/careers/hobbies,
// bank account, NDA agreements. Bodies are the model JSON (model_json.hpp),
// re-encoded after validation so only known fields are stored.
#include <string>

#include "server/account_api.hpp"
#include "server/api_routes.hpp"
#include "server/http_routes.hpp"
#include "server/record_validation.hpp"
#include "server/request_auth.hpp"
#include "server/upload_api.hpp"

namespace madoguchi::server {
namespace {

using nlohmann::json;
using FileRefs = std::vector<std::pair<std::string, std::string>>;

FileRefs file_refs(const Profile& v) { return {{"photo_file_id", v.photo_file_id}}; }
FileRefs file_refs(const Career& v) {
    FileRefs out;
    for (const auto& a : v.attachments) out.emplace_back("attachments", a.file_id);
    return out;
}
FileRefs file_refs(const NdaAgreement& v) { return {{"signature_file_id", v.signature_file_id}}; }
template <typename T>
FileRefs file_refs(const T&) {
    return {};
}

// Parses and checks a record body; on failure `error` holds the reply.
template <typename T>
struct Parsed {
    T value{};
    std::optional<ApiResponse> error;
};

// Where a record's client_id comes from: the path, the body (required), or
// nowhere (one-per-account records such as the profile may omit it).
enum class IdRule { from_path, required_in_body, optional };

template <typename T>
Parsed<T> parse_record(RequestContext& ctx, IdRule rule, const std::string& path_client_id = {}) {
    Parsed<T> p;
    auto body = ctx.json_body();
    if (!body) {
        p.error = error_response(400, body.error());
        return p;
    }
    try {
        from_json(*body, p.value);
    } catch (const std::exception& e) {
        p.error = error_response(400, "request.invalid_field", "", std::string("A field has the wrong type or value: ") + e.what(),
                                 "送信内容の形式が正しくありません。");
        return p;
    }
    if (rule == IdRule::from_path) {
        if (!p.value.meta.client_id.empty() && p.value.meta.client_id != path_client_id) {
            p.error = error_response(422, "client_id.mismatch", "client_id", "The body's client_id differs from the path.",
                                     "レコードIDが一致しません。");
            return p;
        }
        p.value.meta.client_id = path_client_id;
    } else if ((rule == IdRule::required_in_body || !p.value.meta.client_id.empty()) &&
               !valid_client_id(p.value.meta.client_id)) {
        p.error = error_response(400, "request.invalid_field", "client_id", "client_id is missing or invalid.",
                                 "レコードIDが正しくありません。");
        return p;
    }
    if (auto errors = validate_record(p.value); !errors.empty()) {
        p.error = validation_response(errors);
        return p;
    }
    if (auto denied = deny_file_references(ctx.server, file_refs(p.value))) p.error = *denied;
    return p;
}

// Stores (replacing) one record; true when it did not exist before.
bool upsert(SqliteConnection& c, const std::string& aid, const std::string& collection, const std::string& cid,
            const json& body) {
    auto exists = c.prepare("SELECT 1 FROM records WHERE account_id=?1 AND collection=?2 AND client_id=?3");
    exists.bind(1, aid).bind(2, collection).bind(3, cid);
    const bool existed = exists.step();
    c.prepare("INSERT OR REPLACE INTO records(account_id, collection, client_id, body, updated_at_ms) VALUES(?1,?2,?3,?4,?5)")
        .bind(1, aid)
        .bind(2, collection)
        .bind(3, cid)
        .bind(4, body.dump())
        .bind(5, now_ms())
        .run();
    return !existed;
}

std::optional<json> load_one(SqliteConnection& c, const std::string& aid, const std::string& collection,
                             const std::string& cid) {
    auto st = c.prepare("SELECT body FROM records WHERE account_id=?1 AND collection=?2 AND client_id=?3");
    st.bind(1, aid).bind(2, collection).bind(3, cid);
    if (!st.step()) return std::nullopt;
    return json::parse(st.column_text(0));
}

json load_all(SqliteConnection& c, const std::string& aid, const std::string& collection) {
    auto st = c.prepare("SELECT body FROM records WHERE account_id=?1 AND collection=?2 ORDER BY updated_at_ms, client_id");
    st.bind(1, aid).bind(2, collection);
    json items = json::array();
    while (st.step()) items.push_back(json::parse(st.column_text(0)));
    return items;
}

template <typename T>
ApiResponse put_collection_record(RequestContext& ctx, const std::string& aid, const std::string& collection,
                                  const std::string& cid) {
    auto p = parse_record<T>(ctx, IdRule::from_path, cid);
    if (p.error) return *p.error;
    const json stored = p.value;
    const bool created = ctx.server.db.write([&](SqliteConnection& c) { return upsert(c, aid, collection, cid, stored); });
    return json_response(created ? 201 : 200, stored);
}

// GET /v1/accounts/{aid}/{collection}
ApiResponse list_collection(RequestContext& ctx) {
    const std::string aid = ctx.param(1), collection = ctx.param(2);
    if (auto denied = deny_account_access(ctx, aid)) return *denied;
    return json_response(200, {{"items", ctx.server.db.read([&](SqliteConnection& c) { return load_all(c, aid, collection); })}});
}

// PUT /v1/accounts/{aid}/{collection}/{client_id}
ApiResponse put_collection(RequestContext& ctx) {
    const std::string aid = ctx.param(1), collection = ctx.param(2), cid = ctx.param(3);
    if (auto denied = deny_account_access(ctx, aid)) return *denied;
    if (collection == "skills") return put_collection_record<Skill>(ctx, aid, collection, cid);
    if (collection == "qualifications") return put_collection_record<Qualification>(ctx, aid, collection, cid);
    if (collection == "careers") return put_collection_record<Career>(ctx, aid, collection, cid);
    return put_collection_record<Hobby>(ctx, aid, collection, cid);
}

// DELETE /v1/accounts/{aid}/{collection}/{client_id}: absent is fine (replays are harmless).
ApiResponse delete_collection(RequestContext& ctx) {
    const std::string aid = ctx.param(1), collection = ctx.param(2), cid = ctx.param(3);
    if (auto denied = deny_account_access(ctx, aid)) return *denied;
    ctx.server.db.write([&](SqliteConnection& c) {
        c.prepare("DELETE FROM records WHERE account_id=?1 AND collection=?2 AND client_id=?3")
            .bind(1, aid)
            .bind(2, collection)
            .bind(3, cid)
            .run();
    });
    return empty_response(204);
}

constexpr const char* kSingleKey = "_";  // one profile / bank account per account

// GET /v1/accounts/{aid}/profile
ApiResponse get_profile(RequestContext& ctx) {
    const std::string aid = ctx.param(1);
    if (auto denied = deny_account_access(ctx, aid)) return *denied;
    auto stored = ctx.server.db.read([&](SqliteConnection& c) { return load_one(c, aid, "profile", kSingleKey); });
    if (!stored)
        return error_response(404, "profile.not_found", "", "No profile has been stored yet.", "プロフィールはまだ登録されていません。");
    return json_response(200, *stored);
}

// PUT /v1/accounts/{aid}/profile
ApiResponse put_profile(RequestContext& ctx) {
    const std::string aid = ctx.param(1);
    if (auto denied = deny_account_access(ctx, aid)) return *denied;
    auto p = parse_record<Profile>(ctx, IdRule::optional);
    if (p.error) return *p.error;
    return ctx.server.db.write([&](SqliteConnection& c) {
        auto account = load_account_json(c, aid);
        p.value.username = account->at("username").get<std::string>();  // read-only copy, guide 【5】 Step 2
        const json stored = p.value;
        const bool created = upsert(c, aid, "profile", kSingleKey, stored);
        return json_response(created ? 201 : 200, stored);
    });
}

json masked_bank_account(json stored) {
    std::string number = stored.value("account_number", "");
    for (std::size_t i = 0; i + 3 < number.size(); ++i) number[i] = '*';
    stored["account_number"] = number;
    return stored;
}

// GET /v1/accounts/{aid}/bank-account: the number comes back masked (****567).
ApiResponse get_bank_account(RequestContext& ctx) {
    const std::string aid = ctx.param(1);
    if (auto denied = deny_account_access(ctx, aid)) return *denied;
    auto stored = ctx.server.db.read([&](SqliteConnection& c) { return load_one(c, aid, "bank_account", kSingleKey); });
    if (!stored)
        return error_response(404, "bank_account.not_found", "", "No bank account has been stored yet.", "振込先口座はまだ登録されていません。");
    return json_response(200, masked_bank_account(*stored));
}

// PUT /v1/accounts/{aid}/bank-account
ApiResponse put_bank_account(RequestContext& ctx) {
    const std::string aid = ctx.param(1);
    if (auto denied = deny_account_access(ctx, aid)) return *denied;
    auto p = parse_record<BankAccount>(ctx, IdRule::optional);
    if (p.error) return *p.error;
    const json stored = p.value;
    const bool created = ctx.server.db.write([&](SqliteConnection& c) { return upsert(c, aid, "bank_account", kSingleKey, stored); });
    return json_response(created ? 201 : 200, masked_bank_account(stored));
}

// DELETE /v1/accounts/{aid}/bank-account[?client_id=X]: the kiosk's
// bank_account.delete. With client_id it removes only that record: a kiosk
// may send a later put (a new record) before a delete that waited for a
// retry, and that delete must not remove the newer account. Absent is fine
// (a replay after the first delete is harmless): 204 either way.
ApiResponse delete_bank_account(RequestContext& ctx) {
    const std::string aid = ctx.param(1);
    if (auto denied = deny_account_access(ctx, aid)) return *denied;
    const std::string only = ctx.http.get_param_value("client_id");
    ctx.server.db.write([&](SqliteConnection& c) {
        if (!only.empty()) {
            auto stored = load_one(c, aid, "bank_account", kSingleKey);
            if (!stored || stored->value("client_id", "") != only) return;
        }
        c.prepare("DELETE FROM records WHERE account_id=?1 AND collection='bank_account' AND client_id=?2")
            .bind(1, aid)
            .bind(2, kSingleKey)
            .run();
    });
    return empty_response(204);
}

// POST /v1/accounts/{aid}/nda-agreements: an agreement is immutable, so a
// second POST with the same client_id returns the first one (200).
ApiResponse post_nda(RequestContext& ctx) {
    const std::string aid = ctx.param(1);
    if (auto denied = deny_account_access(ctx, aid)) return *denied;
    auto p = parse_record<NdaAgreement>(ctx, IdRule::required_in_body);
    if (p.error) return *p.error;
    const json body = p.value;
    return ctx.server.db.write([&](SqliteConnection& c) {
        if (auto existing = load_one(c, aid, "nda_agreements", p.value.meta.client_id)) return json_response(200, *existing);
        upsert(c, aid, "nda_agreements", p.value.meta.client_id, body);
        return json_response(201, body);
    });
}

// GET /v1/accounts/{aid}/nda-agreements
ApiResponse list_nda(RequestContext& ctx) {
    const std::string aid = ctx.param(1);
    if (auto denied = deny_account_access(ctx, aid)) return *denied;
    return json_response(200, {{"items", ctx.server.db.read([&](SqliteConnection& c) { return load_all(c, aid, "nda_agreements"); })}});
}

}  // namespace

void add_record_routes(Router& r) {
    const std::string account = R"(/v1/accounts/([A-Za-z0-9_-]{1,64}))";
    const std::string collection = "(skills|qualifications|careers|hobbies)";
    r.add("GET", account + "/profile", Access::device, get_profile);
    r.add("PUT", account + "/profile", Access::device, put_profile);
    r.add("GET", account + "/bank-account", Access::device, get_bank_account);
    r.add("PUT", account + "/bank-account", Access::device, put_bank_account);
    r.add("DELETE", account + "/bank-account", Access::device, delete_bank_account);
    r.add("GET", account + "/nda-agreements", Access::device, list_nda);
    r.add("POST", account + "/nda-agreements", Access::device, post_nda);
    r.add("GET", account + "/" + collection, Access::device, list_collection);
    r.add("PUT", account + "/" + collection + R"(/([A-Za-z0-9_-]{1,64}))", Access::device, put_collection);
    r.add("DELETE", account + "/" + collection + R"(/([A-Za-z0-9_-]{1,64}))", Access::device, delete_collection);
}

}  // namespace madoguchi::server
