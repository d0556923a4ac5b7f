// SMTP relay of the maildir: at-least-once delivery (a crash between the
// server's 250 and the rename to cur/ resends that one mail after restart).
#include "server/smtp_relay.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <stdexcept>
#include <vector>

#include "net/curl_handle.hpp"

namespace madoguchi::server {
namespace {

namespace fs = std::filesystem;

struct ReadCursor {
    const std::string* data;
    std::size_t offset = 0;
};

std::size_t read_message(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* cursor = static_cast<ReadCursor*>(user);
    const std::size_t n = std::min(size * count, cursor->data->size() - cursor->offset);
    std::copy_n(cursor->data->data() + cursor->offset, n, buffer);
    cursor->offset += n;
    return n;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string read_password(const std::string& path) {
    if (path.empty()) return {};
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read --smtp-password-file " + path);
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

// Renames `from` into `dir` durably (the directory entry is synced).
void move_into(const fs::path& from, const fs::path& dir, const std::string& suffix) {
    fs::create_directories(dir);
    fs::rename(from, dir / (from.filename().string() + suffix));
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

int abort_if_asked(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    const auto* abort = static_cast<const std::atomic<bool>*>(user);
    return abort != nullptr && abort->load() ? 1 : 0;
}

}  // namespace

std::string mail_recipient(const std::string& message) {
    const std::size_t header_end = message.find("\r\n\r\n");
    std::size_t pos = 0;
    while (pos < header_end && pos < message.size()) {
        const std::size_t eol = message.find("\r\n", pos);
        if (eol == std::string::npos) break;
        const std::string line = message.substr(pos, eol - pos);
        if (line.rfind("To:", 0) == 0) {
            const auto open = line.find('<');
            const auto close = line.find('>', open == std::string::npos ? 0 : open);
            if (open != std::string::npos && close != std::string::npos) return line.substr(open + 1, close - open - 1);
            std::string bare = line.substr(3);
            bare.erase(0, bare.find_first_not_of(' '));
            return bare;
        }
        pos = eol + 2;
    }
    return {};
}

SmtpAttempt send_over_smtp(const SmtpSettings& settings, const std::string& password, const std::string& recipient,
                           const std::string& message, const std::atomic<bool>* abort) {
    SmtpAttempt attempt;
    CurlEasy easy;
    CURL* h = easy.get();
    const std::string from = "<" + settings.from + ">";
    CurlSlist rcpt;
    curl_slist_push(rcpt, ("<" + recipient + ">").c_str());
    ReadCursor cursor{&message};
    char error[CURL_ERROR_SIZE] = {0};

    curl_easy_setopt(h, CURLOPT_URL, settings.url.c_str());
    curl_easy_setopt(h, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt.get());
    curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(h, CURLOPT_READFUNCTION, read_message);
    curl_easy_setopt(h, CURLOPT_READDATA, &cursor);
    curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 120L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, abort_if_asked);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, const_cast<std::atomic<bool>*>(abort));
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!settings.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, settings.ca_file.c_str());
    // "starttls" must not fall back to plain text when the relay does not offer it.
    if (settings.tls == "starttls") curl_easy_setopt(h, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    if (!settings.user.empty()) {
        curl_easy_setopt(h, CURLOPT_USERNAME, settings.user.c_str());
        curl_easy_setopt(h, CURLOPT_PASSWORD, password.c_str());
    }

    const CURLcode rc = curl_easy_perform(h);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &attempt.smtp_code);
    if (rc == CURLE_OK) {
        attempt.outcome = SmtpOutcome::sent;
        return attempt;
    }
    attempt.detail = error[0] ? error : curl_easy_strerror(rc);
    // A 5xx reply refuses this message for good (unknown recipient, policy);
    // everything else (no connection, TLS, 4xx) may work later.
    attempt.outcome = attempt.smtp_code >= 500 && attempt.smtp_code < 600 ? SmtpOutcome::permanent_failure
                                                                           : SmtpOutcome::temporary_failure;
    return attempt;
}

SmtpRelay::SmtpRelay(SmtpSettings settings, std::string maildir_root)
    : settings_(std::move(settings)), password_(read_password(settings_.password_file)), root_(std::move(maildir_root)) {}

SmtpRelay::~SmtpRelay() {
    stop();
    if (thread_.joinable()) thread_.join();
}

void SmtpRelay::start() {
    if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
}

void SmtpRelay::wake() {
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    cv_.notify_all();
}

void SmtpRelay::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cv_.notify_all();
}

bool SmtpRelay::drain() {
    std::vector<fs::path> waiting;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(fs::path(root_) / "new", ec))
        if (entry.is_regular_file()) waiting.push_back(entry.path());
    std::sort(waiting.begin(), waiting.end());
    for (const auto& path : waiting) {
        if (stopping_) return true;
        const std::string message = read_file(path);
        const std::string recipient = mail_recipient(message);
        const std::string name = path.filename().string();
        if (recipient.empty()) {
            std::cerr << "madoguchi-server: mail " << name << " has no recipient; moved to maildir/failed\n";
            move_into(path, fs::path(root_) / "failed", "");
            continue;
        }
        const SmtpAttempt attempt = send_over_smtp(settings_, password_, recipient, message, &stopping_);
        if (attempt.outcome == SmtpOutcome::sent) {
            move_into(path, fs::path(root_) / "cur", ":2,S");
        } else if (attempt.outcome == SmtpOutcome::permanent_failure) {
            std::cerr << "madoguchi-server: SMTP refused mail " << name << " (" << attempt.smtp_code << " "
                      << attempt.detail << "); moved to maildir/failed\n";
            move_into(path, fs::path(root_) / "failed", "");
        } else if (stopping_) {
            return true;
        } else {
            std::cerr << "madoguchi-server: SMTP not reachable for mail " << name << " (" << attempt.smtp_code << " "
                      << attempt.detail << "); will retry\n";
            return false;
        }
    }
    return true;
}

void SmtpRelay::run() {
    // Poll as a safety net (mail written by another process, a lost wake-up);
    // back off exponentially with jitter while the relay is failing.
    constexpr std::int64_t kPollSeconds = 30;
    std::int64_t backoff_s = 0;
    std::mt19937 jitter(std::random_device{}());
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        bool ok = true;
        try {
            ok = drain();
        } catch (const std::exception& e) {
            std::cerr << "madoguchi-server: SMTP relay: " << e.what() << "\n";
            ok = false;
        }
        lock.lock();
        if (ok) {
            backoff_s = 0;
            cv_.wait_for(lock, std::chrono::seconds(kPollSeconds), [this] { return stopping_ || woken_; });
        } else {
            backoff_s = backoff_s == 0 ? settings_.retry_initial_s : std::min(backoff_s * 2, settings_.retry_max_s);
            const auto wait_ms = backoff_s * 1000 / 2 +
                                 std::uniform_int_distribution<std::int64_t>(0, backoff_s * 1000 / 2)(jitter);
            // A wake-up does not cut a back-off short: a new mail must not hammer a failing relay.
            cv_.wait_for(lock, std::chrono::milliseconds(wait_ms), [this] { return stopping_.load(); });
        }
        woken_ = false;
    }
}

}  // namespace madoguchi::server
