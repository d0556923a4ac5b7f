// Outgoing mail as RFC 5322 files in a Maildir (<data>/maildir/{tmp,new,cur});
// a file appears in new/ only complete (written to tmp/, fsynced, renamed).
#pragma once

#include <cstdint>
#include <string>

#include "data/result.hpp"

namespace madoguchi::server {

struct MailMessage {
    std::string to;
    std::string subject;    // UTF-8; encoded as an RFC 2047 word
    std::string body;       // UTF-8 plain text; sent as base64
    std::string purpose;    // X-Madoguchi-Purpose header, e.g. "email-verification"
};

// Renders the message as RFC 5322 text with CRLF line ends.
std::string render_mail(const MailMessage& m, std::int64_t now_ms, const std::string& message_id);

class Maildir {
public:
    explicit Maildir(std::string root);  // creates tmp/ new/ cur/
    // Returns the path of the file in new/.
    Result<std::string> deliver(const MailMessage& m, std::int64_t now_ms);
    const std::string& root() const { return root_; }

private:
    std::string root_;
};

}  // namespace madoguchi::server
