// Result<T> and Error: how every expected failure (validation, storage,
// network) travels to the UI without exceptions crossing into draw().
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace madoguchi {

// One failure. `code` is a stable machine code ("postal_code.format"),
// `field` names the form field it belongs to (empty for whole-record errors),
// and the two messages are what a person reads, in plain Japanese / English.
struct Error {
    std::string code;
    std::string field;
    std::string message_ja;
    std::string message_en;

    const std::string& message(bool japanese = true) const { return japanese ? message_ja : message_en; }
};

// A record can fail several rules at once: forms show each next to its field.
using Errors = std::vector<Error>;

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(v_); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(v_); }
    const T& value() const& { return std::get<T>(v_); }
    T&& value() && { return std::get<T>(std::move(v_)); }
    const Error& error() const { return std::get<Error>(v_); }

    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

private:
    std::variant<T, Error> v_;
};

// Result<void>: success carries nothing.
struct Ok {};
using Status = Result<Ok>;
inline Status ok_status() { return Ok{}; }

}  // namespace madoguchi
