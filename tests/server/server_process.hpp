// Test fixture: runs the real madoguchi-server binary on 127.0.0.1 with a
// fresh data directory, and an HTTP client with the API's headers.
#pragma once

#include <httplib.h>
#include <sys/types.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace madoguchi::server_test {

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

class ServerProcess {
public:
    // Starts build/bin/madoguchi-server --listen 127.0.0.1:0 --data <temp> <extra...>
    // and waits for its "listening on" line.
    explicit ServerProcess(std::vector<std::string> extra_args = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    int port() const { return port_; }
    const std::string& data_dir() const { return data_.path(); }
    const std::string& first_line() const { return first_line_; }
    // SIGTERM and wait; returns the exit status (or -1 if killed by a signal).
    int terminate();

private:
    TempDir data_;
    pid_t pid_ = -1;
    int stdout_fd_ = -1;
    int port_ = 0;
    std::string first_line_;
};

std::string server_binary();
std::string source_dir();

// Client helpers: JSON in, JSON out, with the device token and a fresh Idempotency-Key.
struct Reply {
    int status = 0;
    nlohmann::json body;
    httplib::Headers headers;
    std::string raw;
    std::string header(const char* name) const;
};

class ApiClient {
public:
    explicit ApiClient(int port);
    // Enrols as a kiosk and keeps the device token.
    std::string enroll(const std::string& kiosk_id = "kiosk-test");

    Reply get(const std::string& path, httplib::Headers extra = {});
    Reply head(const std::string& path);
    Reply send(const std::string& method, const std::string& path, const nlohmann::json& body,
               const std::string& idempotency_key = new_key(), httplib::Headers extra = {});
    Reply send_raw(const std::string& method, const std::string& path, const std::string& body,
                   const std::string& content_type, httplib::Headers extra);

    static std::string new_key();
    std::string device_token;
    std::string bearer;
    httplib::Client http;
};

// Creates an account through `c` and returns its client_id.
std::string sign_up(ApiClient& c, const std::string& username, const std::string& password = "Horse2026battery");

// Uploads `data` (one PATCH) and returns the completed upload's id.
std::string upload_bytes(ApiClient& c, const std::string& data, const std::string& kind);

// Mails in <data>/maildir/new, decoded: the body text of each.
std::vector<std::string> mail_bodies(const std::string& data_dir);
// The decoded text body of one rendered mail (headers, blank line, base64).
std::string mail_body_text(const std::string& raw);
std::vector<std::string> mail_files(const std::string& data_dir);
// The token at the end of the first /v1/email-verifications/ link in `text`.
std::string verification_token(const std::string& text);

std::string url_encode(const std::string& text);
std::string sha256_hex(const std::string& data);
std::string sha256_b64(const std::string& data);
std::string b64(const std::string& data);

}  // namespace madoguchi::server_test
