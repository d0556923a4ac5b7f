// Durable file writes: temp file + fsync + rename + directory fsync, so a
// file is either absent or complete after a crash. Plus RAII for a POSIX fd.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <utility>

#include "data/result.hpp"

namespace madoguchi {

class UniqueFd {
public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : fd_(fd) {}
    UniqueFd(UniqueFd&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
    UniqueFd& operator=(UniqueFd&& o) noexcept;
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    ~UniqueFd();
    int get() const { return fd_; }
    explicit operator bool() const { return fd_ >= 0; }
    // Closes now and reports close()'s error (which can carry a write error).
    bool close();

private:
    int fd_ = -1;
};

// Writes every byte, retrying on EINTR and short writes.
Status write_all(int fd, std::span<const std::uint8_t> bytes);
// fsync of the directory that holds `path`, so a rename in it is durable.
Status fsync_parent_directory(const std::string& path);
// Writes `bytes` to `path` atomically and durably with `mode`. With
// replace=false an existing `path` is left alone and the error code is
// "storage.file_exists".
Status write_file_durably(const std::string& path, std::span<const std::uint8_t> bytes, unsigned mode,
                          bool replace);

}  // namespace madoguchi
