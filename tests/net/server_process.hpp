// Runs the real reference server binary (build/bin/madoguchi-server) as a
// child process on 127.0.0.1 for e2e and fault tests: start, SIGKILL,
// restart on the same port and data directory.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace madoguchi::test {

inline std::string bin_dir() {
    const char* d = std::getenv("MADOGUCHI_BIN_DIR");
    if (!d) throw std::runtime_error("MADOGUCHI_BIN_DIR not set (run through ctest)");
    return d;
}

class ServerProcess {
public:
    ServerProcess(std::string data_dir, std::vector<std::string> extra_args = {})
        : data_dir_(std::move(data_dir)), extra_(std::move(extra_args)) {}
    ~ServerProcess() { stop(SIGTERM); }
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    // Starts on `port` (0 = any free port, remembered for restarts).
    void start(int port = -1) {
        if (port < 0) port = port_;
        std::vector<std::string> args = {bin_dir() + "/madoguchi-server", "--listen",
                                         "127.0.0.1:" + std::to_string(port), "--data", data_dir_};
        args.insert(args.end(), extra_.begin(), extra_.end());
        // A port freed by a killed server may linger a moment: retry briefly.
        for (int attempt = 0; attempt < 50; ++attempt) {
            if (spawn(args)) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        throw std::runtime_error("madoguchi-server did not start");
    }

    void kill_hard() { stop(SIGKILL); }
    void stop(int sig = SIGTERM) {
        if (pid_ <= 0) return;
        ::kill(pid_, sig);
        int status = 0;
        waitpid(pid_, &status, 0);
        pid_ = -1;
        if (drain_.joinable()) drain_.join();
    }
    bool running() const { return pid_ > 0; }
    int port() const { return port_; }
    std::string base_url(const std::string& scheme = "http") const {
        return scheme + "://127.0.0.1:" + std::to_string(port_);
    }
    const std::string& data_dir() const { return data_dir_; }

private:
    bool spawn(const std::vector<std::string>& args) {
        int out[2];
        if (pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
        const pid_t pid = fork();
        if (pid < 0) throw std::runtime_error("fork failed");
        if (pid == 0) {
            dup2(out[1], STDOUT_FILENO);
            std::vector<char*> argv;
            for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
            argv.push_back(nullptr);
            execv(argv[0], argv.data());
            _exit(127);
        }
        close(out[1]);
        // First line: "listening on 127.0.0.1:PORT" (server startup under ASan
        // can take a few seconds on a loaded machine).
        std::string line;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
            pollfd p{out[0], POLLIN, 0};
            if (poll(&p, 1, 200) <= 0) continue;
            char buf[256];
            const ssize_t n = read(out[0], buf, sizeof buf);
            if (n <= 0) break;
            line.append(buf, static_cast<std::size_t>(n));
        }
        const auto colon = line.rfind(':');
        if (line.rfind("listening on ", 0) != 0 || colon == std::string::npos) {
            close(out[0]);
            ::kill(pid, SIGKILL);
            waitpid(pid, nullptr, 0);
            return false;
        }
        port_ = std::atoi(line.c_str() + colon + 1);
        pid_ = pid;
        // Keep reading stdout so the server never blocks on a full pipe.
        drain_ = std::thread([fd = out[0]] {
            char buf[4096];
            while (read(fd, buf, sizeof buf) > 0) {
            }
            close(fd);
        });
        return true;
    }

    std::string data_dir_;
    std::vector<std::string> extra_;
    pid_t pid_ = -1;
    int port_ = 0;
    std::thread drain_;
};

}  // namespace madoguchi::test
