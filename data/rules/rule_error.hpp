// How a rule builds its Error: one place so codes and both messages are
// always filled in (the kiosk shows message_ja inline, logs use code).
#pragma once

#include <string>
#include <string_view>

#include "data/result.hpp"

namespace madoguchi {

inline Error rule_error(std::string code, std::string_view field, std::string message_ja,
                        std::string message_en) {
    return Error{std::move(code), std::string(field), std::move(message_ja), std::move(message_en)};
}

// Appends the error of a failed Status/Result to a record's Errors.
template <typename T>
bool collect(Errors& errors, const Result<T>& r) {
    if (r.ok()) return true;
    errors.push_back(r.error());
    return false;
}

}  // namespace madoguchi
