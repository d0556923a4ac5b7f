// UploadSource: the bytes a resumable upload streams, read chunk by chunk so
// a 50 MiB scan is never held in memory whole (and never held twice).
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <span>
#include <string>

#include "data/result.hpp"

namespace madoguchi {

class UploadSource {
public:
    virtual ~UploadSource() = default;
    virtual std::uint64_t size() const = 0;
    // Positions the stream so that the next read() returns byte `offset`.
    // A sequential cipher may implement this by reading forward from the start.
    virtual Status seek(std::uint64_t offset) = 0;
    // Fills up to out.size() bytes; 0 means end of data.
    virtual Result<std::size_t> read(std::span<char> out) = 0;
};

// A plain file on disk (benchmarks, exported files). Encrypted store files
// come through the store's own reader instead.
class PlainFileUploadSource final : public UploadSource {
public:
    static Result<std::unique_ptr<PlainFileUploadSource>> open(const std::string& path);
    ~PlainFileUploadSource() override;
    std::uint64_t size() const override { return size_; }
    Status seek(std::uint64_t offset) override;
    Result<std::size_t> read(std::span<char> out) override;

private:
    PlainFileUploadSource(std::FILE* f, std::uint64_t size) : file_(f), size_(size) {}
    std::FILE* file_;
    std::uint64_t size_;
};

// Lower-case hex SHA-256 of everything the source yields (one streaming pass).
Result<std::string> sha256_hex_of(UploadSource& source);

}  // namespace madoguchi
