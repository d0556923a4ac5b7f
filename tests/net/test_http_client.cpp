// HttpClient against a loopback cpp-httplib server: methods, headers,
// keep-alive reuse, no redirects, stall abort, stop flag, size cap, and TLS
// (throwaway CA made with the openssl CLI; wrong CA / wrong pin refused
// before any body is sent).
#include <doctest/doctest.h>

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "net/http_client.hpp"
#include "tests/net/temp_dir.hpp"
#include "tests/net/test_certs.hpp"

using namespace madoguchi;
using namespace std::chrono_literals;

namespace {

// Runs an httplib server (plain or TLS) on 127.0.0.1:<random> in a thread.
template <typename Server>
class LoopbackServer {
public:
    template <typename... Args>
    explicit LoopbackServer(Args&&... args) : server_(std::forward<Args>(args)...) {}
    ~LoopbackServer() { stop(); }
    Server& server() { return server_; }
    void start() {
        port_ = server_.bind_to_any_port("127.0.0.1");
        REQUIRE(port_ > 0);
        // The socket already listens: connections queue until the loop accepts.
        thread_ = std::thread([this] { server_.listen_after_bind(); });
    }
    void stop() {
        quit.store(true);
        if (thread_.joinable()) {
            server_.stop();
            thread_.join();
        }
    }
    int port() const { return port_; }
    std::atomic<bool> quit{false};

private:
    Server server_;
    int port_ = 0;
    std::thread thread_;
};

void install_echo_routes(httplib::Server& s, std::atomic<int>& hits) {
    auto echo = [&hits](const httplib::Request& req, httplib::Response& res) {
        ++hits;
        res.set_header("X-Method", req.method);
        res.set_header("X-Port", std::to_string(req.remote_port));
        res.set_header("X-Key", req.get_header_value("Idempotency-Key"));
        res.set_content(req.body, "application/json");
    };
    s.Get("/echo", echo);
    s.Post("/echo", echo);
    s.Put("/echo", echo);
    s.Patch("/echo", echo);
    s.Delete("/echo", echo);
    s.Options("/echo", echo);
}

}  // namespace

TEST_CASE("methods, bodies and headers travel; one connection is reused") {
    LoopbackServer<httplib::Server> srv;
    std::atomic<int> hits{0};
    install_echo_routes(srv.server(), hits);
    srv.server().Get("/moved", [](const httplib::Request&, httplib::Response& res) {
        res.set_redirect("/echo");
    });
    srv.start();
    const std::string base = "http://127.0.0.1:" + std::to_string(srv.port());
    HttpClient client(HttpClientConfig{});

    std::string first_port;
    for (const char* method : {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
        CAPTURE(method);
        HttpRequest req;
        req.method = method;
        req.url = base + "/echo";
        req.headers = {{"Idempotency-Key", "k-123"}};
        if (std::string(method) != "GET" && std::string(method) != "DELETE") req.body = R"({"a":"日本語"})";
        auto r = client.perform(req);
        REQUIRE(r.ok());
        CHECK(r->status == 200);
        CHECK(r->header("x-method") == std::optional<std::string_view>(method));
        CHECK(r->header("x-key") == std::optional<std::string_view>("k-123"));
        CHECK(r->body == req.body);
        const std::string port(*r->header("x-port"));
        if (first_port.empty()) first_port = port;
        CHECK(port == first_port);  // keep-alive: same client socket every time
    }
    HttpRequest head;
    head.method = "HEAD";
    head.url = base + "/echo";
    auto h = client.perform(head);
    REQUIRE(h.ok());
    CHECK(h->status == 200);
    CHECK(h->body.empty());

    HttpRequest moved;
    moved.url = base + "/moved";
    const int before = hits.load();
    auto m = client.perform(moved);
    REQUIRE(m.ok());
    CHECK(m->status == 302);  // never followed
    CHECK(hits.load() == before);
}

TEST_CASE("a stalled reply is aborted by the low-speed bound; the stop flag aborts too") {
    LoopbackServer<httplib::Server> srv;
    auto& quit = srv.quit;
    srv.server().Get("/stall", [&quit](const httplib::Request&, httplib::Response& res) {
        res.set_chunked_content_provider("application/json", [&quit](size_t, httplib::DataSink& sink) {
            sink.write("{\"x\":", 5);
            // Slow-loris: one byte and then silence for up to a minute.
            for (int i = 0; i < 600 && !quit.load(); ++i) std::this_thread::sleep_for(100ms);
            sink.done();
            return true;
        });
    });
    srv.start();
    const std::string url = "http://127.0.0.1:" + std::to_string(srv.port()) + "/stall";

    SUBCASE("low-speed abort") {
        HttpClientConfig cfg;
        cfg.low_speed_limit_bytes_per_s = 100;
        cfg.low_speed_time = 2s;
        HttpClient client(cfg);
        HttpRequest req;
        req.url = url;
        const auto t0 = std::chrono::steady_clock::now();
        auto r = client.perform(req);
        const auto took = std::chrono::steady_clock::now() - t0;
        REQUIRE_FALSE(r.ok());
        CHECK(r.failure().kind == FailureKind::timeout);
        CHECK(r.error().code == "net.stalled");
        CHECK(action_for(r.failure()) == FailureAction::retry);
        // Far below the server's 60 s stall: the bound, not the server, ended it.
        CHECK(took < 40s);
    }
    SUBCASE("stop flag") {
        std::atomic<bool> stop{false};
        HttpClient client(HttpClientConfig{}, &stop);
        std::thread stopper([&] {
            std::this_thread::sleep_for(300ms);
            stop.store(true);
        });
        HttpRequest req;
        req.url = url;
        auto r = client.perform(req);
        stopper.join();
        REQUIRE_FALSE(r.ok());
        CHECK(r.failure().kind == FailureKind::aborted);
        CHECK(action_for(r.failure()) == FailureAction::abort);
    }
}

TEST_CASE("refused connections and oversize replies are classified") {
    LoopbackServer<httplib::Server> srv;
    srv.server().Get("/big", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(std::string(2u << 20, 'x'), "application/octet-stream");
    });
    srv.start();
    HttpClientConfig cfg;
    cfg.max_response_bytes = 1u << 20;
    HttpClient client(cfg);
    HttpRequest req;
    req.url = "http://127.0.0.1:" + std::to_string(srv.port()) + "/big";
    auto big = client.perform(req);
    REQUIRE_FALSE(big.ok());
    CHECK(big.error().code == "net.reply_too_large");

    const int dead_port = srv.port();
    srv.stop();
    req.url = "http://127.0.0.1:" + std::to_string(dead_port) + "/big";
    auto refused = client.perform(req);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.failure().kind == FailureKind::transport);
    CHECK(action_for(refused.failure()) == FailureAction::retry);
}

