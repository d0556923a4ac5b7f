// A one-connection-at-a-time SMTP responder: enough of RFC 5321 for libcurl.
#include "smtp_sink.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>

namespace madoguchi::server_test {
namespace {

bool send_line(int fd, const std::string& line) {
    const std::string out = line + "\r\n";
    return ::send(fd, out.data(), out.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(out.size());
}

// Reads one CRLF-terminated line (without the CRLF); false on close or 5 s silence.
bool read_line(int fd, std::string& buffer, std::string& line) {
    for (;;) {
        if (const auto eol = buffer.find("\r\n"); eol != std::string::npos) {
            line = buffer.substr(0, eol);
            buffer.erase(0, eol + 2);
            return true;
        }
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 5000) <= 0) return false;
        char chunk[4096];
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) return false;
        buffer.append(chunk, static_cast<std::size_t>(n));
    }
}

std::string inside_brackets(const std::string& s) {
    const auto open = s.find('<');
    const auto close = s.find('>', open == std::string::npos ? 0 : open);
    if (open == std::string::npos || close == std::string::npos) return s;
    return s.substr(open + 1, close - open - 1);
}

std::string upper_prefix(const std::string& s, std::size_t n) {
    std::string out = s.substr(0, n);
    for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

SmtpSink::SmtpSink(int port) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listen_fd_ < 0) throw std::runtime_error("smtp sink: socket");
    const int one = 1;
    ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listen_fd_, 8) != 0) {
        ::close(listen_fd_);
        throw std::runtime_error("smtp sink: cannot listen on 127.0.0.1:" + std::to_string(port));
    }
    socklen_t len = sizeof addr;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { serve(); });
}

SmtpSink::~SmtpSink() {
    stopping_ = true;
    thread_.join();
    ::close(listen_fd_);
}

void SmtpSink::refuse(const std::string& address, const std::string& reply) {
    std::lock_guard lock(mutex_);
    refusals_[address] = reply;
}

std::vector<SmtpReceived> SmtpSink::received() const {
    std::lock_guard lock(mutex_);
    return received_;
}

bool SmtpSink::wait_for(std::size_t count, int timeout_ms) const {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (std::chrono::steady_clock::now() < until) {
        if (received().size() >= count) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return received().size() >= count;
}

void SmtpSink::serve() {
    while (!stopping_) {
        pollfd p{listen_fd_, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0) continue;
        const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) continue;
        session(fd);
        ::close(fd);
    }
}

void SmtpSink::session(int fd) {
    std::string buffer, line;
    SmtpReceived current;
    std::string auth;
    if (!send_line(fd, "220 sink.test ESMTP")) return;
    while (!stopping_ && read_line(fd, buffer, line)) {
        const std::string verb = upper_prefix(line, 4);
        if (verb == "EHLO" || verb == "HELO") {
            send_line(fd, "250-sink.test");
            send_line(fd, "250-AUTH PLAIN");
            send_line(fd, "250 8BITMIME");
        } else if (verb == "AUTH") {
            auth = line.substr(5);
            if (auth.find(' ') == std::string::npos) {  // no initial response: ask for it
                std::string credentials;
                send_line(fd, "334 ");
                if (!read_line(fd, buffer, credentials)) return;
                auth += " " + credentials;
            }
            send_line(fd, "235 2.7.0 ok");
        } else if (verb == "MAIL") {
            current = SmtpReceived{};
            current.auth = auth;
            current.mail_from = inside_brackets(line);
            send_line(fd, "250 2.1.0 ok");
        } else if (verb == "RCPT") {
            const std::string to = inside_brackets(line);
            std::string refusal;
            {
                std::lock_guard lock(mutex_);
                if (auto it = refusals_.find(to); it != refusals_.end()) refusal = it->second;
            }
            if (!refusal.empty()) {
                send_line(fd, refusal);
            } else {
                current.rcpt_to.push_back(to);
                send_line(fd, "250 2.1.5 ok");
            }
        } else if (verb == "DATA") {
            send_line(fd, "354 go ahead");
            std::string data_line;
            while (read_line(fd, buffer, data_line) && data_line != ".") {
                if (!data_line.empty() && data_line[0] == '.') data_line.erase(0, 1);
                current.data += data_line + "\r\n";
            }
            {
                std::lock_guard lock(mutex_);
                received_.push_back(current);
            }
            send_line(fd, "250 2.0.0 queued");
        } else if (verb == "RSET" || verb == "NOOP") {
            send_line(fd, "250 ok");
        } else if (verb == "QUIT") {
            send_line(fd, "221 bye");
            return;
        } else {
            send_line(fd, "502 5.5.2 not implemented");
        }
    }
}

}  // namespace madoguchi::server_test
