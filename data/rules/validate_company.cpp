// Company (【11】) validation and normalization of typed input.
#include "data/rules/email.hpp"
#include "data/rules/field_limits.hpp"
#include "data/rules/phone.hpp"
#include "data/rules/postal_code.hpp"
#include "data/rules/required_fields.hpp"
#include "data/rules/rule_error.hpp"
#include "data/rules/slug.hpp"
#include "data/rules/text_field.hpp"
#include "data/rules/validate_records.hpp"

namespace madoguchi {

Errors validate_company(const Company& c) {
    Errors e;
    // Not typed: set when the company was chosen from the platform's search.
    collect(e, check_text("server_id", c.server_id, {false, limits::kFileId}));
    collect(e, check_text("logo_file_id", c.logo_file_id,
                          {is_required<Company>("logo_file_id"), limits::kFileId}));
    // check_slug refuses an empty slug: it runs on one the table requires.
    if (is_required<Company>("url_slug") || !c.url_slug.empty())
        collect(e, check_slug("url_slug", c.url_slug, kCompanySlugLimits));
    collect(e, check_text("name", c.name, {is_required<Company>("name"), limits::kCompanyName}));
    collect(e, check_text("description", c.description,
                          {is_required<Company>("description"), limits::kCompanyDescription, 0, true}));
    if (!c.postal_code.empty()) collect(e, check_postal_code("postal_code", c.postal_code));
    collect(e, check_text("address", c.address, {is_required<Company>("address"), limits::kCompanyAddress}));
    if (!c.phone.empty()) collect(e, check_phone("phone", c.phone));
    if (!c.email.empty()) collect(e, check_email("email", c.email));
    return e;
}

Errors normalize_company_fields(Company& c) {
    Errors e;
    if (auto r = normalize_slug("url_slug", c.url_slug, kCompanySlugLimits); collect(e, r)) c.url_slug = *r;
    if (is_blank(c.postal_code))
        c.postal_code.clear();
    else if (auto r = normalize_postal_code("postal_code", c.postal_code); collect(e, r))
        c.postal_code = *r;
    if (is_blank(c.phone))
        c.phone.clear();
    else if (auto r = parse_phone("phone", c.phone); collect(e, r))
        c.phone = r->digits;
    if (is_blank(c.email))
        c.email.clear();
    else if (auto r = normalize_email("email", c.email); collect(e, r))
        c.email = *r;
    return e;
}

}  // namespace madoguchi
