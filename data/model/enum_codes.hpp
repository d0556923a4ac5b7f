// Stable string codes for the model's enums: what the store and the API write.
#pragma once

#include <optional>
#include <string_view>

#include "data/model/bank_account.hpp"
#include "data/model/identity_document.hpp"
#include "data/model/profile.hpp"
#include "data/model/record_meta.hpp"

namespace madoguchi {

std::string_view to_code(SyncState v);
std::string_view to_code(Gender v);
std::string_view to_code(WorkStatus v);
std::string_view to_code(WeeklyHours v);
std::string_view to_code(AccountType v);
std::string_view to_code(DocumentType v);
std::string_view to_code(VerificationStatus v);

// Parsing returns nullopt for an unknown code (data from the wire is untrusted).
template <typename E> std::optional<E> from_code(std::string_view code);

}  // namespace madoguchi
