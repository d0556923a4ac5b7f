// Identity document (guide 【13】): staff-captured, masked, uploaded, then destroyed.
#pragma once

#include <string>
#include <vector>

#include "data/model/civil_date.hpp"
#include "data/model/record_meta.hpp"

namespace madoguchi {

enum class DocumentType {
    drivers_license,        // both sides
    passport,               // issued on or before 2020-02-03 only
    health_insurance_card,  // or 資格確認書; numbers masked; with 住民票
    residence_record,       // 住民票 within 6 months
    residence_card,         // 在留カード / 特別永住者証明書
    my_number_card_front,   // front only, never the back
};

// 未提出 / 確認待ち / 確認済み / 再提出が必要
enum class VerificationStatus { not_submitted, pending, verified, rejected };

struct DocumentPage {
    std::string side;      // "front", "back", "page1"…
    std::string file_id;   // encrypted, masked image; crypto-erased after ack
    std::string sha256;    // of the plaintext image, checked by the server
};

struct IdentityDocument {
    RecordMeta meta;
    std::string user_client_id;   // Account::meta.client_id of the registrant
    DocumentType type = DocumentType::drivers_license;
    CivilDate passport_issued;    // only for passports
    std::vector<DocumentPage> pages;
    VerificationStatus status = VerificationStatus::not_submitted;
    std::string rejection_reason;
    std::string captured_by_staff;  // staff id
};

}  // namespace madoguchi
