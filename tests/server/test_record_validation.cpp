// unit: what the server checks on top of data/rules — upload references,
// client ids and the identity-document compliance rules (table-driven).
#include <doctest/doctest.h>

#include "server/record_validation.hpp"

using namespace madoguchi;
using namespace madoguchi::server;

namespace {

bool has(const Errors& e, const std::string& code, const std::string& field) {
    for (const auto& x : e)
        if (x.code == code && x.field == field && !x.message_ja.empty() && !x.message_en.empty()) return true;
    return false;
}

DocumentPage page(const char* side) { return DocumentPage{side, "8f14e45f-ceea-467f-a8f3-2b5e6f9b3c1d", ""}; }

}  // namespace

TEST_CASE("identity documents: JAPAN.md compliance rules") {
    struct Row {
        const char* name;
        IdentityDocument doc;
        const char* code;  // nullptr = valid
    };
    auto doc = [](DocumentType t, std::vector<DocumentPage> pages, CivilDate issued = {}) {
        IdentityDocument d;
        d.type = t;
        d.pages = std::move(pages);
        d.passport_issued = issued;
        return d;
    };
    const Row rows[] = {
        {"license with both sides", doc(DocumentType::drivers_license, {page("front"), page("back")}), nullptr},
        {"license front only", doc(DocumentType::drivers_license, {page("front")}), "identity.both_sides"},
        {"no pages", doc(DocumentType::residence_card, {}), "identity.no_pages"},
        {"my number front", doc(DocumentType::my_number_card_front, {page("front")}), nullptr},
        {"my number back", doc(DocumentType::my_number_card_front, {page("front"), page("back")}), "identity.my_number_back"},
        {"passport 2020-02-03", doc(DocumentType::passport, {page("page1")}, {2020, 2, 3}), nullptr},
        {"passport 2020-02-04", doc(DocumentType::passport, {page("page1")}, {2020, 2, 4}), "identity.passport_too_new"},
        {"passport without date", doc(DocumentType::passport, {page("page1")}), "identity.passport_issued"},
        {"passport 2019-02-30", doc(DocumentType::passport, {page("page1")}, {2019, 2, 30}), "identity.passport_issued"},
        {"bad upload id", doc(DocumentType::residence_card, {DocumentPage{"front", "../x", ""}}), "identity.page"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.name);
        const Errors e = validate_record(row.doc);
        if (row.code == nullptr) CHECK(e.empty());
        else CHECK(has(e, row.code, row.doc.type == DocumentType::passport ? "passport_issued" : "pages"));
    }
}

TEST_CASE("file references must look like upload ids; the rest comes from data/rules") {
    Profile p;
    p.photo_file_id = "not an id!";
    CHECK(has(validate_record(p), "format", "photo_file_id"));
    p.photo_file_id = "8f14e45f-ceea-467f-a8f3-2b5e6f9b3c1d";
    CHECK(!has(validate_record(p), "format", "photo_file_id"));

    Career c;
    c.company_name = "山田運輸";
    c.attachments.push_back({"a/b", "x.pdf", "application/pdf"});
    CHECK(has(validate_record(c), "format", "attachments"));

    NdaAgreement n;
    n.signature_file_id = "..";
    CHECK(has(validate_record(n), "format", "signature_file_id"));

    // Delegation: an empty skill name is reported by data/rules' validator.
    Skill s;
    CHECK(!validate_record(s).empty());
    CHECK(validate_sign_up(SignUpRequest{"taro_1", "taro@example.jp", "Kiosk2026pass", "Kiosk2026pass", true}).empty());
    CHECK(has(validate_sign_up(SignUpRequest{"taro_1", "taro@example.jp", "Kiosk2026pass", "Kiosk2026pass", false}),
              "consent.required", "consented_purpose_of_use"));
}

TEST_CASE("client ids") {
    CHECK(valid_client_id("8f14e45f-ceea-467f-a8f3-2b5e6f9b3c1d"));
    CHECK(valid_client_id("profile_1"));
    CHECK(!valid_client_id(""));
    CHECK(!valid_client_id("../etc"));
    CHECK(!valid_client_id("a b"));
    CHECK(!valid_client_id(std::string(65, 'a')));
}
