// Parsing of madoguchi-server's command line into ServerConfig.
#include "server/server_config.hpp"

#include <charconv>

namespace madoguchi::server {
namespace {

Error usage_error(const std::string& what) {
    return Error{"usage", "", "起動オプションが正しくありません: " + what, what + "\n" + server_usage()};
}

Result<std::int64_t> parse_int(const std::string& text, const std::string& option) {
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || p != text.data() + text.size() || v < 0) return usage_error(option + " needs a number");
    return v;
}

std::string url_host(const std::string& url) {
    const auto scheme_end = url.find("://");
    if (scheme_end == std::string::npos) return {};
    std::string rest = url.substr(scheme_end + 3);
    rest = rest.substr(0, rest.find('/'));
    if (const auto at = rest.rfind('@'); at != std::string::npos) rest = rest.substr(at + 1);
    if (!rest.empty() && rest.front() == '[') return rest.substr(1, rest.find(']') - 1);
    return rest.substr(0, rest.find(':'));
}

// Passwords must not travel in the clear over a network: plain SMTP only to a
// relay on this machine (a local MTA that does its own TLS onwards).
Status check_smtp_settings(SmtpSettings& s) {
    const bool any = !s.from.empty() || !s.user.empty() || !s.password_file.empty() || !s.ca_file.empty();
    if (s.url.empty()) {
        if (any) return usage_error("--smtp-* options need --smtp-url");
        return ok_status();
    }
    const bool smtps = s.url.rfind("smtps://", 0) == 0;
    if (!smtps && s.url.rfind("smtp://", 0) != 0) return usage_error("--smtp-url must start with smtp:// or smtps://");
    if (smtps) s.tls = "implicit";
    if (!smtps && s.tls == "implicit") return usage_error("--smtp-tls implicit needs an smtps:// URL");
    const std::string host = url_host(s.url);
    if (host.empty()) return usage_error("--smtp-url has no host");
    const bool loopback = host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
    if (s.tls == "none" && !loopback) return usage_error("--smtp-tls none is only allowed for a relay on 127.0.0.1");
    if (s.from.empty() || s.from.find('@') == std::string::npos) return usage_error("--smtp-url needs --smtp-from ADDRESS");
    if (s.user.empty() != s.password_file.empty()) return usage_error("--smtp-user and --smtp-password-file go together");
    if (s.retry_max_s < s.retry_initial_s) s.retry_max_s = s.retry_initial_s;
    return ok_status();
}

}  // namespace

std::string server_usage() {
    return "usage: madoguchi-server [--listen HOST:PORT] [--data DIR] [--enrollment-code CODE]\n"
           "                        [--staff-token TOKEN] [--cert FILE --key FILE] [--public-url URL]\n"
           "                        [--upload-expiry DURATION] [--session-ttl DURATION]\n"
           "                        [--threads N] [--max-upload-bytes N] [--fault-injection]\n"
           "                        [--smtp-url URL --smtp-from ADDR [--smtp-user USER --smtp-password-file FILE]\n"
           "                         [--smtp-tls starttls|implicit|none] [--smtp-ca FILE] [--smtp-retry DURATION]]\n"
           "  --listen 127.0.0.1:0 picks a free port; the first stdout line is 'listening on HOST:PORT'.\n"
           "  DURATION: 90, 90s, 15m, 24h, 7d.  SIGTERM/SIGINT stop the server cleanly.\n"
           "  Mail is always written to DATA/maildir; with --smtp-url it is also relayed over SMTP\n"
           "  (sent mail moves to maildir/cur, refused mail to maildir/failed).\n";
}

Result<std::int64_t> parse_duration_seconds(const std::string& text) {
    if (text.empty()) return usage_error("empty duration");
    std::int64_t unit = 1;
    std::string digits = text;
    switch (text.back()) {
        case 's': unit = 1; digits.pop_back(); break;
        case 'm': unit = 60; digits.pop_back(); break;
        case 'h': unit = 3600; digits.pop_back(); break;
        case 'd': unit = 86400; digits.pop_back(); break;
        default: break;
    }
    auto n = parse_int(digits, "duration");
    if (!n) return n.error();
    return *n * unit;
}

Result<ServerConfig> parse_server_args(const std::vector<std::string>& args) {
    ServerConfig c;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> Result<std::string> {
            if (i + 1 >= args.size()) return usage_error(a + " needs a value");
            return args[++i];
        };
        if (a == "--help" || a == "-h") return Error{"help", "", "", server_usage()};
        if (a == "--fault-injection") {
            c.fault_injection = true;
            continue;
        }
        auto v = value();
        if (!v) return v.error();
        if (a == "--listen") {
            const auto colon = v->rfind(':');
            if (colon == std::string::npos) return usage_error("--listen needs HOST:PORT");
            c.host = v->substr(0, colon);
            auto port = parse_int(v->substr(colon + 1), "--listen port");
            if (!port || *port > 65535) return usage_error("--listen port must be 0..65535");
            c.port = static_cast<int>(*port);
        } else if (a == "--data") {
            c.data_dir = *v;
        } else if (a == "--enrollment-code") {
            c.enrollment_code = *v;
        } else if (a == "--staff-token") {
            c.staff_token = *v;
        } else if (a == "--cert") {
            c.cert_file = *v;
        } else if (a == "--key") {
            c.key_file = *v;
        } else if (a == "--public-url") {
            c.public_url = *v;
        } else if (a == "--upload-expiry" || a == "--session-ttl") {
            auto d = parse_duration_seconds(*v);
            if (!d) return d.error();
            (a == "--upload-expiry" ? c.upload_expiry_s : c.session_ttl_s) = *d;
        } else if (a == "--threads") {
            auto n = parse_int(*v, a);
            if (!n || *n < 1 || *n > 256) return usage_error("--threads must be 1..256");
            c.threads = static_cast<int>(*n);
        } else if (a == "--smtp-url") {
            c.smtp.url = *v;
        } else if (a == "--smtp-from") {
            c.smtp.from = *v;
        } else if (a == "--smtp-user") {
            c.smtp.user = *v;
        } else if (a == "--smtp-password-file") {
            c.smtp.password_file = *v;
        } else if (a == "--smtp-tls") {
            if (*v != "starttls" && *v != "implicit" && *v != "none")
                return usage_error("--smtp-tls must be starttls, implicit or none");
            c.smtp.tls = *v;
        } else if (a == "--smtp-ca") {
            c.smtp.ca_file = *v;
        } else if (a == "--smtp-retry") {
            auto d = parse_duration_seconds(*v);
            if (!d || *d < 1) return usage_error("--smtp-retry must be at least 1s");
            c.smtp.retry_initial_s = *d;
        } else if (a == "--max-upload-bytes") {
            auto n = parse_int(*v, a);
            if (!n || *n < 1) return usage_error("--max-upload-bytes must be positive");
            c.max_upload_bytes = *n;
        } else {
            return usage_error("unknown option " + a);
        }
    }
    if (c.cert_file.empty() != c.key_file.empty()) return usage_error("--cert and --key go together");
    if (c.enrollment_code.empty() || c.staff_token.empty()) return usage_error("codes must not be empty");
    if (auto st = check_smtp_settings(c.smtp); !st) return st.error();
    return c;
}

}  // namespace madoguchi::server
