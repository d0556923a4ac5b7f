// Typed repositories, one per aggregate. Every save/update/remove writes the
// record and its outbox row in ONE transaction; every read and write is
// scoped to an owner (the local account's client_id), so one user's data
// can never be listed or changed on behalf of another.
//
// Operations queued (entity type = prefix):
//   account.create, profile.put, bank_account.put, bank_account.delete,
//   skill|qualification|career|hobby|company.create/.update/.delete,
//   nda_agreement.create, email_change.request, identity_document.upload
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "data/crypto/uuid.hpp"
#include "data/model/model_json.hpp"
#include "data/store/record_store.hpp"

namespace madoguchi {

// Which entity type a struct is stored as, and which of its fields are files.
template <typename T> struct RecordTraits;

template <> struct RecordTraits<Account> {
    static constexpr std::string_view entity_type = "account";
    static std::vector<std::string> file_ids(const Account&) { return {}; }
};
template <> struct RecordTraits<Profile> {
    static constexpr std::string_view entity_type = "profile";
    static std::vector<std::string> file_ids(const Profile& v) {
        return v.photo_file_id.empty() ? std::vector<std::string>{} : std::vector<std::string>{v.photo_file_id};
    }
};
template <> struct RecordTraits<Skill> {
    static constexpr std::string_view entity_type = "skill";
    static std::vector<std::string> file_ids(const Skill&) { return {}; }
};
template <> struct RecordTraits<Qualification> {
    static constexpr std::string_view entity_type = "qualification";
    static std::vector<std::string> file_ids(const Qualification&) { return {}; }
};
template <> struct RecordTraits<Career> {
    static constexpr std::string_view entity_type = "career";
    static std::vector<std::string> file_ids(const Career& v) {
        std::vector<std::string> ids;
        for (const auto& a : v.attachments)
            if (!a.file_id.empty()) ids.push_back(a.file_id);
        return ids;
    }
};
template <> struct RecordTraits<Hobby> {
    static constexpr std::string_view entity_type = "hobby";
    static std::vector<std::string> file_ids(const Hobby&) { return {}; }
};
template <> struct RecordTraits<Company> {
    static constexpr std::string_view entity_type = "company";
    static std::vector<std::string> file_ids(const Company& v) {
        return v.logo_file_id.empty() ? std::vector<std::string>{} : std::vector<std::string>{v.logo_file_id};
    }
};
template <> struct RecordTraits<BankAccount> {
    static constexpr std::string_view entity_type = "bank_account";
    static std::vector<std::string> file_ids(const BankAccount&) { return {}; }
};
template <> struct RecordTraits<NdaAgreement> {
    static constexpr std::string_view entity_type = "nda_agreement";
    static constexpr std::string_view create_operation = "nda_agreement.create";
    static std::vector<std::string> file_ids(const NdaAgreement& v) {
        return v.signature_file_id.empty() ? std::vector<std::string>{}
                                           : std::vector<std::string>{v.signature_file_id};
    }
};
template <> struct RecordTraits<EmailChangeRequest> {
    static constexpr std::string_view entity_type = "email_change";
    static constexpr std::string_view create_operation = "email_change.request";
    static std::vector<std::string> file_ids(const EmailChangeRequest&) { return {}; }
};
template <> struct RecordTraits<IdentityDocument> {
    static constexpr std::string_view entity_type = "identity_document";
    static constexpr std::string_view create_operation = "identity_document.upload";
    static std::vector<std::string> file_ids(const IdentityDocument& v) {
        std::vector<std::string> ids;
        for (const auto& p : v.pages)
            if (!p.file_id.empty()) ids.push_back(p.file_id);
        return ids;
    }
};

Error invalid_record_error(std::string_view detail);

namespace store_detail {

// JSON text of a record. Text that is not valid UTF-8 cannot travel as JSON
// (nlohmann refuses to dump it); it is refused here with an Error rather
// than silently altered. The keyboard only produces valid UTF-8.
Result<std::string> dump_json(const nlohmann::json& j);

template <typename T>
Result<RecordWrite> make_write(std::string_view owner, T& v, std::string operation) {
    if (v.meta.client_id.empty()) v.meta.client_id = make_uuid_v4();
    auto body = dump_json(nlohmann::json(v));
    if (!body) return body.error();
    RecordWrite w;
    w.entity_type = std::string(RecordTraits<T>::entity_type);
    w.owner_client_id = std::string(owner);
    w.meta = v.meta;
    w.body_json = std::move(*body);
    w.payload_json = w.body_json;
    w.file_ids = RecordTraits<T>::file_ids(v);
    w.operation = std::move(operation);
    return w;
}

// Stored bodies were written by make_write; a body that no longer parses
// (e.g. a model change without a migration) is a storage error, not a crash.
template <typename T>
Result<T> decode(const StoredRecord& r) {
    try {
        T v = nlohmann::json::parse(r.body_json).get<T>();
        v.meta = r.meta;
        return v;
    } catch (const std::exception& e) {
        return invalid_record_error(e.what());
    }
}

template <typename T>
Result<std::optional<T>> decode_optional(Result<std::optional<StoredRecord>> r) {
    if (!r) return r.error();
    if (!r->has_value()) return std::optional<T>{};
    auto v = decode<T>(**r);
    if (!v) return v.error();
    return std::optional<T>(std::move(*v));
}

template <typename T>
Result<std::vector<T>> decode_all(Result<std::vector<StoredRecord>> rows) {
    if (!rows) return rows.error();
    std::vector<T> out;
    out.reserve(rows->size());
    for (const auto& r : *rows) {
        auto v = decode<T>(r);
        if (!v) return v.error();
        out.push_back(std::move(*v));
    }
    return out;
}

}  // namespace store_detail

// Many records per owner, created, edited and removed freely.
template <typename T>
class CollectionRepository {
public:
    explicit CollectionRepository(RecordStore& records) : records_(records) {}
    static constexpr std::string_view entity_type = RecordTraits<T>::entity_type;

