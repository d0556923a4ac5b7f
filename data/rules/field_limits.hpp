// Maximum lengths (in characters) of every free-text field; docs/rules.md
// explains each choice. The kiosk shows them as counters, the server enforces
// the same numbers through the validators.
#pragma once

#include <cstddef>

namespace madoguchi::limits {

inline constexpr std::size_t kFileId = 128;
inline constexpr std::size_t kNickname = 30;
inline constexpr std::size_t kSelfIntroduction = 2000;
inline constexpr std::size_t kPersonName = 30;      // 姓, 名 each
inline constexpr std::size_t kPersonNameKana = 30;  // セイ, メイ each
inline constexpr std::size_t kCity = 50;
inline constexpr std::size_t kTown = 50;
inline constexpr std::size_t kAddressLine = 100;
inline constexpr std::size_t kHometown = 50;
inline constexpr std::size_t kSchools = 200;
inline constexpr int kHourlyRateMaxYen = 100000;
inline constexpr int kMinAge = 15;  // 労働基準法: no employment before the March 31 after 15
inline constexpr int kMaxAge = 120;

inline constexpr std::size_t kSkillName = 50;
inline constexpr std::size_t kSkillNotes = 500;
inline constexpr int kSkillLevelMin = 1;
inline constexpr int kSkillLevelMax = 5;
inline constexpr int kYearsExperienceMax = 60;

inline constexpr std::size_t kQualificationName = 100;
inline constexpr std::size_t kQualificationIssuer = 100;
inline constexpr std::size_t kScoreOrGrade = 30;
inline constexpr std::size_t kCertificateNumber = 50;

inline constexpr std::size_t kCareerCategory = 50;
inline constexpr std::size_t kCompanyName = 100;
inline constexpr std::size_t kDuties = 2000;
inline constexpr std::size_t kRole = 100;
inline constexpr std::size_t kEnvironment = 500;
inline constexpr int kTeamSizeMax = 100000;
inline constexpr std::size_t kAttachmentsMax = 10;
inline constexpr std::size_t kAttachmentFileName = 255;
inline constexpr std::size_t kAttachmentMaxBytes = 10u * 1024u * 1024u;  // one career attachment (encoded)

inline constexpr std::size_t kHobbyName = 50;
inline constexpr std::size_t kHobbyComment = 500;

inline constexpr std::size_t kCompanyDescription = 2000;
inline constexpr std::size_t kCompanyAddress = 200;

inline constexpr std::size_t kBankName = 60;
inline constexpr std::size_t kBranchName = 60;

inline constexpr std::size_t kNdaVersion = 32;
inline constexpr std::size_t kNdaTypedName = 60;

}  // namespace madoguchi::limits