TEST_CASE("TLS: verified CA and a backup pin succeed; wrong CA or wrong pin refused before any body") {
    test::TempDir dir;
    const test::TestCerts certs = test::make_test_certs(dir.path().string());
    const std::string d = dir.path().string();
    const std::string& pin = certs.pin;
    LoopbackServer<httplib::SSLServer> srv((d + "/srv.pem").c_str(), (d + "/srv.key").c_str());
    REQUIRE(srv.server().is_valid());
    std::atomic<int> hits{0};
    install_echo_routes(srv.server(), hits);
    srv.start();
    HttpRequest req;
    req.method = "PUT";
    req.url = "https://127.0.0.1:" + std::to_string(srv.port()) + "/echo";
    req.body = R"({"secret":"個人情報"})";

    SUBCASE("right CA, primary pin wrong, backup pin right") {
        HttpClientConfig cfg;
        cfg.ca_file = d + "/ca.pem";
        cfg.pinned_public_keys = "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=;sha256//" + pin;
        HttpClient client(cfg);
        auto r = client.perform(req);
        REQUIRE(r.ok());
        CHECK(r->status == 200);
        CHECK(r->body == req.body);
        CHECK(hits.load() == 1);
    }
    SUBCASE("wrong pin") {
        HttpClientConfig cfg;
        cfg.ca_file = d + "/ca.pem";
        cfg.pinned_public_keys = "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        HttpClient client(cfg);
        auto r = client.perform(req);
        REQUIRE_FALSE(r.ok());
        CHECK(r.failure().kind == FailureKind::tls);
        CHECK(r.error().code == "net.tls_pin");
        CHECK(action_for(r.failure()) == FailureAction::pause_queue);
        CHECK(client.last_bytes_uploaded() == 0);
        CHECK(hits.load() == 0);
    }
    SUBCASE("wrong CA") {
        HttpClientConfig cfg;
        cfg.ca_file = d + "/other-ca.pem";
        HttpClient client(cfg);
        auto r = client.perform(req);
        REQUIRE_FALSE(r.ok());
        CHECK(r.failure().kind == FailureKind::tls);
        CHECK(r.error().code == "net.tls");
        CHECK(client.last_bytes_uploaded() == 0);
        CHECK(hits.load() == 0);
    }
    SUBCASE("system trust store does not know the throwaway CA") {
        HttpClient client(HttpClientConfig{});
        auto r = client.perform(req);
        REQUIRE_FALSE(r.ok());
        CHECK(r.failure().kind == FailureKind::tls);
        CHECK(hits.load() == 0);
    }
}
