// Test fixture: a minimal SMTP server on 127.0.0.1 that records what a client
// sends (envelope, AUTH, DATA) and can refuse recipients, for the relay tests.
#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace madoguchi::server_test {

struct SmtpReceived {
    std::string mail_from;             // inside the <>
    std::vector<std::string> rcpt_to;  // inside the <>
    std::string auth;                  // the AUTH line's argument(s), as sent
    std::string data;                  // after dot-unstuffing, without the final ".\r\n"
};

class SmtpSink {
public:
    // Listens on 127.0.0.1:`port` (0 = any free port).
    explicit SmtpSink(int port = 0);
    ~SmtpSink();
    SmtpSink(const SmtpSink&) = delete;
    SmtpSink& operator=(const SmtpSink&) = delete;

    int port() const { return port_; }
    // RCPT TO for `address` gets `reply` (e.g. "550 5.1.1 no such user").
    void refuse(const std::string& address, const std::string& reply);
    std::vector<SmtpReceived> received() const;
    // Waits until `count` messages arrived or `timeout_ms` passed.
    bool wait_for(std::size_t count, int timeout_ms) const;

private:
    void serve();
    void session(int fd);

    int listen_fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stopping_{false};
    mutable std::mutex mutex_;
    std::map<std::string, std::string> refusals_;
    std::vector<SmtpReceived> received_;
    std::thread thread_;
};

}  // namespace madoguchi::server_test
