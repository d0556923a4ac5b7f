// URL parsing: scheme://host[:port][/path][?query][#fragment].
#include "data/rules/url.hpp"

#include <algorithm>
#include <cctype>

#include "data/rules/domain_name.hpp"
#include "data/rules/rule_error.hpp"
#include "data/rules/text_field.hpp"
#include "data/text/char_classes.hpp"
#include "data/text/normalize.hpp"
#include "data/text/utf8.hpp"

namespace madoguchi {

namespace {

Error invalid(std::string_view field) {
    return rule_error("url.invalid", field, "URLの形が正しくありません（例：https://example.co.jp）。",
                      "This is not a valid web address (e.g. https://example.co.jp).");
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool is_ipv4(std::string_view host) {
    int parts = 0;
    while (true) {
        const std::size_t dot = host.find('.');
        const std::string_view p = host.substr(0, dot);
        if (p.empty() || p.size() > 3 ||
            !std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return false;
        if (std::stoi(std::string(p)) > 255) return false;
        ++parts;
        if (dot == std::string_view::npos) break;
        host.remove_prefix(dot + 1);
    }
    return parts == 4;
}

// Characters allowed after the host (RFC 3986 unreserved, reserved and '%').
bool is_url_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           std::string_view("-._~:/?#[]@!$&'()*+,;=%").find(c) != std::string_view::npos;
}

}  // namespace

Result<std::string> normalize_url(std::string_view field, std::string_view input) {
    if (auto s = check_text(field, input, TextLimits{true, 2048, 0, false}); !s) return s.error();
    std::string text = encode_utf8(nfkc_japanese(decode_utf8_lossy(trim_spaces(input))));
    if (std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
        return rule_error("url.non_ascii", field, "URLは半角英数字で入力してください。",
                          "Use only half-width characters in a web address.");
    }
    const std::size_t scheme_end = text.find("://");
    std::string scheme = "https";
    if (scheme_end != std::string::npos) {
        scheme = lower(text.substr(0, scheme_end));
        if (scheme != "http" && scheme != "https") {
            return rule_error("url.scheme", field, "http:// または https:// で始まるURLを入力してください。",
                              "Only http:// and https:// addresses are accepted.");
        }
        text.erase(0, scheme_end + 3);
    }
    const std::size_t host_end = text.find_first_of("/?#");
    std::string authority = text.substr(0, host_end);
    const std::string rest = host_end == std::string::npos ? "" : text.substr(host_end);
    if (authority.find('@') != std::string::npos) {
        return rule_error("url.credentials", field, "ユーザー名やパスワードを含むURLは使えません。",
                          "Addresses with a user name or password are not accepted.");
    }
    std::string port;
    if (const std::size_t colon = authority.find(':'); colon != std::string::npos) {
        port = authority.substr(colon + 1);
        authority.erase(colon);
        if (port.empty() || port.size() > 5 ||
            !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
            std::stoi(port) == 0 || std::stoi(port) > 65535)
            return invalid(field);
    }
    const std::string host = lower(authority);
    if (!is_valid_domain_name(host) && !is_ipv4(host)) return invalid(field);
    if (!std::all_of(rest.begin(), rest.end(), is_url_char)) return invalid(field);
    return scheme + "://" + host + (port.empty() ? "" : ":" + port) + rest;
}

Status check_url(std::string_view field, std::string_view stored) {
    auto normalized = normalize_url(field, stored);
    if (!normalized) return normalized.error();
    if (*normalized != stored) {
        return rule_error("url.not_normalized", field, "URLは https:// などから始まる半角の形で保存します。",
                          "The web address must be stored in its normalized form.");
    }
    return ok_status();
}

}  // namespace madoguchi
