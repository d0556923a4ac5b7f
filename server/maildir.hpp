// Outgoing mail as RFC 5322 files in a Maildir (<data>/maildir/{tmp,new,cur});
// a file appears in new/ only complete (written to tmp/, fsynced, renamed).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "data/result.hpp"

namespace madoguchi::server {

inline constexpr const char* kDefaultMailFrom = "no-reply@madoguchi.invalid";

struct MailMessage {
    std::string to;
    std::string subject;    // UTF-8; encoded as an RFC 2047 word
    std::string body;       // UTF-8 plain text; sent as base64
    std::string purpose;    // X-Madoguchi-Purpose header, e.g. "email-verification"
    std::string from;       // empty = the maildir's sender address
};

// Renders the message as RFC 5322 text with CRLF line ends.
std::string render_mail(const MailMessage& m, std::int64_t now_ms, const std::string& message_id);

class Maildir {
public:
    // Creates tmp/ new/ cur/. `from` is the sender of mails that name none
    // (the SMTP relay's envelope sender when one is configured).
    explicit Maildir(std::string root, std::string from = kDefaultMailFrom);
    // Returns the path of the file in new/.
    Result<std::string> deliver(const MailMessage& m, std::int64_t now_ms);
    const std::string& root() const { return root_; }
    // Called after each delivery (the SMTP relay's wake-up); set before serving.
    void set_on_delivered(std::function<void()> hook) { on_delivered_ = std::move(hook); }

private:
    std::string root_;
    std::string from_;
    std::function<void()> on_delivered_;
};

}  // namespace madoguchi::server
