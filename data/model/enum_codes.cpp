// Enum <-> code tables; one table per enum so to_code and from_code never drift.
#include "data/model/enum_codes.hpp"

#include <array>
#include <utility>

namespace madoguchi {
namespace {

template <typename E, std::size_t N>
using Table = std::array<std::pair<E, std::string_view>, N>;

constexpr Table<SyncState, 4> kSync{{{SyncState::pending, "pending"},
                                     {SyncState::sending, "sending"},
                                     {SyncState::sent, "sent"},
                                     {SyncState::needs_attention, "needs_attention"}}};
constexpr Table<Gender, 4> kGender{{{Gender::unanswered, "unanswered"},
                                    {Gender::male, "male"},
                                    {Gender::female, "female"},
                                    {Gender::other, "other"}}};
constexpr Table<WorkStatus, 3> kStatus{{{WorkStatus::available, "available"},
                                        {WorkStatus::depends_on_work, "depends_on_work"},
                                        {WorkStatus::busy, "busy"}}};
constexpr Table<WeeklyHours, 6> kHours{{{WeeklyHours::under_3, "under_3"},
                                        {WeeklyHours::h3_to_5, "3_to_5"},
                                        {WeeklyHours::h5_to_10, "5_to_10"},
                                        {WeeklyHours::h10_to_20, "10_to_20"},
                                        {WeeklyHours::h20_to_30, "20_to_30"},
                                        {WeeklyHours::h30_to_40, "30_to_40"}}};
constexpr Table<AccountType, 3> kAccount{{{AccountType::ordinary, "ordinary"},
                                          {AccountType::current, "current"},
                                          {AccountType::savings, "savings"}}};
constexpr Table<DocumentType, 6> kDoc{{{DocumentType::drivers_license, "drivers_license"},
                                       {DocumentType::passport, "passport"},
                                       {DocumentType::health_insurance_card, "health_insurance_card"},
                                       {DocumentType::residence_record, "residence_record"},
                                       {DocumentType::residence_card, "residence_card"},
                                       {DocumentType::my_number_card_front, "my_number_card_front"}}};
constexpr Table<VerificationStatus, 4> kVerify{{{VerificationStatus::not_submitted, "not_submitted"},
                                                {VerificationStatus::pending, "pending"},
                                                {VerificationStatus::verified, "verified"},
                                                {VerificationStatus::rejected, "rejected"}}};

template <typename E, std::size_t N>
std::string_view code_of(const Table<E, N>& t, E v) {
    for (const auto& [e, c] : t)
        if (e == v) return c;
    return {};  // unreachable for valid enum values
}

template <typename E, std::size_t N>
std::optional<E> parse(const Table<E, N>& t, std::string_view code) {
    for (const auto& [e, c] : t)
        if (c == code) return e;
    return std::nullopt;
}

}  // namespace

std::string_view to_code(SyncState v) { return code_of(kSync, v); }
std::string_view to_code(Gender v) { return code_of(kGender, v); }
std::string_view to_code(WorkStatus v) { return code_of(kStatus, v); }
std::string_view to_code(WeeklyHours v) { return code_of(kHours, v); }
std::string_view to_code(AccountType v) { return code_of(kAccount, v); }
std::string_view to_code(DocumentType v) { return code_of(kDoc, v); }
std::string_view to_code(VerificationStatus v) { return code_of(kVerify, v); }

template <> std::optional<SyncState> from_code<SyncState>(std::string_view c) { return parse(kSync, c); }
template <> std::optional<Gender> from_code<Gender>(std::string_view c) { return parse(kGender, c); }
template <> std::optional<WorkStatus> from_code<WorkStatus>(std::string_view c) { return parse(kStatus, c); }
template <> std::optional<WeeklyHours> from_code<WeeklyHours>(std::string_view c) { return parse(kHours, c); }
template <> std::optional<AccountType> from_code<AccountType>(std::string_view c) { return parse(kAccount, c); }
template <> std::optional<DocumentType> from_code<DocumentType>(std::string_view c) { return parse(kDoc, c); }
template <> std::optional<VerificationStatus> from_code<VerificationStatus>(std::string_view c) { return parse(kVerify, c); }

}  // namespace madoguchi
