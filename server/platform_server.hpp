// The reference platform server as an object: tests run it in-process,
// main.cpp runs it as madoguchi-server.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "server/server_config.hpp"

namespace httplib {
class Server;
}

namespace madoguchi::server {

struct ServerContext;
class Router;
class SmtpRelay;

class PlatformServer {
public:
    // Opens (and migrates) <data>/server.sqlite3; throws std::runtime_error
    // when the data directory, database or TLS files cannot be used.
    explicit PlatformServer(ServerConfig config);
    ~PlatformServer();
    PlatformServer(const PlatformServer&) = delete;
    PlatformServer& operator=(const PlatformServer&) = delete;

    // Binds host:port (port 0 = any free port) and returns the port; throws on failure.
    int bind();
    // Serves until stop(); returns false if the listener failed.
    bool run();
    // Safe from any thread (and after a signal); run() returns soon after.
    void stop();

    int port() const { return port_; }
    std::string base_url() const;
    ServerContext& context() { return *ctx_; }

private:
    void sweep_expired_uploads();

    std::unique_ptr<ServerContext> ctx_;
    std::unique_ptr<httplib::Server> http_;
    std::unique_ptr<Router> router_;
    std::unique_ptr<SmtpRelay> smtp_;  // null = mail stays in the maildir
    int port_ = 0;

    std::mutex sweep_mutex_;
    std::condition_variable sweep_cv_;
    bool stopping_ = false;
    std::thread sweeper_;
};

}  // namespace madoguchi::server
