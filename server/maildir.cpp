// Maildir delivery: unique name, tmp/ write + fsync, rename into new/.
#include "server/maildir.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <ctime>
#include <filesystem>

#include "server/secrets.hpp"

namespace madoguchi::server {
namespace {

std::string rfc5322_date(std::int64_t now_ms) {
    const std::time_t t = static_cast<std::time_t>(now_ms / 1000);
    std::tm tm{};
    gmtime_r(&t, &tm);
    static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday], tm.tm_mday,
                  kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf;
}

// Header values are ASCII only: anything else becomes an encoded word.
std::string encode_header_text(const std::string& text) {
    bool ascii = true;
    for (unsigned char c : text)
        if (c >= 0x80 || c < 0x20) ascii = false;
    if (ascii) return text;
    return "=?UTF-8?B?" + base64_encode(text) + "?=";
}

// Strips CR/LF so a value can never inject a header.
std::string one_line(std::string s) {
    for (auto& c : s)
        if (c == '\r' || c == '\n') c = ' ';
    return s;
}

Status write_all_and_sync(const std::string& path, const std::string& data) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return Error{"mail.write", "", "メールを保存できませんでした。", "Could not write the mail file."};
    std::size_t done = 0;
    bool ok = true;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n <= 0) {
            ok = false;
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    if (ok && ::fsync(fd) != 0) ok = false;
    ::close(fd);
    if (!ok) {
        ::unlink(path.c_str());
        return Error{"mail.write", "", "メールを保存できませんでした。", "Could not write the mail file."};
    }
    return ok_status();
}

}  // namespace

std::string render_mail(const MailMessage& m, std::int64_t now_ms, const std::string& message_id) {
    std::string out;
    out += "From: Madoguchi <" + one_line(m.from.empty() ? std::string(kDefaultMailFrom) : m.from) + ">\r\n";
    out += "To: <" + one_line(m.to) + ">\r\n";
    out += "Subject: " + encode_header_text(one_line(m.subject)) + "\r\n";
    out += "Date: " + rfc5322_date(now_ms) + "\r\n";
    out += "Message-ID: <" + message_id + "@madoguchi.invalid>\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: base64\r\n";
    if (!m.purpose.empty()) out += "X-Madoguchi-Purpose: " + one_line(m.purpose) + "\r\n";
    out += "\r\n";
    const std::string b64 = base64_encode(m.body);
    for (std::size_t i = 0; i < b64.size(); i += 76) out += b64.substr(i, 76) + "\r\n";
    return out;
}

Maildir::Maildir(std::string root, std::string from) : root_(std::move(root)), from_(std::move(from)) {
    for (const char* sub : {"tmp", "new", "cur"}) std::filesystem::create_directories(root_ + "/" + sub);
}

Result<std::string> Maildir::deliver(const MailMessage& m, std::int64_t now_ms) {
    static std::atomic<unsigned> counter{0};
    const std::string unique = random_uuid();
    const std::string name = std::to_string(now_ms / 1000) + ".M" + std::to_string(now_ms % 1000) + "Q" +
                             std::to_string(counter++) + "_" + unique + ".madoguchi";
    const std::string tmp = root_ + "/tmp/" + name;
    const std::string dst = root_ + "/new/" + name;
    MailMessage addressed = m;
    if (addressed.from.empty()) addressed.from = from_;
    if (auto st = write_all_and_sync(tmp, render_mail(addressed, now_ms, unique)); !st) return st.error();
    if (::rename(tmp.c_str(), dst.c_str()) != 0) {
        ::unlink(tmp.c_str());
        return Error{"mail.write", "", "メールを保存できませんでした。", "Could not deliver the mail file."};
    }
    // Make the rename durable: sync the new/ directory entry.
    const int dfd = ::open((root_ + "/new").c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    if (on_delivered_) on_delivered_();
    return dst;
}

}  // namespace madoguchi::server
