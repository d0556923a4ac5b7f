// madoguchi-server: the reference platform server as a program. Prints
// "listening on HOST:PORT" first, stops cleanly on SIGTERM/SIGINT.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <iostream>
#include <thread>

#include "server/platform_server.hpp"
#include "server/server_context.hpp"

int main(int argc, char** argv) {
    using namespace madoguchi::server;
    auto config = parse_server_args(std::vector<std::string>(argv + 1, argv + argc));
    if (!config) {
        const bool help = config.error().code == "help";
        (help ? std::cout : std::cerr) << config.error().message_en << (help ? "" : "\n");
        return help ? 0 : 2;
    }

    // Block the stop signals in every thread; one thread waits for them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    signal(SIGPIPE, SIG_IGN);

    try {
        PlatformServer server(std::move(*config));
        const int port = server.bind();
        std::printf("listening on %s:%d\n", server.context().config.host.c_str(), port);
        std::fflush(stdout);

        std::thread waiter([&] {
            int sig = 0;
            sigwait(&stop_signals, &sig);
            server.stop();
        });
        const bool ok = server.run();
        // If run() ended for another reason, wake the waiter so it can be joined.
        pthread_kill(waiter.native_handle(), SIGTERM);
        waiter.join();
        std::fprintf(stderr, "madoguchi-server: stopped\n");
        return ok ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "madoguchi-server: %s\n", e.what());
        return 1;
    }
}
