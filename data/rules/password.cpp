// Password strength checks.
#include "data/rules/password.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "data/rules/rule_error.hpp"
#include "data/text/utf8.hpp"

namespace madoguchi {
namespace {

// Passwords every cracking list tries first (lower-cased comparison).
constexpr std::array<std::string_view, 20> kCommon = {
    "password",   "password1", "password123", "passw0rd", "12345678", "123456789", "1234567890",
    "qwertyuiop", "qwerty123", "iloveyou",    "abc12345", "abcd1234", "1q2w3e4r",  "1qaz2wsx",
    "asdfghjkl",  "zxcvbnm1",  "letmein1",    "welcome1", "admin123", "11111111"};

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// abcdefgh, 87654321, qwertyui…: each step moves by one in a known run.
bool is_simple_run(const std::string& p) {
    static constexpr std::array<std::string_view, 4> kRuns = {"abcdefghijklmnopqrstuvwxyz", "0123456789",
                                                              "qwertyuiopasdfghjklzxcvbnm", "1234567890"};
    for (std::string_view run : kRuns) {
        std::string reversed(run.rbegin(), run.rend());
        if (run.find(p) != std::string_view::npos || reversed.find(p) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

Status check_password_strength(std::string_view field, std::string_view password,
                               const PasswordContext& context) {
    const std::size_t n = count_code_points(password);
    if (n < kPasswordMinChars) {
        return rule_error("password.too_short", field,
                          "パスワードは" + std::to_string(kPasswordMinChars) +
                              "文字以上にしてください（いま" + std::to_string(n) + "文字）。",
                          "Use at least " + std::to_string(kPasswordMinChars) + " characters (now " +
                              std::to_string(n) + ").");
    }
    if (n > kPasswordMaxChars) {
        return rule_error("password.too_long", field,
                          "パスワードは" + std::to_string(kPasswordMaxChars) + "文字以内にしてください。",
                          "Use at most " + std::to_string(kPasswordMaxChars) + " characters.");
    }
    for (char c : password) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x21 || u > 0x7E) {
            return rule_error(
                "password.characters", field,
                "パスワードには半角の英字・数字・記号だけが使えます（空白や全角文字は不可）。",
                "Use only half-width letters, digits and symbols (no spaces or full-width characters).");
        }
    }
    const bool has_letter = std::any_of(password.begin(), password.end(),
                                        [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
    const bool has_digit = std::any_of(password.begin(), password.end(),
                                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (!has_letter || !has_digit) {
        return rule_error("password.mix", field, "英字と数字の両方を含めてください。",
                          "Include both letters and digits.");
    }
    const std::string low = lower(password);
    if (std::all_of(low.begin(), low.end(), [&](char c) { return c == low[0]; }) || is_simple_run(low) ||
        std::find(kCommon.begin(), kCommon.end(), low) != kCommon.end()) {
        return rule_error("password.common", field, "推測されやすいパスワードです。別のものにしてください。",
                          "This password is too easy to guess. Please choose another.");
    }
    const std::string user = lower(context.username);
    std::string mail_local = lower(context.email.substr(0, context.email.find('@')));
    if ((user.size() >= 3 && low.find(user) != std::string::npos) ||
        (mail_local.size() >= 3 && low.find(mail_local) != std::string::npos)) {
        return rule_error("password.personal", field,
                          "ユーザー名やメールアドレスを含まないパスワードにしてください。",
                          "The password must not contain your username or e-mail address.");
    }
    return ok_status();
}

}  // namespace madoguchi
