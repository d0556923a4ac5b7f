// Command-line configuration of the reference server (madoguchi-server --help).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "data/result.hpp"

namespace madoguchi::server {

// Optional SMTP relay of the maildir (libcurl). Mail is always written to the
// maildir first; the relay sends it on and moves it to cur/ once accepted.
struct SmtpSettings {
    std::string url;            // smtp://host:587 or smtps://host:465; empty = maildir only
    std::string from;           // envelope sender and From: address
    std::string user;           // empty = no AUTH
    std::string password_file;  // read at start; never on the command line (ps shows it)
    // "starttls" (default for smtp://) requires STARTTLS; "implicit" is smtps://;
    // "none" sends in the clear and is accepted only for a loopback relay.
    std::string tls = "starttls";
    std::string ca_file;        // extra CA bundle for the relay's certificate
    std::int64_t retry_initial_s = 15;  // first back-off after a temporary failure
    std::int64_t retry_max_s = 15 * 60;

    bool enabled() const { return !url.empty(); }
};

struct ServerConfig {
    std::string host = "127.0.0.1";
    int port = 8080;                 // 0 = pick a free port
    std::string data_dir = "server-data";
    std::string enrollment_code = "madoguchi-dev";
    std::string staff_token = "madoguchi-staff-dev";
    std::string cert_file;           // both set = HTTPS
    std::string key_file;
    std::string public_url;          // base of links in mails; default from host/port
    std::int64_t upload_expiry_s = 24 * 3600;
    std::int64_t session_ttl_s = 30 * 24 * 3600;
    std::int64_t email_token_ttl_s = 72 * 3600;
    std::int64_t max_upload_bytes = 64LL * 1024 * 1024;
    int threads = 16;
    // Fault injection for tests of clients: honours header X-Debug-Delay-Ms
    // (sleep inside the request, after its idempotency key is taken).
    bool fault_injection = false;
    SmtpSettings smtp;

    bool tls() const { return !cert_file.empty() && !key_file.empty(); }
};

// Parses argv (without argv[0]). "--help" yields an Error with code "help"
// whose English message is the usage text.
Result<ServerConfig> parse_server_args(const std::vector<std::string>& args);

// "90", "90s", "15m", "24h", "7d" -> seconds.
Result<std::int64_t> parse_duration_seconds(const std::string& text);

std::string server_usage();

}  // namespace madoguchi::server
