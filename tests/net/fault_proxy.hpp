// FaultProxy: a loopback HTTP/1.1 proxy thread for fault tests. For each
// request it asks a decision function what to do: pass it through, cut the
// request or the response mid-way, drop the response after the server
// committed, stall (slow-loris), or answer itself with 500 / 429 /
// malformed JSON without telling the server.
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace madoguchi::test {

enum class ProxyFault {
    none,
    cut_request,     // forward part of the request, then close both sides
    cut_response,    // server answered; forward part of the answer, then close
    drop_response,   // server answered (committed); client gets nothing, connection closed
    stall_response,  // forward a few bytes of the answer, then go silent until the client gives up
    inject_500,
    inject_429,      // with Retry-After: 1
    inject_malformed,  // 200 with truncated JSON
};
const char* to_code(ProxyFault f);

struct ProxyRequest {
    std::string method;
    std::string path;
};

class FaultProxy {
public:
    using Decide = std::function<ProxyFault(const ProxyRequest&)>;
    FaultProxy(int upstream_port, Decide decide, std::uint64_t seed = 1);
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    int port() const { return port_; }
    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    void stop();

    int count(ProxyFault f) const { return counts_[static_cast<int>(f)].load(); }
    // Seconds from the start of each stall until the client closed the connection.
    std::vector<double> stall_durations() const;

private:
    void accept_loop();
    void serve(int client_fd);
    std::size_t random_below(std::size_t n);

    int upstream_port_;
    Decide decide_;
    int listen_fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::thread acceptor_;
    mutable std::mutex mutex_;
    std::vector<std::thread> connections_;
    std::vector<double> stalls_;
    std::mt19937_64 rng_;
    std::atomic<int> counts_[8] = {};
};

}  // namespace madoguchi::test
