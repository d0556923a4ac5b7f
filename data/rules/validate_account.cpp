// Sign-up (【5】 Step 2) and account changes (【6】).
#include "data/rules/email.hpp"
#include "data/rules/password.hpp"
#include "data/rules/rule_error.hpp"
#include "data/rules/slug.hpp"
#include "data/rules/validate_records.hpp"

namespace madoguchi {
namespace {

Error mismatch(std::string_view field, std::string ja, std::string en) {
    return rule_error("confirm.mismatch", field, std::move(ja), std::move(en));
}

}  // namespace

Errors validate_account(const Account& a) {
    Errors e;
    collect(e, check_slug("username", a.username, kUsernameLimits));
    collect(e, check_email("email", a.email));
    return e;
}

Errors validate_sign_up(const SignUpRequest& r) {
    Errors e;
    collect(e, check_slug("username", r.username, kUsernameLimits));
    collect(e, check_email("email", r.email));
    collect(e, check_password_strength("password", r.password, {r.username, r.email}));
    if (r.password_confirm != r.password) {
        e.push_back(mismatch("password_confirm", "確認用パスワードが一致しません。",
                             "The two passwords do not match."));
    }
    if (!r.consented_purpose_of_use) {
        e.push_back(rule_error("consent.required", "consented_purpose_of_use",
                               "個人情報の利用目的に同意してください。",
                               "Please agree to the purpose of use of personal information."));
    }
    return e;
}

Errors normalize_sign_up_fields(SignUpRequest& r) {
    Errors e;
    if (auto n = normalize_slug("username", r.username, kUsernameLimits); collect(e, n)) r.username = *n;
    if (auto n = normalize_email("email", r.email); collect(e, n)) r.email = *n;
    return e;
}

Errors validate_email_change(const EmailChangeRequest& r) {
    Errors e;
    collect(e, check_email("new_email", r.new_email));
    const auto confirm = normalize_email("new_email_confirm", r.new_email_confirm);
    if (!confirm || *confirm != r.new_email) {
        e.push_back(mismatch("new_email_confirm", "確認用メールアドレスが一致しません。",
                             "The two e-mail addresses do not match."));
    }
    return e;
}

Errors normalize_email_change_fields(EmailChangeRequest& r) {
    Errors e;
    if (auto n = normalize_email("new_email", r.new_email); collect(e, n)) r.new_email = *n;
    return e;
}

Errors validate_password_change(const PasswordChangeRequest& r) {
    Errors e;
    if (r.current_password.empty()) {
        e.push_back(rule_error("text.required", "current_password", "現在のパスワードを入力してください。",
                               "Enter your current password."));
    }
    if (collect(e, check_password_strength("new_password", r.new_password)) &&
        r.new_password == r.current_password) {
        e.push_back(rule_error("password.unchanged", "new_password", "現在と違うパスワードにしてください。",
                               "The new password must differ from the current one."));
    }
    if (r.new_password_confirm != r.new_password) {
        e.push_back(mismatch("new_password_confirm", "確認用パスワードが一致しません。",
                             "The two passwords do not match."));
    }
    return e;
}

}  // namespace madoguchi
