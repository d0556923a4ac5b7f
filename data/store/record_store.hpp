// RecordStore: the untyped core under every repository. A record is one row
// of table `records` — structural columns in clear (type, ids, owner, sync
// state, times) and the whole record body (model JSON) encrypted — written
// together with its outbox row in one transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/model/record_meta.hpp"
#include "data/result.hpp"
#include "data/store/outbox_store.hpp"

namespace madoguchi {

class ColumnCipher;
class Database;

struct StoredRecord {
    RecordMeta meta;
    std::string owner_client_id;
    std::string body_json;
};

// One mutation: the record row, the files it references and the outbox row.
struct RecordWrite {
    std::string entity_type;
    std::string owner_client_id;
    RecordMeta meta;                   // client_id must be set
    std::string body_json;             // what is stored locally
    std::vector<std::string> file_ids; // files the record references (must belong to the owner)
    std::string operation;             // outbox operation
    std::string payload_json;          // what is uploaded (often == body_json)
};

class RecordStore {
public:
    RecordStore(Database& db, const ColumnCipher& cipher, OutboxStore& outbox, WallClock now);

    // Inserts a new record ("store.duplicate" when the client_id exists).
    Result<RecordMeta> insert(const RecordWrite& write);
    // Replaces an existing record of this owner ("store.not_found" otherwise).
    Result<RecordMeta> update(const RecordWrite& write);
    // Insert or replace (singletons such as the profile).
    Result<RecordMeta> upsert(const RecordWrite& write);
    // Deletes the row and queues `operation` with payload {"client_id": …}.
    Status remove(std::string_view entity_type, std::string_view owner, std::string_view client_id,
                  std::string_view operation);

    Result<std::optional<StoredRecord>> get(std::string_view entity_type, std::string_view owner,
                                            std::string_view client_id);
    // The oldest record of a type for an owner (singletons).
    Result<std::optional<StoredRecord>> first(std::string_view entity_type, std::string_view owner);
    Result<std::vector<StoredRecord>> list(std::string_view entity_type, std::string_view owner);

    static std::string body_context(std::string_view entity_type, std::string_view client_id,
                                    std::string_view owner);

private:
    enum class Mode { insert, update, upsert };
    Result<RecordMeta> write(const RecordWrite& w, Mode mode);
    Status bind_files(std::string_view owner, std::string_view client_id, const std::vector<std::string>& file_ids);
    Result<std::vector<StoredRecord>> query(std::string_view sql, std::string_view a, std::string_view b,
                                            std::string_view c);

    Database& db_;
    const ColumnCipher& cipher_;
    OutboxStore& outbox_;
    WallClock now_;
};

}  // namespace madoguchi
