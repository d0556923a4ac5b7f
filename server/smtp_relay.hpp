// Relays the maildir's new mail to an SMTP server with libcurl, on its own
// thread: sent mail moves to cur/, refused mail to failed/, the rest is retried.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "server/server_config.hpp"

namespace madoguchi::server {

enum class SmtpOutcome { sent, temporary_failure, permanent_failure };

struct SmtpAttempt {
    SmtpOutcome outcome = SmtpOutcome::temporary_failure;
    long smtp_code = 0;     // last reply code from the server (0 = none)
    std::string detail;     // for the log: curl's message, never the mail's content
};

// One SMTP transaction for an RFC 5322 message already rendered (CRLF lines).
// 5xx replies are permanent; connection trouble and 4xx are temporary.
// `abort` (optional) cancels a transfer in progress when it becomes true.
SmtpAttempt send_over_smtp(const SmtpSettings& settings, const std::string& password, const std::string& recipient,
                           const std::string& message, const std::atomic<bool>* abort = nullptr);

// The address of the first "To:" header of a rendered message ("" if none).
std::string mail_recipient(const std::string& message);

class SmtpRelay {
public:
    // Reads the password file at once; throws std::runtime_error when it cannot.
    SmtpRelay(SmtpSettings settings, std::string maildir_root);
    ~SmtpRelay();
    SmtpRelay(const SmtpRelay&) = delete;
    SmtpRelay& operator=(const SmtpRelay&) = delete;

    void start();
    // A mail was just delivered to new/: send now rather than at the next poll
    // (unless the relay is backing off after a failure).
    void wake();
    // Asks the thread to stop (aborting a transfer in progress) without waiting;
    // the destructor joins it.
    void stop();

private:
    void run();
    // Sends everything in new/ in name (= arrival) order; false after a temporary failure.
    bool drain();

    SmtpSettings settings_;
    std::string password_;
    std::string root_;

    std::mutex mutex_;
    std::condition_variable cv_;
    std::atomic<bool> stopping_{false};
    bool woken_ = false;
    std::thread thread_;
};

}  // namespace madoguchi::server
