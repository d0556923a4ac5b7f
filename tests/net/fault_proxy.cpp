// FaultProxy implementation: plain sockets and poll(); understands just
// enough HTTP/1.1 (Content-Length, chunked, HEAD, 204) to find message ends.
#include "tests/net/fault_proxy.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstring>
#include <stdexcept>

namespace madoguchi::test {
namespace {

using Clock = std::chrono::steady_clock;

// Reads more bytes into `buf`; false on EOF, error, stop or timeout.
bool read_more(int fd, std::string& buf, const std::atomic<bool>& stop, int timeout_ms = 60000) {
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
    while (!stop.load() && Clock::now() < deadline) {
        pollfd p{fd, POLLIN, 0};
        const int r = poll(&p, 1, 100);
        if (r < 0) return false;
        if (r == 0) continue;
        char tmp[65536];
        const ssize_t n = recv(fd, tmp, sizeof tmp, 0);
        if (n <= 0) return false;
        buf.append(tmp, static_cast<std::size_t>(n));
        return true;
    }
    return false;
}

bool send_all(int fd, const char* data, std::size_t n) {
    while (n > 0) {
        const ssize_t w = send(fd, data, n, MSG_NOSIGNAL);
        if (w <= 0) return false;
        data += w;
        n -= static_cast<std::size_t>(w);
    }
    return true;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string header_value(const std::string& head, const std::string& name) {
    const std::string h = lower(head);
    const auto pos = h.find("\r\n" + name + ":");
    if (pos == std::string::npos) return {};
    auto start = pos + 2 + name.size() + 1;
    const auto end = h.find("\r\n", start);
    while (start < end && head[start] == ' ') ++start;
    return head.substr(start, end - start);
}

// One HTTP message (head + body) from `fd`, using `buf` for leftovers.
// `no_body` for replies to HEAD and for 1xx/204/304.
bool read_message(int fd, std::string& buf, const std::atomic<bool>& stop, bool is_response, bool head_request,
                  std::string& out) {
    std::size_t head_end;
    while ((head_end = buf.find("\r\n\r\n")) == std::string::npos)
        if (!read_more(fd, buf, stop)) return false;
    const std::string head = buf.substr(0, head_end + 4);
    std::size_t total = head.size();
    bool no_body = false;
    if (is_response) {
        const int status = std::atoi(head.c_str() + 9);
        no_body = head_request || status == 204 || status == 304 || (status >= 100 && status < 200);
    }
    if (!no_body) {
        if (lower(header_value(head, "transfer-encoding")).find("chunked") != std::string::npos) {
            std::size_t end;
            while ((end = buf.find("\r\n0\r\n\r\n", head.size() - 2)) == std::string::npos)
                if (!read_more(fd, buf, stop)) return false;
            total = end + 7;
        } else {
            const std::string cl = header_value(head, "content-length");
            total += cl.empty() ? 0 : std::stoull(cl);
        }
    }
    while (buf.size() < total)
        if (!read_more(fd, buf, stop)) return false;
    out = buf.substr(0, total);
    buf.erase(0, total);
    return true;
}

int connect_upstream(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        close(fd);
        return -1;
    }
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

std::string canned(ProxyFault f) {
    std::string status, extra, body;
    switch (f) {
        case ProxyFault::inject_500:
            status = "500 Internal Server Error";
            body = R"({"error":{"code":"server.internal","field":"","message":"Injected failure","message_ja":"障害"}})";
            break;
        case ProxyFault::inject_429:
            status = "429 Too Many Requests";
            extra = "Retry-After: 1\r\n";
            body = R"({"error":{"code":"rate.limited","field":"","message":"Slow down","message_ja":"混雑"}})";
            break;
        default:
            status = "200 OK";
            body = R"({"account":{"client_id":"x","usern)";
            break;
    }
    return "HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nConnection: close\r\n" + extra +
           "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

}  // namespace

const char* to_code(ProxyFault f) {
    switch (f) {
        case ProxyFault::none: return "none";
        case ProxyFault::cut_request: return "cut_request";
        case ProxyFault::cut_response: return "cut_response";
        case ProxyFault::drop_response: return "drop_response";
        case ProxyFault::stall_response: return "stall_response";
        case ProxyFault::inject_500: return "inject_500";
        case ProxyFault::inject_429: return "inject_429";
        case ProxyFault::inject_malformed: return "inject_malformed";
    }
    return "?";
}

FaultProxy::FaultProxy(int upstream_port, Decide decide, std::uint64_t seed)
    : upstream_port_(upstream_port), decide_(std::move(decide)), rng_(seed) {
    listen_fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int one = 1;
    setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(listen_fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || listen(listen_fd_, 64) != 0)
        throw std::runtime_error("proxy cannot listen");
    socklen_t len = sizeof a;
    getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    acceptor_ = std::thread([this] { accept_loop(); });
}

FaultProxy::~FaultProxy() { stop(); }

void FaultProxy::stop() {
    if (stop_.exchange(true)) return;
    if (acceptor_.joinable()) acceptor_.join();
    std::vector<std::thread> conns;
    {
        std::lock_guard lock(mutex_);
        conns.swap(connections_);
    }
    for (auto& t : conns) t.join();
    close(listen_fd_);
}

std::vector<double> FaultProxy::stall_durations() const {
    std::lock_guard lock(mutex_);
    return stalls_;
}

std::size_t FaultProxy::random_below(std::size_t n) {
    std::lock_guard lock(mutex_);
    return n ? static_cast<std::size_t>(rng_() % n) : 0;
}

void FaultProxy::accept_loop() {
    while (!stop_.load()) {
        pollfd p{listen_fd_, POLLIN, 0};
        if (poll(&p, 1, 100) <= 0) continue;
        const int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) continue;
        std::lock_guard lock(mutex_);
        connections_.emplace_back([this, fd] { serve(fd); });
    }
}

void FaultProxy::serve(int client) {
    int upstream = -1;
    std::string cbuf, ubuf;
    for (;;) {
        std::string request;
        if (!read_message(client, cbuf, stop_, false, false, request)) break;
        const auto sp1 = request.find(' ');
        const auto sp2 = request.find(' ', sp1 + 1);
        ProxyRequest pr{request.substr(0, sp1), request.substr(sp1 + 1, sp2 - sp1 - 1)};
        const ProxyFault fault = decide_ ? decide_(pr) : ProxyFault::none;
        ++counts_[static_cast<int>(fault)];
        if (fault == ProxyFault::inject_500 || fault == ProxyFault::inject_429 ||
            fault == ProxyFault::inject_malformed) {
            const std::string reply = canned(fault);
            send_all(client, reply.data(), reply.size());
            break;
        }
        if (upstream < 0) {
            upstream = connect_upstream(upstream_port_);
            ubuf.clear();
            if (upstream < 0) break;  // server down: the client sees a reset
        }
        if (fault == ProxyFault::cut_request) {
            send_all(upstream, request.data(), random_below(request.size()));
            break;
        }
        if (!send_all(upstream, request.data(), request.size())) break;
        std::string reply;
        if (!read_message(upstream, ubuf, stop_, true, pr.method == "HEAD", reply)) break;
        if (fault == ProxyFault::drop_response) break;
        if (fault == ProxyFault::cut_response) {
            send_all(client, reply.data(), random_below(reply.size()));
            break;
        }
        if (fault == ProxyFault::stall_response) {
            send_all(client, reply.data(), std::min<std::size_t>(reply.size() / 2, 12));
            const auto t0 = Clock::now();
            std::string ignored;
            // Silence until the client hangs up (or 60 s, far beyond any bound).
            while (read_more(client, ignored, stop_, 60000)) {
            }
            std::lock_guard lock(mutex_);
            stalls_.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
            break;
        }
        if (!send_all(client, reply.data(), reply.size())) break;
        if (lower(header_value(reply, "connection")) == "close") break;
    }
    if (upstream >= 0) close(upstream);
    close(client);
}

}  // namespace madoguchi::test
