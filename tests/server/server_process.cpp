// Starting/stopping the server binary and the small HTTP client used by the server suites.
#include "tests/server/server_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sodium.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace madoguchi::server_test {

std::string server_binary() {
    const char* dir = std::getenv("MADOGUCHI_BIN_DIR");
    return std::string(dir ? dir : "bin") + "/madoguchi-server";
}

std::string source_dir() {
    const char* dir = std::getenv("MADOGUCHI_SOURCE_DIR");
    return dir ? dir : ".";
}

TempDir::TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "madoguchi-server-test-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

ServerProcess::ServerProcess(std::vector<std::string> extra_args) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    std::vector<std::string> args = {server_binary(), "--listen", "127.0.0.1:0", "--data", data_.path()};
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    pid_ = fork();
    if (pid_ == 0) {
        dup2(fds[1], STDOUT_FILENO);
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(fds[1]);
    stdout_fd_ = fds[0];
    // Read the first line; the generous bound only stops a hung test run.
    std::string line;
    pollfd p{stdout_fd_, POLLIN, 0};
    while (line.find('\n') == std::string::npos && poll(&p, 1, 60000) > 0) {
        char buf[256];
        const ssize_t n = read(stdout_fd_, buf, sizeof buf);
        if (n <= 0) break;
        line.append(buf, static_cast<std::size_t>(n));
    }
    first_line_ = line.substr(0, line.find('\n'));
    const std::string prefix = "listening on 127.0.0.1:";
    if (first_line_.rfind(prefix, 0) != 0) {
        terminate();
        throw std::runtime_error("server did not start: '" + first_line_ + "'");
    }
    port_ = std::stoi(first_line_.substr(prefix.size()));
}

