// Crash-safe file writes.
#include "data/crypto/durable_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "data/crypto/uuid.hpp"
#include "data/store/sqlite.hpp"

namespace madoguchi {

UniqueFd& UniqueFd::operator=(UniqueFd&& o) noexcept {
    if (this != &o) {
        close();
        fd_ = std::exchange(o.fd_, -1);
    }
    return *this;
}

UniqueFd::~UniqueFd() { close(); }

bool UniqueFd::close() {
    if (fd_ < 0) return true;
    const int rc = ::close(std::exchange(fd_, -1));
    return rc == 0;
}

Status write_all(int fd, std::span<const std::uint8_t> bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return storage_error("storage.file_write", std::strerror(errno));
        }
        done += static_cast<std::size_t>(n);
    }
    return ok_status();
}

Status fsync_parent_directory(const std::string& path) {
    std::filesystem::path p(path);
    std::string dir = p.has_parent_path() ? p.parent_path().string() : ".";
    UniqueFd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd) return storage_error("storage.file_sync", "open dir " + dir + ": " + std::strerror(errno));
    if (::fsync(fd.get()) != 0) return storage_error("storage.file_sync", std::strerror(errno));
    return ok_status();
}

Status write_file_durably(const std::string& path, std::span<const std::uint8_t> bytes, unsigned mode,
                          bool replace) {
    const std::string tmp = path + ".tmp-" + make_uuid_v4();
    UniqueFd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode));
    if (!fd) return storage_error("storage.file_write", "create " + tmp + ": " + std::strerror(errno));
    auto fail = [&](Error e) -> Status {
        fd.close();
        ::unlink(tmp.c_str());
        return e;
    };
    if (auto s = write_all(fd.get(), bytes); !s) return fail(s.error());
    if (::fsync(fd.get()) != 0) return fail(storage_error("storage.file_sync", std::strerror(errno)));
    if (!fd.close()) return fail(storage_error("storage.file_write", "close failed"));
    if (replace) {
        if (::rename(tmp.c_str(), path.c_str()) != 0)
            return fail(storage_error("storage.file_write", std::string("rename: ") + std::strerror(errno)));
    } else {
        // link() refuses to overwrite, which gives an atomic "create if absent".
        if (::link(tmp.c_str(), path.c_str()) != 0) {
            const int err = errno;
            ::unlink(tmp.c_str());
            if (err == EEXIST) return storage_error("storage.file_exists", path);
            return storage_error("storage.file_write", std::string("link: ") + std::strerror(err));
        }
        ::unlink(tmp.c_str());
    }
    return fsync_parent_directory(path);
}

}  // namespace madoguchi
