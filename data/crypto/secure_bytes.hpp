// SecureBytes: key material in guarded memory (sodium_malloc: guard pages,
// mlock'ed so it is not swapped, zeroed on free).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace madoguchi {

class SecureBytes {
public:
    SecureBytes() = default;
    explicit SecureBytes(std::size_t size);  // throws std::bad_alloc when guarded memory is unavailable
    SecureBytes(SecureBytes&& other) noexcept;
    SecureBytes& operator=(SecureBytes&& other) noexcept;
    SecureBytes(const SecureBytes&) = delete;
    SecureBytes& operator=(const SecureBytes&) = delete;
    ~SecureBytes();

    std::uint8_t* data() { return data_; }
    const std::uint8_t* data() const { return data_; }
    std::size_t size() const { return size_; }
    std::span<const std::uint8_t> span() const { return {data_, size_}; }
    bool empty() const { return size_ == 0; }

private:
    std::uint8_t* data_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace madoguchi
