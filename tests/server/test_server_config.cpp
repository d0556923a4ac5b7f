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

TEST_CASE("SMTP relay options: TLS unless the relay is on loopback, sender required, password from a file") {
    auto ok = parse_server_args({"--smtp-url", "smtp://mail.example.jp:587", "--smtp-from", "noreply@example.jp",
                                 "--smtp-user", "relay", "--smtp-password-file", "/run/secrets/smtp"});
    REQUIRE(ok.ok());
    CHECK(ok->smtp.enabled());
    CHECK(ok->smtp.tls == "starttls");
    CHECK(ok->smtp.user == "relay");
    auto implicit = parse_server_args({"--smtp-url", "smtps://mail.example.jp", "--smtp-from", "a@example.jp"});
    REQUIRE(implicit.ok());
    CHECK(implicit->smtp.tls == "implicit");
    auto local_plain = parse_server_args(
        {"--smtp-url", "smtp://127.0.0.1:2525", "--smtp-from", "a@example.jp", "--smtp-tls", "none"});
    REQUIRE(local_plain.ok());
    CHECK(local_plain->smtp.tls == "none");
    CHECK(!parse_server_args({}).value().smtp.enabled());

    const std::vector<std::vector<std::string>> bad = {
        {"--smtp-from", "a@example.jp"},                                              // no URL
        {"--smtp-url", "http://mail.example.jp", "--smtp-from", "a@example.jp"},     // not SMTP
        {"--smtp-url", "smtp://mail.example.jp"},                                     // no sender
        {"--smtp-url", "smtp://mail.example.jp", "--smtp-from", "not-an-address"},
        {"--smtp-url", "smtp://mail.example.jp", "--smtp-from", "a@example.jp", "--smtp-tls", "none"},  // clear text off-box
        {"--smtp-url", "smtp://mail.example.jp", "--smtp-from", "a@example.jp", "--smtp-tls", "implicit"},
        {"--smtp-url", "smtp://mail.example.jp", "--smtp-from", "a@example.jp", "--smtp-tls", "maybe"},
        {"--smtp-url", "smtp://mail.example.jp", "--smtp-from", "a@example.jp", "--smtp-user", "u"},  // no password file
        {"--smtp-url", "smtp://", "--smtp-from", "a@example.jp"},
        {"--smtp-url", "smtp://127.0.0.1", "--smtp-from", "a@example.jp", "--smtp-retry", "0"},
    };
    for (const auto& args : bad) {
        CAPTURE(args.size());
        CAPTURE(args.back());
        auto c = parse_server_args(args);
        CHECK(!c.ok());
        if (!c.ok()) CHECK(c.error().code == "usage");
    }
}
