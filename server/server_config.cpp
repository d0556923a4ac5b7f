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

}  // namespace

std::string server_usage() {
    return "usage: madoguchi-server [--listen HOST:PORT] [--data DIR] [--enrollment-code CODE]\n"
           "                        [--staff-token TOKEN] [--cert FILE --key FILE] [--public-url URL]\n"
           "                        [--upload-expiry DURATION] [--session-ttl DURATION]\n"
           "                        [--threads N] [--max-upload-bytes N] [--fault-injection]\n"
           "  --listen 127.0.0.1:0 picks a free port; the first stdout line is 'listening on HOST:PORT'.\n"
           "  DURATION: 90, 90s, 15m, 24h, 7d.  SIGTERM/SIGINT stop the server cleanly.\n";
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
    return c;
}

}  // namespace madoguchi::server
