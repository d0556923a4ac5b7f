// V4l2Camera: a Linux video device (/dev/videoN) through V4L2 ioctls and
// mmap'ed buffers, YUYV or MJPEG converted to RGB on a capture thread.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "platform/camera/camera.hpp"

namespace madoguchi {

struct V4l2CameraConfig {
    int width = 1920;   // requested; the driver picks the nearest it has
    int height = 1080;
    int buffer_count = 4;
    int still_timeout_ms = 3000;  // capture_still gives up after this
};

class V4l2Camera final : public Camera {
public:
    explicit V4l2Camera(std::string device_path, V4l2CameraConfig config = {});
    ~V4l2Camera() override;
    V4l2Camera(const V4l2Camera&) = delete;
    V4l2Camera& operator=(const V4l2Camera&) = delete;

    Status open() override;
    Status start() override;
    std::optional<CameraFrame> latest_frame() override;
    Result<Image> capture_still() override;
    void stop() override;

    // Format settled by open(): 0 before.
    int width() const { return width_; }
    int height() const { return height_; }

private:
    class Fd;
    struct MappedBuffer;
    void capture_loop();

    std::string path_;
    V4l2CameraConfig config_;
    std::unique_ptr<Fd> fd_;
    std::vector<std::unique_ptr<MappedBuffer>> buffers_;
    std::uint32_t pixel_format_ = 0;
    int width_ = 0;
    int height_ = 0;
    int bytes_per_line_ = 0;

    std::thread thread_;
    std::atomic<bool> running_{false};
    mutable std::mutex mutex_;
    std::condition_variable frame_arrived_;
    CameraFrame latest_;
    std::optional<Error> failure_;
};

}  // namespace madoguchi
