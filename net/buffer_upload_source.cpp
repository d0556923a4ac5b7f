// In-memory upload source; zeroes its plaintext on destruction.
#include "net/buffer_upload_source.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstring>

namespace madoguchi {

BufferUploadSource::~BufferUploadSource() {
    if (!bytes_.empty()) sodium_memzero(bytes_.data(), bytes_.size());
}

Status BufferUploadSource::seek(std::uint64_t offset) {
    if (offset > bytes_.size())
        return Error{"upload.seek", "", "ファイルの位置が範囲外です。", "Seek beyond the end of the file."};
    at_ = static_cast<std::size_t>(offset);
    return ok_status();
}

Result<std::size_t> BufferUploadSource::read(std::span<char> out) {
    const std::size_t n = std::min(out.size(), bytes_.size() - at_);
    if (n) std::memcpy(out.data(), bytes_.data() + at_, n);
    at_ += n;
    return n;
}

}  // namespace madoguchi
