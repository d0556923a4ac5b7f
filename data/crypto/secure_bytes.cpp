// Guarded key memory.
#include "data/crypto/secure_bytes.hpp"

#include <sodium.h>

#include <new>
#include <utility>

#include "data/crypto/sodium_init.hpp"

namespace madoguchi {

SecureBytes::SecureBytes(std::size_t size) {
    ensure_sodium_initialized();
    data_ = static_cast<std::uint8_t*>(sodium_malloc(size));
    if (!data_) throw std::bad_alloc();
    size_ = size;
    sodium_memzero(data_, size_);
}

SecureBytes::SecureBytes(SecureBytes&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

SecureBytes& SecureBytes::operator=(SecureBytes&& other) noexcept {
    if (this != &other) {
        if (data_) sodium_free(data_);
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
    }
    return *this;
}

SecureBytes::~SecureBytes() {
    if (data_) sodium_free(data_);  // zeroes before unmapping
}

}  // namespace madoguchi
