// FileCamera: a camera that replays PNG/JPEG images from a folder in name
// order, looping. Used by tests, the guided tour and demos without hardware.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "platform/camera/camera.hpp"

namespace madoguchi {

struct FileCameraOptions {
    // 0: every latest_frame() call shows the next image (deterministic, for
    // tests). Otherwise the next image is shown once this much time passed.
    std::chrono::milliseconds frame_period{0};
};

class FileCamera final : public Camera {
public:
    explicit FileCamera(std::string folder, FileCameraOptions options = {});

    Status open() override;
    Status start() override;
    std::optional<CameraFrame> latest_frame() override;
    Result<Image> capture_still() override;
    void stop() override;

    // Image files found by open(), in replay order.
    const std::vector<std::string>& files() const { return files_; }

private:
    Result<std::shared_ptr<const Image>> current();  // decoded on demand, cached

    std::string folder_;
    FileCameraOptions options_;
    std::vector<std::string> files_;
    std::mutex mutex_;
    bool streaming_ = false;
    std::size_t index_ = 0;
    std::uint64_t sequence_ = 0;
    std::shared_ptr<const Image> cached_;
    std::size_t cached_index_ = 0;
    std::chrono::steady_clock::time_point shown_at_{};
    bool shown_any_ = false;
};

}  // namespace madoguchi
