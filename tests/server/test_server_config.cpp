// unit: command-line parsing of madoguchi-server.
#include <doctest/doctest.h>

#include "server/server_config.hpp"

using namespace madoguchi::server;

TEST_CASE("defaults match the API contract") {
    auto c = parse_server_args({});
    REQUIRE(c.ok());
    CHECK(c->enrollment_code == "madoguchi-dev");
    CHECK(c->staff_token == "madoguchi-staff-dev");
    CHECK(c->upload_expiry_s == 24 * 3600);
    CHECK(!c->tls());
}

TEST_CASE("options are parsed") {
    auto c = parse_server_args({"--listen", "127.0.0.1:0", "--data", "/tmp/x", "--upload-expiry", "90m", "--cert", "c.pem",
                                "--key", "k.pem", "--threads", "4", "--fault-injection"});
    REQUIRE(c.ok());
    CHECK(c->host == "127.0.0.1");
    CHECK(c->port == 0);
    CHECK(c->data_dir == "/tmp/x");
    CHECK(c->upload_expiry_s == 90 * 60);
    CHECK(c->tls());
    CHECK(c->threads == 4);
    CHECK(c->fault_injection);
}

TEST_CASE("bad command lines are refused with a usage error") {
    const std::vector<std::vector<std::string>> bad = {
        {"--listen", "127.0.0.1"},     {"--listen", "127.0.0.1:70000"}, {"--data"},
        {"--cert", "only-cert.pem"},   {"--threads", "0"},              {"--upload-expiry", "soon"},
        {"--no-such-option", "x"},     {"--enrollment-code", ""},
    };
    for (const auto& args : bad) {
        CAPTURE(args.front());
        auto c = parse_server_args(args);
        CHECK(!c.ok());
        if (!c.ok()) CHECK(c.error().code == "usage");
    }
    auto help = parse_server_args({"--help"});
    REQUIRE(!help.ok());
    CHECK(help.error().code == "help");
}

TEST_CASE("durations") {
    struct Row {
        const char* text;
        std::int64_t seconds;
    };
    for (const Row& r : {Row{"90", 90}, Row{"90s", 90}, Row{"15m", 900}, Row{"24h", 86400}, Row{"7d", 604800}}) {
        CAPTURE(r.text);
        auto d = parse_duration_seconds(r.text);
        REQUIRE(d.ok());
        CHECK(*d == r.seconds);
    }
    CHECK(!parse_duration_seconds("").ok());
    CHECK(!parse_duration_seconds("h").ok());
    CHECK(!parse_duration_seconds("-5s").ok());
}
