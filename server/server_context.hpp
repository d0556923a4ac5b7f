// Everything a request handler may touch: configuration, database, mail, files.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "server/idempotency.hpp"
#include "server/maildir.hpp"
#include "server/server_config.hpp"
#include "server/server_database.hpp"
#include "server/upload_store.hpp"

namespace madoguchi::server {

struct ServerContext {
    ServerConfig config;
    std::string public_url;  // base of links written into mails
    ServerDatabase db;
    Maildir maildir;
    UploadStore uploads;
    InFlightKeys in_flight;

    explicit ServerContext(ServerConfig c)
        : config(std::move(c)),
          db(config.data_dir + "/server.sqlite3"),
          maildir(config.data_dir + "/maildir", config.smtp.from.empty() ? kDefaultMailFrom : config.smtp.from),
          uploads(config.data_dir + "/uploads", db, config.upload_expiry_s) {}
};

inline std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace madoguchi::server
