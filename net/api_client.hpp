// ApiClient: typed calls of the platform API (docs/api/openapi.yaml) over
// one HttpClient. Lives on the sync worker thread like the HttpClient it uses.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "data/model/model_json.hpp"
#include "net/failure.hpp"
#include "net/http_client.hpp"

namespace madoguchi {

struct ApiClientConfig {
    std::string base_url;      // "https://platform.example.jp" (no trailing slash needed)
    std::string device_token;  // from enroll_device(); sent as X-Device-Token
    std::string staff_token;   // X-Staff-Token for staff calls (empty on user kiosks)
};

struct DeviceCredentials {
    std::string device_id;
    std::string device_token;
};

// A user token issued by POST /v1/sessions (kiosk/session.hpp is the UI's
// signed-in session; this is only what the server handed out).
struct ApiSession {
    std::string token;
    std::int64_t expires_at_ms = 0;
    Account account;
};

enum class Collection { skills, qualifications, careers, hobbies };
const char* path_segment(Collection c);

// A GET of a staff document page: image bytes and their type.
struct DocumentImage {
    std::string content_type;
    std::string bytes;
};

class ApiClient {
public:
    ApiClient(HttpClient& http, ApiClientConfig config);

    void set_device_token(std::string token) { config_.device_token = std::move(token); }
    // A user session issued to this device lets it act for that account.
    void set_session_token(const std::string& account_id, std::string token);
    void clear_session_token(const std::string& account_id);
    const ApiClientConfig& config() const { return config_; }

    // Every mutating call takes the Idempotency-Key: the outbox row's UUID,
    // or make_idempotency_key() for interactive calls.
    NetResult<DeviceCredentials> enroll_device(const std::string& kiosk_id, const std::string& enrollment_code,
                                               const std::string& key);
    NetResult<Account> create_account(const std::string& client_id, const SignUpRequest& request,
                                      const std::string& key);
    NetStatus confirm_email(const std::string& token);
    NetResult<ApiSession> sign_in(const SignInRequest& request, const std::string& key);
    NetStatus sign_out(const std::string& session_token, const std::string& key);

    NetResult<Profile> get_profile(const std::string& account_id);
    NetResult<Profile> put_profile(const std::string& account_id, const Profile& profile, const std::string& key);
    NetStatus request_email_change(const std::string& account_id, const EmailChangeRequest& request,
                                   const std::string& key);
    NetStatus change_password(const std::string& account_id, const PasswordChangeRequest& request,
                              const std::string& key);

    NetStatus put_skill(const std::string& account_id, const Skill& v, const std::string& key);
    NetStatus put_qualification(const std::string& account_id, const Qualification& v, const std::string& key);
    NetStatus put_career(const std::string& account_id, const Career& v, const std::string& key);
    NetStatus put_hobby(const std::string& account_id, const Hobby& v, const std::string& key);
    NetStatus delete_item(const std::string& account_id, Collection c, const std::string& client_id,
                          const std::string& key);
    NetResult<std::vector<Skill>> list_skills(const std::string& account_id);
    NetResult<std::vector<Qualification>> list_qualifications(const std::string& account_id);
    NetResult<std::vector<Career>> list_careers(const std::string& account_id);
    NetResult<std::vector<Hobby>> list_hobbies(const std::string& account_id);

    NetResult<std::vector<Company>> search_companies(const std::string& name_part);
    NetStatus put_company(const Company& company, const std::string& key);

    NetStatus put_bank_account(const std::string& account_id, const BankAccount& v, const std::string& key);
    NetStatus post_nda_agreement(const std::string& account_id, const NdaAgreement& v, const std::string& key);

    NetStatus put_identity_document(const std::string& account_id, const IdentityDocument& doc,
                                    const std::string& key);
    NetResult<std::vector<IdentityDocument>> list_identity_documents(const std::string& account_id);

    // Staff side (header X-Staff-Token).
    NetResult<std::vector<IdentityDocument>> staff_pending_documents();
    NetResult<DocumentImage> staff_document_page(const std::string& document_id, const std::string& side);
    NetStatus staff_verify_document(const std::string& document_id, const std::string& staff_id,
                                    const std::string& key);
    NetStatus staff_reject_document(const std::string& document_id, const std::string& staff_id,
                                    const std::string& reason, const std::string& key);

    // The generic form behind the typed calls: method + path under base_url,
    // optional JSON body, auth headers for `account_id` (may be empty),
    // Idempotency-Key when `key` is not empty. Non-2xx replies are Failures.
    NetResult<HttpResponse> call(const std::string& method, const std::string& path, const std::string& body,
                                 const std::string& account_id, const std::string& key,
                                 const HttpHeaders& extra_headers = {});
    HttpClient& http() { return http_; }

private:
    NetResult<nlohmann::json> call_json(const std::string& method, const std::string& path,
                                        const nlohmann::json* body, const std::string& account_id,
                                        const std::string& key);
    NetStatus put_record(const std::string& account_id, Collection c, const std::string& client_id,
                         const nlohmann::json& body, const std::string& key);

    HttpClient& http_;
    ApiClientConfig config_;
    std::map<std::string, std::string> session_tokens_;
};

// Reply decoders behind the typed calls (public so the fuzz test reaches them).
NetResult<DeviceCredentials> parse_device_reply(std::string_view body);
NetResult<Account> parse_account_reply(std::string_view body);  // {"account": {...}}
NetResult<ApiSession> parse_session_reply(std::string_view body);

// Percent-encodes one path segment or query value (RFC 3986 unreserved kept).
std::string url_encode_component(std::string_view s);

}  // namespace madoguchi