    // Creates the record: assigns client_id (if empty), local_id and times
    // into `v`, queues "<type>.create". Returns the stored copy.
    Result<T> save(std::string_view owner, T v) {
        auto w = store_detail::make_write(owner, v, std::string(entity_type) + ".create");
        if (!w) return w.error();
        auto meta = records_.insert(*w);
        if (!meta) return meta.error();
        v.meta = *meta;
        return v;
    }
    // Replaces an existing record of this owner; queues "<type>.update".
    Result<T> update(std::string_view owner, T v) {
        if (v.meta.client_id.empty()) return invalid_record_error("update without client_id");
        auto w = store_detail::make_write(owner, v, std::string(entity_type) + ".update");
        if (!w) return w.error();
        auto meta = records_.update(*w);
        if (!meta) return meta.error();
        v.meta = *meta;
        return v;
    }
    // Deletes it locally; queues "<type>.delete".
    Status remove(std::string_view owner, std::string_view client_id) {
        return records_.remove(entity_type, owner, client_id, std::string(entity_type) + ".delete");
    }
    Result<std::optional<T>> get(std::string_view owner, std::string_view client_id) {
        return store_detail::decode_optional<T>(records_.get(entity_type, owner, client_id));
    }
    // Oldest first.
    Result<std::vector<T>> list(std::string_view owner) {
        return store_detail::decode_all<T>(records_.list(entity_type, owner));
    }

private:
    RecordStore& records_;
};

// One record per owner (profile, bank account): save replaces it whole.
template <typename T>
class SingletonRepository {
public:
    explicit SingletonRepository(RecordStore& records) : records_(records) {}
    static constexpr std::string_view entity_type = RecordTraits<T>::entity_type;