int ServerProcess::terminate() {
    if (pid_ <= 0) return -1;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    if (stdout_fd_ >= 0) close(stdout_fd_);
    stdout_fd_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

ServerProcess::~ServerProcess() { terminate(); }

std::string Reply::header(const char* name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
}

ApiClient::ApiClient(int port) : http("127.0.0.1", port) {
    if (sodium_init() < 0) throw std::runtime_error("sodium_init failed");
    http.set_read_timeout(60, 0);
    http.set_write_timeout(60, 0);
    http.set_keep_alive(true);
}

std::string ApiClient::new_key() {
    if (sodium_init() < 0) throw std::runtime_error("sodium_init failed");
    unsigned char b[16];
    randombytes_buf(b, sizeof b);
    char hex[33];
    sodium_bin2hex(hex, sizeof hex, b, sizeof b);
    return hex;
}

namespace {

Reply to_reply(const httplib::Result& r) {
    Reply out;
    if (!r) return out;  // status 0: no connection
    out.status = r->status;
    out.headers = r->headers;
    out.raw = r->body;
    out.body = nlohmann::json::parse(r->body, nullptr, false);
    if (out.body.is_discarded()) out.body = nullptr;
    return out;
}

}  // namespace

httplib::Headers base_headers(const ApiClient& c) {
    httplib::Headers h;
    if (!c.device_token.empty()) h.emplace("X-Device-Token", c.device_token);
    if (!c.bearer.empty()) h.emplace("Authorization", "Bearer " + c.bearer);
    return h;
}

std::string ApiClient::enroll(const std::string& kiosk_id) {
    auto r = send("POST", "/v1/devices", {{"kiosk_id", kiosk_id}, {"enrollment_code", "madoguchi-dev"}});
    if (r.status != 201) throw std::runtime_error("enrollment failed: " + r.raw);
    device_token = r.body.at("device_token").get<std::string>();
    return r.body.at("device_id").get<std::string>();
}

Reply ApiClient::get(const std::string& path, httplib::Headers extra) {
    auto h = base_headers(*this);
    h.insert(extra.begin(), extra.end());
    return to_reply(http.Get(path, h));
}

Reply ApiClient::head(const std::string& path) { return to_reply(http.Head(path, base_headers(*this))); }

Reply ApiClient::send(const std::string& method, const std::string& path, const nlohmann::json& body,
                      const std::string& idempotency_key, httplib::Headers extra) {
    if (!idempotency_key.empty()) extra.emplace("Idempotency-Key", idempotency_key);
    return send_raw(method, path, body.is_null() ? std::string() : body.dump(), "application/json", std::move(extra));
}

Reply ApiClient::send_raw(const std::string& method, const std::string& path, const std::string& body,
                          const std::string& content_type, httplib::Headers extra) {
    auto h = base_headers(*this);
    h.insert(extra.begin(), extra.end());
    if (method == "POST") return to_reply(http.Post(path, h, body, content_type.c_str()));
    if (method == "PUT") return to_reply(http.Put(path, h, body, content_type.c_str()));
    if (method == "PATCH") return to_reply(http.Patch(path, h, body, content_type.c_str()));
    if (method == "DELETE") return to_reply(http.Delete(path, h, body, content_type.c_str()));
    throw std::invalid_argument("method " + method);
}

std::string sign_up(ApiClient& c, const std::string& username, const std::string& password) {
    const std::string id = ApiClient::new_key();
    auto r = c.send("POST", "/v1/accounts",
                    {{"client_id", id},
                     {"username", username},
                     {"email", username + "@example.jp"},
                     {"password", password},
                     {"consented_purpose_of_use", true}});
    if (r.status != 201) throw std::runtime_error("sign-up failed: " + r.raw);
    return id;
}

std::string upload_bytes(ApiClient& c, const std::string& data, const std::string& kind) {
    auto created = c.send_raw("POST", "/v1/uploads", "", "application/octet-stream",
                              {{"Upload-Length", std::to_string(data.size())},
                               {"Upload-Metadata", "filename " + b64(kind + ".bin") + ",sha256 " + b64(sha256_hex(data)) +
                                                       ",kind " + b64(kind)}});
    if (created.status != 201) throw std::runtime_error("upload creation failed: " + created.raw);
    auto done = c.send_raw("PATCH", created.header("Location"), data, "application/offset+octet-stream", {{"Upload-Offset", "0"}});
    if (done.status != 204) throw std::runtime_error("upload failed: " + done.raw);
    return created.body.at("upload_id").get<std::string>();
}

std::vector<std::string> mail_files(const std::string& data_dir) {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(data_dir + "/maildir/new")) out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

std::string mail_body_text(const std::string& raw) {
    const auto split = raw.find("\r\n\r\n");
    if (split == std::string::npos) return {};
    std::string b64;
    for (char ch : raw.substr(split + 4))
        if (ch != '\r' && ch != '\n') b64 += ch;
    std::vector<unsigned char> bin(b64.size());
    std::size_t len = 0;
    sodium_base642bin(bin.data(), bin.size(), b64.data(), b64.size(), nullptr, &len, nullptr,
                      sodium_base64_VARIANT_ORIGINAL);
    return std::string(reinterpret_cast<const char*>(bin.data()), len);
}

std::vector<std::string> mail_bodies(const std::string& data_dir) {
    std::vector<std::string> out;
    for (const auto& f : mail_files(data_dir)) {
        std::ifstream in(f, std::ios::binary);
        out.push_back(mail_body_text(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>())));
    }
    return out;
}

std::string verification_token(const std::string& text) {
    const std::string marker = "/v1/email-verifications/";
    const auto at = text.find(marker);
    if (at == std::string::npos) return {};
    std::string token;
    for (std::size_t i = at + marker.size(); i < text.size(); ++i) {
        const char ch = text[i];
        if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_')) break;
        token += ch;
    }
    return token;
}

std::string url_encode(const std::string& text) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char ch : text) {
        if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '~') {
            out += static_cast<char>(ch);
        } else {
            out += '%';
            out += kHex[ch >> 4];
            out += kHex[ch & 15];
        }
    }
    return out;
}

std::string sha256_hex(const std::string& data) {
    unsigned char d[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(d, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    char hex[sizeof d * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, d, sizeof d);
    return hex;
}

std::string b64(const std::string& data) {
    std::string out(sodium_base64_encoded_len(data.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1);
    return out;
}

std::string sha256_b64(const std::string& data) {
    unsigned char d[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(d, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    return b64(std::string(reinterpret_cast<const char*>(d), sizeof d));
}

}  // namespace madoguchi::server_test
