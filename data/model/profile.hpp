// Profile (guide 【5】, all 18 steps in the guide's order).
#pragma once

#include <optional>
#include <string>

#include "data/model/civil_date.hpp"
#include "data/model/record_meta.hpp"

namespace madoguchi {

enum class Gender { unanswered, male, female, other };           // Step 7, optional
enum class WorkStatus { available, depends_on_work, busy };        // 対応可能 / 仕事内容による / 現在忙しい
// Step 12: 稼働可能時間/週, "3時間以下" … "30時間～40時間".
enum class WeeklyHours { under_3, h3_to_5, h5_to_10, h10_to_20, h20_to_30, h30_to_40 };

struct Profile {
    RecordMeta meta;
    std::string photo_file_id;        // Step 1: encrypted file in the file store (empty = none)
    std::string username;             // Step 2: read-only copy of Account::username
    std::string nickname;             // Step 3: most visible public value
    std::string self_introduction;    // Step 4: multi-line
    std::string family_name;          // Step 5: 姓 (kept exactly as typed)
    std::string given_name;           //         名
    std::string family_name_kana;     // Step 6: セイ (full-width katakana)
    std::string given_name_kana;      //         メイ
    Gender gender = Gender::unanswered;  // Step 7
    CivilDate birth_date;             // Step 8
    std::string postal_code;          // Step 9: 7 digits, no hyphen
    std::string prefecture;           // Step 10: address, split as the data set gives it
    std::string city;
    std::string town;
    std::string address_line;         //          番地・建物
    std::string phone;                //          digits only
    WorkStatus status = WorkStatus::available;          // Step 11
    WeeklyHours weekly_hours = WeeklyHours::under_3;     // Step 12
    std::optional<int> hourly_rate_yen;                  // Step 13
    bool show_age_bracket = false;                       // Step 14: public value like 30代
    std::string preferred_prefecture;                    // Step 15: JIS code "01".."47"
    std::string preferred_municipality;                  // Step 16: local government code
    std::string hometown;                                // Step 17: optional (職業安定法 指針)
    std::string schools;                                 // Step 18
};

}  // namespace madoguchi
