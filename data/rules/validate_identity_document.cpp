// Identity document (【13】) validation: which documents and sides may be kept
// (JAPAN.md "Accepted documents" and "My Number card"), the one copy of
// those rules for the kiosk and the server, plus what the kiosk records.
#include <algorithm>

#include "data/model/civil_date.hpp"
#include "data/rules/field_limits.hpp"
#include "data/rules/japanese_calendar.hpp"
#include "data/rules/rule_error.hpp"
#include "data/rules/text_field.hpp"
#include "data/rules/validate_records.hpp"

namespace madoguchi {
namespace {

// Passports issued after this day have no address page (所持人記入欄).
constexpr CivilDate kLastPassportWithAddressPage{2020, 2, 3};

bool is_sha256_hex(const std::string& s) {
    return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

bool has_side(const IdentityDocument& d, std::string_view side) {
    return std::any_of(d.pages.begin(), d.pages.end(), [&](const DocumentPage& p) { return p.side == side; });
}

}  // namespace

Errors check_identity_document_compliance(const IdentityDocument& d) {
    Errors e;
    if (d.type == DocumentType::passport) {
        if (d.passport_issued.empty() || !is_valid_civil_date(d.passport_issued)) {
            e.push_back(rule_error("identity.passport_issued", "passport_issued",
                                   "旅券の発行日を入力してください。",
                                   "Enter the passport's date of issue."));
        } else if (d.passport_issued > kLastPassportWithAddressPage) {
            e.push_back(
                rule_error("identity.passport_too_new", "passport_issued",
                           "2020年2月4日以降に発行された旅券は住所欄がないため、本人確認書類に使えません。",
                           "Passports issued from 2020-02-04 have no address page and cannot be used."));
        }
    }
    if (d.pages.empty()) {
        e.push_back(rule_error("identity.no_pages", "pages", "書類を撮影してください。",
                               "Please capture the document."));
    }
    // The back carries the 12-digit My Number, which must never be copied:
    // any page but the front may be that back.
    const bool only_front =
        std::all_of(d.pages.begin(), d.pages.end(), [](const DocumentPage& p) { return p.side == "front"; });
    if (d.type == DocumentType::my_number_card_front && !only_front) {
        e.push_back(rule_error("identity.my_number_back", "pages",
                               "マイナンバーカードの裏面は保存できません。表面だけを撮影してください。",
                               "The back of a My Number card must not be kept. Capture the front only."));
    }
    if (d.type == DocumentType::drivers_license && !d.pages.empty() &&
        (!has_side(d, "front") || !has_side(d, "back"))) {
        e.push_back(rule_error("identity.both_sides", "pages", "運転免許証は表と裏の両面を撮影してください。",
                               "Capture both sides of the driver's license."));
    }
    return e;
}

Errors validate_identity_document(const IdentityDocument& d) {
    Errors e;
    collect(e, check_text("user_client_id", d.user_client_id, {true, limits::kFileId}));
    collect(e, check_text("captured_by_staff", d.captured_by_staff, {true, limits::kFileId}));
    for (Error& x : check_identity_document_compliance(d)) e.push_back(std::move(x));
    for (const DocumentPage& p : d.pages) {
        if (p.file_id.empty() || p.file_id.size() > limits::kFileId || !is_sha256_hex(p.sha256) ||
            p.side.empty()) {
            e.push_back(rule_error("identity.page", "pages",
                                   "撮影した画像が不完全です。撮影し直してください。",
                                   "A captured page is incomplete. Please capture it again."));
            break;
        }
    }
    if (d.status == VerificationStatus::rejected && is_blank(d.rejection_reason)) {
        e.push_back(rule_error("identity.rejection_reason", "rejection_reason",
                               "再提出が必要な理由を入力してください。",
                               "Enter why the document must be submitted again."));
    }
    collect(e, check_text("rejection_reason", d.rejection_reason, {false, 500, 0, true}));
    return e;
}

}  // namespace madoguchi
