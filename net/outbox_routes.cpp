// Operation -> request table for the sync engine.
#include "net/outbox_routes.hpp"

#include "net/api_client.hpp"

namespace madoguchi {
namespace {

using nlohmann::json;

Error unknown(const std::string& operation) {
    return {"sync.unknown_operation", "", "送信方法が分からないデータです。担当者に連絡してください。",
            "No API request is known for outbox operation '" + operation + "'."};
}

Error bad_payload(const std::string& why) {
    return {"sync.bad_payload", "", "送信データが壊れています。担当者に連絡してください。",
            "Outbox payload unusable: " + why};
}

// "skill" -> "skills" for the four collections the API serves.
const char* collection_path(const std::string& entity) {
    if (entity == "skill") return "skills";
    if (entity == "qualification") return "qualifications";
    if (entity == "career") return "careers";
    if (entity == "hobby") return "hobbies";
    return nullptr;
}

}  // namespace

Result<PlannedRequest> plan_request(const std::string& operation, const std::string& owner,
                                    const std::string& entity_id, const nlohmann::json& payload) {
    const auto dot = operation.find('.');
    if (dot == std::string::npos) return unknown(operation);
    const std::string entity = operation.substr(0, dot);
    const std::string verb = operation.substr(dot + 1);
    const std::string account = "/v1/accounts/" + url_encode_component(owner);
    const std::string id = url_encode_component(entity_id);
    if (verb != "delete" && !payload.is_object()) return bad_payload("not a JSON object");

    PlannedRequest r;
    r.account_id = owner;
    if (operation == "account.create") {
        const auto su = payload.find("sign_up");
        if (su == payload.end() || !su->is_object()) return bad_payload("account.create without sign_up");
        json body = *su;
        body["client_id"] = entity_id;
        r.method = "POST";
        r.path = "/v1/accounts";
        r.body = body.dump();
        r.account_id.clear();
        return r;
    }
    if (operation == "profile.put") {
        r.method = "PUT";
        r.path = account + "/profile";
        r.body = payload.dump();
        return r;
    }
    if (entity == "bank_account" && (verb == "put" || verb == "delete")) {
        r.method = verb == "put" ? "PUT" : "DELETE";
        r.path = account + "/bank-account";
        if (verb == "put") r.body = payload.dump();
        // The delete names its record, so it cannot remove a newer account
        // (put → delete → put: the second put is a different record and may
        // reach the server before a delete that is waiting for a retry).
        if (verb == "delete" && !id.empty()) r.path += "?client_id=" + id;
        return r;
    }
    if (const char* coll = collection_path(entity)) {
        r.path = account + "/" + coll + "/" + id;
        if (verb == "create" || verb == "update") {
            r.method = "PUT";
            r.body = payload.dump();
            return r;
        }
        if (verb == "delete") {
            r.method = "DELETE";
            return r;
        }
        return unknown(operation);
    }
    if (entity == "company") {
        if (verb == "create" || verb == "update") {
            r.method = "PUT";
            r.path = "/v1/companies/" + id;
            r.body = payload.dump();
            r.account_id.clear();
            return r;
        }
        // A company registered on the platform is shared by everyone; a kiosk
        // user removing it from their local list does not delete it there.
        if (verb == "delete") return PlannedRequest{};
        return unknown(operation);
    }
    if (operation == "nda_agreement.create") {
        r.method = "POST";
        r.path = account + "/nda-agreements";
        r.body = payload.dump();
        return r;
    }
    if (operation == "email_change.request") {
        r.method = "POST";
        r.path = account + "/email-changes";
        r.body = payload.dump();
        return r;
    }
    if (operation == "audit_event.create") {
        // The kiosk's staff audit log: the device's record, not an account's
        // (device token only); the server keeps each event_id once.
        r.method = "POST";
        r.path = "/v1/device/audit-events";
        r.body = payload.dump();
        r.account_id.clear();
        return r;
    }
    // Social writes (docs/social.md); the server stores each once by its id.
    if (operation == "message.send") {
        json body = payload;
        body["client_id"] = entity_id;
        r.method = "POST";
        r.path = account + "/messages";
        r.body = body.dump();
        return r;
    }
    if (operation == "follow.create" || operation == "follow.delete") {
        const auto worker = payload.find("worker_id");
        if (worker == payload.end() || !worker->is_string() || worker->get<std::string>().empty())
            return bad_payload("follow without worker_id");
        r.method = operation == "follow.create" ? "PUT" : "DELETE";
        r.path = account + "/following/" + url_encode_component(worker->get<std::string>());
        if (r.method == "PUT") r.body = "{}";
        return r;
    }
    if (operation == "team.create" || operation == "team.update") {
        r.method = "PUT";
        r.path = account + "/teams/" + id;
        r.body = payload.dump();
        return r;
    }
    if (operation == "team_invitation.create") {
        const auto team = payload.find("team_id");
        if (team == payload.end() || !team->is_string() || team->get<std::string>().empty())
            return bad_payload("invitation without team_id");
        json body = payload;
        body.erase("team_id");
        r.method = "PUT";
        r.path = account + "/teams/" + url_encode_component(team->get<std::string>()) + "/invitations/" + id;
        r.body = body.dump();
        return r;
    }
    if (operation == "team_answer.accept" || operation == "team_answer.decline" || operation == "team_answer.leave") {
        const bool leave = verb == "leave";
        const auto target = payload.find(leave ? "team_id" : "invitation_id");
        if (target == payload.end() || !target->is_string() || target->get<std::string>().empty())
            return bad_payload("team answer without its team/invitation");
        const std::string target_id = url_encode_component(target->get<std::string>());
        if (leave) {
            r.method = "DELETE";
            r.path = account + "/teams/" + target_id + "/membership";
        } else {
            r.method = "POST";
            r.path = account + "/invitations/" + target_id + "/" + verb;
            r.body = "{}";
        }
        return r;
    }
    if (operation == "identity_document.upload") {
        r.method = "PUT";
        r.path = account + "/identity-documents/" + id;
        r.body = payload.dump();
        return r;
    }
    return unknown(operation);
}

void replace_file_ids(nlohmann::json& doc, const std::map<std::string, std::string>& ids) {
    if (ids.empty()) return;
    if (doc.is_string()) {
        const auto it = ids.find(doc.get_ref<const std::string&>());
        if (it != ids.end()) doc = it->second;
    } else if (doc.is_structured()) {
        for (auto& v : doc) replace_file_ids(v, ids);
    }
}

}  // namespace madoguchi
