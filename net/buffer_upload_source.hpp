// An UploadSource over plaintext already in memory: what FileStore::read
// returns for an encrypted store file. The bytes are held once; each PATCH
// copies at most one chunk.
#pragma once

#include <cstdint>
#include <vector>

#include "net/upload_source.hpp"

namespace madoguchi {

class BufferUploadSource final : public UploadSource {
public:
    explicit BufferUploadSource(std::vector<std::uint8_t> bytes) : bytes_(std::move(bytes)) {}
    ~BufferUploadSource() override;  // wipes the plaintext (ID scans)
    std::uint64_t size() const override { return bytes_.size(); }
    Status seek(std::uint64_t offset) override;
    Result<std::size_t> read(std::span<char> out) override;

private:
    std::vector<std::uint8_t> bytes_;
    std::size_t at_ = 0;
};

}  // namespace madoguchi
