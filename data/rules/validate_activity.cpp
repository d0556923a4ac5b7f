// Skills (【7】), qualifications (【8】), career (【9】) and hobbies (【10】).
#include <algorithm>
#include <array>
#include <string>

#include "data/rules/date_rules.hpp"
#include "data/rules/field_limits.hpp"
#include "data/rules/number.hpp"
#include "data/rules/required_fields.hpp"
#include "data/rules/rule_error.hpp"
#include "data/rules/text_field.hpp"
#include "data/rules/url.hpp"
#include "data/rules/validate_records.hpp"

namespace madoguchi {
namespace {

// Career attachments the server accepts (certificates, portfolios, scans).
constexpr std::array<std::string_view, 3> kAttachmentTypes = {"application/pdf", "image/png", "image/jpeg"};

YearMonth month_of(const CivilDate& d) { return YearMonth{d.year, d.month}; }

}  // namespace

Errors validate_skill(const Skill& s) {
    Errors e;
    collect(e, check_text("name", s.name, {is_required<Skill>("name"), limits::kSkillName}));
    collect(e, check_range("level", s.level, limits::kSkillLevelMin, limits::kSkillLevelMax));
    collect(e, check_range("years_experience", s.years_experience, 0, limits::kYearsExperienceMax));
    collect(e, check_text("notes", s.notes, {is_required<Skill>("notes"), limits::kSkillNotes, 0, true}));
    return e;
}

Errors validate_qualification(const Qualification& q, const ValidationContext& ctx) {
    Errors e;
    const YearMonth now = month_of(effective_today(ctx));
    collect(e, check_text("name", q.name, {is_required<Qualification>("name"), limits::kQualificationName}));
    collect(e, check_text("issuer", q.issuer,
                          {is_required<Qualification>("issuer"), limits::kQualificationIssuer}));
    if (q.acquired.empty()) {
        if (is_required<Qualification>("acquired"))
            e.push_back(rule_error("text.required", "acquired", "取得年月を入力してください。",
                                   "Enter the month it was acquired."));
    } else {
        collect(e, check_year_month("acquired", q.acquired, &now));
    }
    collect(e, check_text("score_or_grade", q.score_or_grade,
                          {is_required<Qualification>("score_or_grade"), limits::kScoreOrGrade}));
    collect(e, check_text("certificate_number", q.certificate_number,
                          {is_required<Qualification>("certificate_number"), limits::kCertificateNumber}));
    if (!q.expires.empty() && collect(e, check_year_month("expires", q.expires)) && !q.acquired.empty() &&
        q.expires < q.acquired) {
        e.push_back(rule_error("date.order", "expires", "有効期限は取得年月より後にしてください。",
                               "The expiry must be after the month it was acquired."));
    }
    return e;
}

Errors validate_career(const Career& c, const ValidationContext& ctx) {
    Errors e;
    const YearMonth now = month_of(effective_today(ctx));
    collect(e,
            check_text("category", c.category, {is_required<Career>("category"), limits::kCareerCategory}));
    if (c.period_from.empty()) {
        if (is_required<Career>("period_from"))
            e.push_back(rule_error("text.required", "period_from", "在職期間の開始年月を入力してください。",
                                   "Enter the month you started."));
    } else {
        collect(e, check_year_month("period_from", c.period_from, &now));
    }
    if (!c.period_to.empty() && collect(e, check_year_month("period_to", c.period_to, &now)) &&
        !c.period_from.empty() && c.period_to < c.period_from) {
        e.push_back(rule_error("date.order", "period_to", "終了年月は開始年月より後にしてください。",
                               "The end month must not be before the start month."));
    }
    collect(e, check_text("company_name", c.company_name,
                          {is_required<Career>("company_name"), limits::kCompanyName}));
    collect(e, check_text("duties", c.duties, {is_required<Career>("duties"), limits::kDuties, 0, true}));
    if (!c.company_url.empty()) collect(e, check_url("company_url", c.company_url));
    collect(e, check_text("role", c.role, {is_required<Career>("role"), limits::kRole}));
    collect(e, check_text("environment", c.environment,
                          {is_required<Career>("environment"), limits::kEnvironment, 0, true}));
    if (c.team_size) collect(e, check_range("team_size", *c.team_size, 1, limits::kTeamSizeMax));
    if (c.attachments.size() > limits::kAttachmentsMax) collect(e, check_attachment_room(c.attachments.size()));
    for (const CareerAttachment& a : c.attachments) {
        const bool bad_name =
            !check_text("attachments", a.file_name, {true, limits::kAttachmentFileName}).ok() ||
            a.file_name.find_first_of("/\\") != std::string::npos || a.file_name == "." ||
            a.file_name == "..";
        const bool bad_type = std::find(kAttachmentTypes.begin(), kAttachmentTypes.end(), a.mime_type) ==
                              kAttachmentTypes.end();
        if (a.file_id.empty() || a.file_id.size() > limits::kFileId || bad_name || bad_type) {
            e.push_back(
                rule_error("attachments.invalid", "attachments",
                           "添付ファイルはPDF・PNG・JPEGだけです。ファイルを選び直してください。",
                           "Attachments must be PDF, PNG or JPEG files. Please choose the file again."));
            break;
        }
    }
    return e;
}

Status check_attachment_room(std::size_t already_attached) {
    if (already_attached < limits::kAttachmentsMax) return ok_status();
    return rule_error("attachments.too_many", "attachments",
                      "添付ファイルは" + std::to_string(limits::kAttachmentsMax) + "個までです。",
                      "At most " + std::to_string(limits::kAttachmentsMax) + " attachments.");
}

Status check_attachment_size(std::size_t bytes) {
    if (bytes <= limits::kAttachmentMaxBytes) return ok_status();
    const std::string mb = std::to_string(limits::kAttachmentMaxBytes / (1024 * 1024));
    return rule_error("attachments.too_large", "attachments",
                      "添付ファイルが大きすぎます（1個" + mb + "MBまで）。解像度を下げるか、ページを分けてください。",
                      "The attachment is too large (at most " + mb +
                          " MB each). Use a lower resolution or split the pages.");
}

Errors normalize_career_fields(Career& c) {
    Errors e;
    if (!is_blank(c.company_url)) {
        if (auto r = normalize_url("company_url", c.company_url); collect(e, r)) c.company_url = *r;
    } else {
        c.company_url.clear();
    }
    return e;
}

Errors validate_hobby(const Hobby& h) {
    Errors e;
    collect(e, check_text("name", h.name, {is_required<Hobby>("name"), limits::kHobbyName}));
    collect(
        e, check_text("comment", h.comment, {is_required<Hobby>("comment"), limits::kHobbyComment, 0, true}));
    return e;
}

}  // namespace madoguchi