    // Creates or replaces the owner's record; queues "<type>.put". The
    // client_id of an existing record is kept whatever `v` carries.
    Result<T> save(std::string_view owner, T v) {
        auto existing = records_.first(entity_type, owner);
        if (!existing) return existing.error();
        if (existing->has_value()) v.meta.client_id = (*existing)->meta.client_id;
        auto w = store_detail::make_write(owner, v, std::string(entity_type) + ".put");
        if (!w) return w.error();
        auto meta = records_.upsert(*w);
        if (!meta) return meta.error();
        v.meta = *meta;
        return v;
    }
    Result<std::optional<T>> get(std::string_view owner) {
        return store_detail::decode_optional<T>(records_.first(entity_type, owner));
    }
    // Queues "<type>.delete".
    Status remove(std::string_view owner) {
        auto existing = records_.first(entity_type, owner);
        if (!existing) return existing.error();
        if (!existing->has_value()) return ok_status();
        return records_.remove(entity_type, owner, (*existing)->meta.client_id,
                               std::string(entity_type) + ".delete");
    }

private:
    RecordStore& records_;
};

// Records that are written once and never edited locally: the NDA agreement,
// an email change request, a staff-captured identity document.
template <typename T>
class AppendOnlyRepository {
public:
    explicit AppendOnlyRepository(RecordStore& records) : records_(records) {}
    static constexpr std::string_view entity_type = RecordTraits<T>::entity_type;

    Result<T> save(std::string_view owner, T v) {
        auto w = store_detail::make_write(owner, v, std::string(RecordTraits<T>::create_operation));
        if (!w) return w.error();
        auto meta = records_.insert(*w);
        if (!meta) return meta.error();
        v.meta = *meta;
        return v;
    }
    Result<std::optional<T>> get(std::string_view owner, std::string_view client_id) {
        return store_detail::decode_optional<T>(records_.get(entity_type, owner, client_id));
    }
    Result<std::vector<T>> list(std::string_view owner) {
        return store_detail::decode_all<T>(records_.list(entity_type, owner));
    }

protected:
    RecordStore& records_;
};

using ProfileRepository = SingletonRepository<Profile>;
using BankAccountRepository = SingletonRepository<BankAccount>;
using SkillRepository = CollectionRepository<Skill>;
using QualificationRepository = CollectionRepository<Qualification>;
using CareerRepository = CollectionRepository<Career>;
using HobbyRepository = CollectionRepository<Hobby>;
using CompanyRepository = CollectionRepository<Company>;
using NdaAgreementRepository = AppendOnlyRepository<NdaAgreement>;
using EmailChangeRepository = AppendOnlyRepository<EmailChangeRequest>;

// Identity documents are owned by the registrant (user_client_id), whoever
// captured them; staff capture them outside the registrant's session.
class IdentityDocumentRepository : public AppendOnlyRepository<IdentityDocument> {
public:
    using AppendOnlyRepository::AppendOnlyRepository;
    // Queues "identity_document.upload" with every page's file.
    Result<IdentityDocument> save(IdentityDocument doc) {
        if (doc.user_client_id.empty()) return invalid_record_error("identity document without user_client_id");
        const std::string owner = doc.user_client_id;
        return AppendOnlyRepository::save(owner, std::move(doc));
    }
};

// The account is its own owner (owner = account.meta.client_id).
class AccountRepository {
public:
    explicit AccountRepository(RecordStore& records) : records_(records) {}

    // Offline sign-up: stores the account and queues "account.create" whose
    // payload is the account plus the sign-up request (with the password,
    // which the server hashes). The password is only in the encrypted outbox
    // payload, which is cleared on ack; the account row never holds it.
    Result<Account> create(Account account, const SignUpRequest& request) {
        if (account.meta.client_id.empty()) account.meta.client_id = make_uuid_v4();
        const std::string owner = account.meta.client_id;
        auto w = store_detail::make_write(owner, account, "account.create");
        if (!w) return w.error();
        nlohmann::json payload = nlohmann::json::parse(w->body_json);
        payload["sign_up"] = request;
        payload["sign_up"].erase("password_confirm");  // checked on the kiosk; not uploaded
        auto text = store_detail::dump_json(payload);
        if (!text) return text.error();
        w->payload_json = std::move(*text);
        auto meta = records_.insert(*w);
        if (!meta) return meta.error();
        account.meta = *meta;
        return account;
    }
    Result<std::optional<Account>> get(std::string_view client_id) {
        return store_detail::decode_optional<Account>(records_.get("account", client_id, client_id));
    }

private:
    RecordStore& records_;
};

}  // namespace madoguchi
