// unit: RFC 5322 rendering and atomic Maildir delivery.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "server/maildir.hpp"
#include "server/secrets.hpp"

using namespace madoguchi::server;

TEST_CASE("a mail renders as RFC 5322 with ASCII headers and a base64 UTF-8 body") {
    init_secrets();
    MailMessage m{"user@example.jp", "確認\r\nBcc: evil@example.com", "本文です。\nhttp://127.0.0.1/v1/x", "email-verification", ""};  // from: the maildir's sender
    const std::string text = render_mail(m, 1790000000000, "abc");
    CHECK(text.rfind("From: ", 0) == 0);
    CHECK(text.find("To: <user@example.jp>\r\n") != std::string::npos);
    CHECK(text.find("Date: ") != std::string::npos);
    CHECK(text.find(" +0000\r\n") != std::string::npos);
    CHECK(text.find("Message-ID: <abc@madoguchi.invalid>\r\n") != std::string::npos);
    CHECK(text.find("Content-Type: text/plain; charset=UTF-8\r\n") != std::string::npos);
    CHECK(text.find("\r\nBcc:") == std::string::npos);  // no header injection
    const auto split = text.find("\r\n\r\n");
    REQUIRE(split != std::string::npos);
    for (std::size_t i = 0; i < split; ++i) CHECK(static_cast<unsigned char>(text[i]) < 0x80);
    std::string b64;
    for (char ch : text.substr(split + 4))
        if (ch != '\r' && ch != '\n') b64 += ch;
    auto body = base64_decode(b64);
    REQUIRE(body.has_value());
    CHECK(*body == m.body);
    // Lines stay within RFC 5322's 78-character recommendation.
    std::size_t line_start = 0;
    while (line_start < text.size()) {
        const auto end = text.find("\r\n", line_start);
        if (end == std::string::npos) break;
        CHECK(end - line_start <= 998);
        if (line_start > split) CHECK(end - line_start <= 76);
        line_start = end + 2;
    }
}

TEST_CASE("delivery leaves one complete file in new/ and nothing in tmp/") {
    init_secrets();
    const auto root = std::filesystem::temp_directory_path() / ("madoguchi-maildir-" + random_uuid());
    {
        Maildir dir(root.string());
        for (int i = 0; i < 3; ++i) {
            auto path = dir.deliver({"a@example.jp", "件名", "本文 " + std::to_string(i), "test"}, 1790000000000);
            REQUIRE(path.ok());
            CHECK(std::filesystem::exists(*path));
        }
        CHECK(std::distance(std::filesystem::directory_iterator(root / "new"), {}) == 3);
        CHECK(std::filesystem::is_empty(root / "tmp"));
        CHECK(std::filesystem::is_empty(root / "cur"));
    }
    std::filesystem::remove_all(root);
}
