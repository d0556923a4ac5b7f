// e2e: with --smtp-url the real server relays its maildir over SMTP (libcurl)
// to a recording SMTP server on 127.0.0.1: delivery, retry, refusal, AUTH.
#include <doctest/doctest.h>

#include <sodium.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

#include "tests/server/server_process.hpp"
#include "tests/server/smtp_sink.hpp"

using namespace madoguchi::server_test;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> names_in(const std::string& dir) {
    std::vector<std::string> out;
    if (!fs::exists(dir)) return out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
    return out;
}

// Polls `dir` until it holds `count` files (the relay moves them after the 250).
bool wait_for_files(const std::string& dir, std::size_t count, int timeout_ms) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (std::chrono::steady_clock::now() < until) {
        if (names_in(dir).size() >= count) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return names_in(dir).size() >= count;
}

std::vector<std::string> relay_args(int smtp_port) {
    return {"--smtp-url", "smtp://127.0.0.1:" + std::to_string(smtp_port), "--smtp-tls", "none",
            "--smtp-from", "noreply@center.example.jp", "--smtp-retry", "1s"};
}

}  // namespace

TEST_CASE("a sign-up's verification mail goes out over SMTP and moves from new/ to cur/") {
    SmtpSink sink;
    ServerProcess server(relay_args(sink.port()));
    ApiClient c(server.port());
    c.enroll();
    sign_up(c, "hanako_s");

    REQUIRE(sink.wait_for(1, 10000));
    const auto got = sink.received().at(0);
    CHECK(got.mail_from == "noreply@center.example.jp");
    REQUIRE(got.rcpt_to.size() == 1);
    CHECK(got.rcpt_to[0] == "hanako_s@example.jp");
    CHECK(got.data.find("From: Madoguchi <noreply@center.example.jp>\r\n") != std::string::npos);
    CHECK(got.data.find("To: <hanako_s@example.jp>\r\n") != std::string::npos);
    CHECK(got.data.find("Subject: =?UTF-8?B?") != std::string::npos);
    const std::string body = mail_body_text(got.data);
    CHECK(body.find("メールアドレスの確認") != std::string::npos);
    const std::string token = verification_token(body);
    CHECK(token.size() >= 40);
    CHECK(got.auth.empty());  // no --smtp-user: no AUTH

    // The mail stays on disk (audit), marked sent; nothing is left to resend.
    const std::string maildir = server.data_dir() + "/maildir";
    REQUIRE(wait_for_files(maildir + "/cur", 1, 5000));
    CHECK(names_in(maildir + "/new").empty());
    CHECK(names_in(maildir + "/cur").at(0).ends_with(":2,S"));
    // The link in the relayed mail is the one that verifies the account.
    CHECK(c.get("/v1/email-verifications/" + token).status == 200);
    CHECK(sink.received().size() == 1);  // sent exactly once
}

TEST_CASE("mail waits in new/ while the SMTP server is down and goes out once it is back") {
    int port = 0;
    {
        SmtpSink probe;  // find a free port, then close it: nothing listens there now
        port = probe.port();
    }
    ServerProcess server(relay_args(port));
    ApiClient c(server.port());
    c.enroll();
    sign_up(c, "jiro_t");
    const std::string maildir = server.data_dir() + "/maildir";
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    CHECK(names_in(maildir + "/new").size() == 1);
    CHECK(names_in(maildir + "/cur").empty());

    SmtpSink sink(port);
    REQUIRE(sink.wait_for(1, 20000));  // back-off 1 s, 2 s, 4 s … with jitter
    CHECK(sink.received().at(0).rcpt_to.at(0) == "jiro_t@example.jp");
    REQUIRE(wait_for_files(maildir + "/cur", 1, 5000));
    CHECK(names_in(maildir + "/new").empty());
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK(sink.received().size() == 1);
}

TEST_CASE("a refused recipient moves to failed/ and does not hold back the next mail") {
    SmtpSink sink;
    sink.refuse("nobody_x@example.jp", "550 5.1.1 no such user");
    ServerProcess server(relay_args(sink.port()));
    ApiClient c(server.port());
    c.enroll();
    sign_up(c, "nobody_x");
    const std::string maildir = server.data_dir() + "/maildir";
    REQUIRE(wait_for_files(maildir + "/failed", 1, 10000));
    sign_up(c, "saburo_k");
    REQUIRE(sink.wait_for(1, 10000));
    CHECK(sink.received().at(0).rcpt_to.at(0) == "saburo_k@example.jp");
    REQUIRE(wait_for_files(maildir + "/cur", 1, 5000));
    CHECK(names_in(maildir + "/new").empty());
    CHECK(names_in(maildir + "/failed").size() == 1);
}

TEST_CASE("with --smtp-user the password comes from its file and is sent with AUTH PLAIN") {
    SmtpSink sink;
    TempDir secrets;
    const std::string password_file = secrets.path() + "/smtp-password";
    std::ofstream(password_file) << "s3cret-pass\n";
    auto args = relay_args(sink.port());
    args.insert(args.end(), {"--smtp-user", "kiosk-relay", "--smtp-password-file", password_file});
    ServerProcess server(args);
    ApiClient c(server.port());
    c.enroll();
    sign_up(c, "shiro_m");
    REQUIRE(sink.wait_for(1, 10000));
    // AUTH PLAIN's argument is base64("\0user\0password"), possibly after a 334 round trip.
    std::string auth = sink.received().at(0).auth;
    REQUIRE(auth.rfind("PLAIN ", 0) == 0);
    auth = auth.substr(6);
    std::vector<unsigned char> bin(auth.size());
    std::size_t len = 0;
    REQUIRE(sodium_base642bin(bin.data(), bin.size(), auth.data(), auth.size(), nullptr, &len, nullptr,
                              sodium_base64_VARIANT_ORIGINAL) == 0);
    CHECK(std::string(reinterpret_cast<const char*>(bin.data()), len) == std::string("\0kiosk-relay\0s3cret-pass", 24));
}
