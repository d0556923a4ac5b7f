// Typed API calls: build paths and bodies, attach auth and idempotency
// headers, classify failures, decode replies defensively.
#include "net/api_client.hpp"

#include "net/api_reply.hpp"
#include "net/http_failure.hpp"

namespace madoguchi {
namespace {

using nlohmann::json;

std::string account_path(const std::string& account_id) {
    return "/v1/accounts/" + url_encode_component(account_id);
}

NetStatus as_status(const NetResult<json>& r) {
    if (!r) return r.failure();
    return Ok{};
}

}  // namespace

const char* path_segment(Collection c) {
    switch (c) {
        case Collection::skills: return "skills";
        case Collection::qualifications: return "qualifications";
        case Collection::careers: return "careers";
        case Collection::hobbies: return "hobbies";
    }
    return "skills";
}

std::string url_encode_component(std::string_view s) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (unsigned char c : s) {
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

ApiClient::ApiClient(HttpClient& http, ApiClientConfig config) : http_(http), config_(std::move(config)) {
    while (!config_.base_url.empty() && config_.base_url.back() == '/') config_.base_url.pop_back();
}

void ApiClient::set_session_token(const std::string& account_id, std::string token) {
    session_tokens_[account_id] = std::move(token);
}

void ApiClient::clear_session_token(const std::string& account_id) { session_tokens_.erase(account_id); }

NetResult<HttpResponse> ApiClient::call(const std::string& method, const std::string& path, const std::string& body,
                                        const std::string& account_id, const std::string& key,
                                        const HttpHeaders& extra_headers) {
    HttpRequest req;
    req.method = method;
    req.url = config_.base_url + path;
    req.body = body;
    req.headers.emplace_back("Accept", "application/json");
    if (!config_.device_token.empty()) req.headers.emplace_back("X-Device-Token", config_.device_token);
    if (!account_id.empty()) {
        if (const auto it = session_tokens_.find(account_id); it != session_tokens_.end())
            req.headers.emplace_back("Authorization", "Bearer " + it->second);
    }
    if (!key.empty()) req.headers.emplace_back("Idempotency-Key", key);
    for (const auto& h : extra_headers) req.headers.push_back(h);
    auto reply = http_.perform(req);
    if (!reply) return reply.failure();
    if (!reply->success()) return failure_from_reply(*reply, http_.config().retry_after_cap);
    return reply;
}

NetResult<json> ApiClient::call_json(const std::string& method, const std::string& path, const json* body,
                                     const std::string& account_id, const std::string& key) {
    auto reply = call(method, path, body ? body->dump() : std::string(), account_id, key);
    if (!reply) return reply.failure();
    if (reply->body.empty() || reply->status == 204) return json(nullptr);
    return parse_json_body(reply->body);
}

NetResult<DeviceCredentials> parse_device_reply(std::string_view body) {
    auto r = parse_json_body(body);
    if (!r) return r.failure();
    auto id = string_member(*r, "device_id");
    auto token = string_member(*r, "device_token");
    if (!id || !token || token->empty()) return malformed_reply("device_id/device_token missing");
    return DeviceCredentials{*id, *token};
}

NetResult<Account> parse_account_reply(std::string_view body) {
    auto r = parse_json_body(body);
    if (!r) return r.failure();
    if (!r->is_object() || !r->contains("account")) return malformed_reply("account missing");
    return decode_json<Account>(r->at("account"));
}

NetResult<ApiSession> parse_session_reply(std::string_view body) {
    auto r = parse_json_body(body);
    if (!r) return r.failure();
    ApiSession s;
    auto token = string_member(*r, "token");
    if (!token || token->empty()) return malformed_reply("token missing");
    s.token = *token;
    if (const auto it = r->find("expires_at_ms"); it != r->end() && it->is_number_integer())
        s.expires_at_ms = it->get<std::int64_t>();
    if (const auto it = r->find("account"); it != r->end()) {
        auto account = decode_json<Account>(*it);
        if (!account) return account.failure();
        s.account = std::move(account).value();
    }
    return s;
}

NetResult<DeviceCredentials> ApiClient::enroll_device(const std::string& kiosk_id,
                                                      const std::string& enrollment_code, const std::string& key) {
    const json body = {{"kiosk_id", kiosk_id}, {"enrollment_code", enrollment_code}};
    auto r = call("POST", "/v1/devices", body.dump(), "", key);
    if (!r) return r.failure();
    return parse_device_reply(r->body);
}

NetResult<Account> ApiClient::create_account(const std::string& client_id, const SignUpRequest& request,
                                             const std::string& key) {
    json body;
    to_json(body, request);
    body["client_id"] = client_id;
    auto r = call("POST", "/v1/accounts", body.dump(), "", key);
    if (!r) return r.failure();
    return parse_account_reply(r->body);
}

NetStatus ApiClient::confirm_email(const std::string& token) {
    return as_status(call_json("GET", "/v1/email-verifications/" + url_encode_component(token), nullptr, "", ""));
}

NetResult<ApiSession> ApiClient::sign_in(const SignInRequest& request, const std::string& key) {
    const json body = {{"login", request.login}, {"password", request.password}};
    auto r = call("POST", "/v1/sessions", body.dump(), "", key);
    if (!r) return r.failure();
    return parse_session_reply(r->body);
}

NetStatus ApiClient::sign_out(const std::string& session_token, const std::string& key) {
    auto r = call("DELETE", "/v1/sessions/current", "", "", key, {{"Authorization", "Bearer " + session_token}});
    if (!r) return r.failure();
    return Ok{};
}

NetResult<Profile> ApiClient::get_profile(const std::string& account_id) {
    auto r = call_json("GET", account_path(account_id) + "/profile", nullptr, account_id, "");
    if (!r) return r.failure();
    return decode_json<Profile>(*r);
}

NetResult<Profile> ApiClient::put_profile(const std::string& account_id, const Profile& profile,
                                          const std::string& key) {
    json body;
    to_json(body, profile);
    auto r = call_json("PUT", account_path(account_id) + "/profile", &body, account_id, key);
    if (!r) return r.failure();
    if (r->is_null()) return profile;  // 204: the server kept what we sent
    return decode_json<Profile>(*r);
}

NetStatus ApiClient::request_email_change(const std::string& account_id, const EmailChangeRequest& request,
                                          const std::string& key) {
    json body;
    to_json(body, request);
    return as_status(call_json("POST", account_path(account_id) + "/email-changes", &body, account_id, key));
}

NetStatus ApiClient::change_password(const std::string& account_id, const PasswordChangeRequest& request,
                                     const std::string& key) {
    const json body = {{"current_password", request.current_password}, {"new_password", request.new_password}};
    return as_status(call_json("PUT", account_path(account_id) + "/password", &body, account_id, key));
}

NetStatus ApiClient::put_record(const std::string& account_id, Collection c, const std::string& client_id,
                                const json& body, const std::string& key) {
    return as_status(call_json("PUT",
                               account_path(account_id) + "/" + path_segment(c) + "/" +
                                   url_encode_component(client_id),
                               &body, account_id, key));
}

NetStatus ApiClient::put_skill(const std::string& account_id, const Skill& v, const std::string& key) {
    return put_record(account_id, Collection::skills, v.meta.client_id, json(v), key);
}
NetStatus ApiClient::put_qualification(const std::string& account_id, const Qualification& v,
                                       const std::string& key) {
    return put_record(account_id, Collection::qualifications, v.meta.client_id, json(v), key);
}
NetStatus ApiClient::put_career(const std::string& account_id, const Career& v, const std::string& key) {
    return put_record(account_id, Collection::careers, v.meta.client_id, json(v), key);
}
NetStatus ApiClient::put_hobby(const std::string& account_id, const Hobby& v, const std::string& key) {
    return put_record(account_id, Collection::hobbies, v.meta.client_id, json(v), key);
}

NetStatus ApiClient::delete_item(const std::string& account_id, Collection c, const std::string& client_id,
                                 const std::string& key) {
    return as_status(call_json("DELETE",
                               account_path(account_id) + "/" + path_segment(c) + "/" +
                                   url_encode_component(client_id),
                               nullptr, account_id, key));
}

namespace {
template <typename T>
NetResult<std::vector<T>> decode_list_reply(NetResult<json> r) {
    if (!r) return r.failure();
    return decode_json_list<T>(*r);
}
}  // namespace

NetResult<std::vector<Skill>> ApiClient::list_skills(const std::string& account_id) {
    return decode_list_reply<Skill>(call_json("GET", account_path(account_id) + "/skills", nullptr, account_id, ""));
}
NetResult<std::vector<Qualification>> ApiClient::list_qualifications(const std::string& account_id) {
    return decode_list_reply<Qualification>(
        call_json("GET", account_path(account_id) + "/qualifications", nullptr, account_id, ""));
}
NetResult<std::vector<Career>> ApiClient::list_careers(const std::string& account_id) {
    return decode_list_reply<Career>(call_json("GET", account_path(account_id) + "/careers", nullptr, account_id, ""));
}
NetResult<std::vector<Hobby>> ApiClient::list_hobbies(const std::string& account_id) {
    return decode_list_reply<Hobby>(call_json("GET", account_path(account_id) + "/hobbies", nullptr, account_id, ""));
}

NetResult<std::vector<Company>> ApiClient::search_companies(const std::string& name_part) {
    return decode_list_reply<Company>(
        call_json("GET", "/v1/companies?q=" + url_encode_component(name_part), nullptr, "", ""));
}

NetStatus ApiClient::put_company(const Company& company, const std::string& key) {
    const json body = company;
    return as_status(
        call_json("PUT", "/v1/companies/" + url_encode_component(company.meta.client_id), &body, "", key));
}

NetStatus ApiClient::put_bank_account(const std::string& account_id, const BankAccount& v, const std::string& key) {
    const json body = v;
    return as_status(call_json("PUT", account_path(account_id) + "/bank-account", &body, account_id, key));
}

NetStatus ApiClient::post_nda_agreement(const std::string& account_id, const NdaAgreement& v,
                                        const std::string& key) {
    const json body = v;
    return as_status(call_json("POST", account_path(account_id) + "/nda-agreements", &body, account_id, key));
}

NetStatus ApiClient::put_identity_document(const std::string& account_id, const IdentityDocument& doc,
                                           const std::string& key) {
    const json body = doc;
    return as_status(call_json("PUT",
                               account_path(account_id) + "/identity-documents/" +
                                   url_encode_component(doc.meta.client_id),
                               &body, account_id, key));
}

NetResult<std::vector<IdentityDocument>> ApiClient::list_identity_documents(const std::string& account_id) {
    return decode_list_reply<IdentityDocument>(
        call_json("GET", account_path(account_id) + "/identity-documents", nullptr, account_id, ""));
}

NetResult<std::vector<IdentityDocument>> ApiClient::staff_pending_documents() {
    auto r = call("GET", "/v1/staff/identity-documents?status=pending", "", "", "",
                  {{"X-Staff-Token", config_.staff_token}});
    if (!r) return r.failure();
    auto j = parse_json_body(r->body);
    if (!j) return j.failure();
    return decode_json_list<IdentityDocument>(*j);
}

NetResult<DocumentImage> ApiClient::staff_document_page(const std::string& document_id, const std::string& side) {
    auto r = call("GET",
                  "/v1/staff/identity-documents/" + url_encode_component(document_id) + "/pages/" +
                      url_encode_component(side),
                  "", "", "", {{"X-Staff-Token", config_.staff_token}});
    if (!r) return r.failure();
    DocumentImage img;
    if (const auto ct = r->header("content-type")) img.content_type = std::string(*ct);
    img.bytes = std::move(r->body);
    return img;
}

NetStatus ApiClient::staff_verify_document(const std::string& document_id, const std::string& staff_id,
                                           const std::string& key) {
    const json body = {{"staff_id", staff_id}};
    auto r = call("POST", "/v1/staff/identity-documents/" + url_encode_component(document_id) + "/verify",
                  body.dump(), "", key, {{"X-Staff-Token", config_.staff_token}});
    if (!r) return r.failure();
    return Ok{};
}

NetStatus ApiClient::staff_reject_document(const std::string& document_id, const std::string& staff_id,
                                           const std::string& reason, const std::string& key) {
    const json body = {{"staff_id", staff_id}, {"reason", reason}};
    auto r = call("POST", "/v1/staff/identity-documents/" + url_encode_component(document_id) + "/reject",
                  body.dump(), "", key, {{"X-Staff-Token", config_.staff_token}});
    if (!r) return r.failure();
    return Ok{};
}

}  // namespace madoguchi
