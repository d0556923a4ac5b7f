// V4L2 capture: QUERYCAP/ENUM_FMT/S_FMT at open, REQBUFS/mmap/QBUF/STREAMON
// at start, a poll+DQBUF thread that converts each frame and keeps the
// newest, STREAMOFF/munmap at stop. fd and mappings are RAII.
#include "platform/camera/v4l2_camera.hpp"

#include <fcntl.h>
#include <linux/videodev2.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <span>

#include "platform/camera/pixel_formats.hpp"

namespace madoguchi {

class V4l2Camera::Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() { if (fd_ >= 0) ::close(fd_); }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

struct V4l2Camera::MappedBuffer {
    void* start = MAP_FAILED;
    std::size_t length = 0;
    MappedBuffer(int fd, const v4l2_buffer& b) : length(b.length) {
        start = ::mmap(nullptr, b.length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, b.m.offset);
    }
    ~MappedBuffer() { if (start != MAP_FAILED) ::munmap(start, length); }
    MappedBuffer(const MappedBuffer&) = delete;
    MappedBuffer& operator=(const MappedBuffer&) = delete;
};

namespace {

// ioctl restarted after signals, as V4L2 drivers may return EINTR.
int xioctl(int fd, unsigned long request, void* arg) {
    int r;
    do { r = ::ioctl(fd, request, arg); } while (r == -1 && errno == EINTR);
    return r;
}

Error camera_error(const char* code, std::string ja, std::string en) { return Error{code, "camera", std::move(ja), std::move(en)}; }

Error device_failed(const std::string& what) {
    return camera_error("camera.io", "カメラとの通信に失敗しました（" + what + "）。ケーブルを確認してください。",
                        "Could not communicate with the camera (" + what + "). Check its cable.");
}

}  // namespace

V4l2Camera::V4l2Camera(std::string device_path, V4l2CameraConfig config) : path_(std::move(device_path)), config_(config) {}

V4l2Camera::~V4l2Camera() { stop(); }

Status V4l2Camera::open() {
    stop();
    fd_.reset();
    const int fd = ::open(path_.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        if (err == ENOENT || err == ENODEV || err == ENXIO) {
            return camera_error("camera.not_found", "カメラ（" + path_ + "）が見つかりません。接続を確認してください。",
                                "Camera " + path_ + " was not found. Check that it is connected.");
        }
        if (err == EACCES || err == EPERM) {
            return camera_error("camera.access_denied", "カメラを使用する権限がありません。技術担当者に連絡してください。",
                                "No permission to use the camera. Call a technician.");
        }
        if (err == EBUSY) {
            return camera_error("camera.busy", "カメラが他のアプリで使用中です。", "The camera is in use by another program.");
        }
        return device_failed(std::strerror(err));
    }
    fd_ = std::make_unique<Fd>(fd);

    v4l2_capability cap{};
    if (xioctl(fd, VIDIOC_QUERYCAP, &cap) < 0) {
        fd_.reset();
        return camera_error("camera.not_a_camera", path_ + " はカメラではありません。設定を確認してください。",
                            path_ + " is not a camera. Check the settings.");
    }
    const std::uint32_t caps = (cap.capabilities & V4L2_CAP_DEVICE_CAPS) ? cap.device_caps : cap.capabilities;
    if (!(caps & V4L2_CAP_VIDEO_CAPTURE) || !(caps & V4L2_CAP_STREAMING)) {
        fd_.reset();
        return camera_error("camera.not_a_camera", path_ + " は映像を取り込めないデバイスです。",
                            path_ + " cannot capture video.");
    }

    // Prefer YUYV (no decoding cost, exact colours), else MJPEG.
    bool has_yuyv = false, has_mjpeg = false;
    v4l2_fmtdesc desc{};
    desc.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    for (desc.index = 0; xioctl(fd, VIDIOC_ENUM_FMT, &desc) == 0; ++desc.index) {
        has_yuyv = has_yuyv || desc.pixelformat == V4L2_PIX_FMT_YUYV;
        has_mjpeg = has_mjpeg || desc.pixelformat == V4L2_PIX_FMT_MJPEG;
    }
    if (!has_yuyv && !has_mjpeg) {
        fd_.reset();
        return camera_error("camera.unsupported_format", "このカメラの映像形式には対応していません（YUYV/MJPEGのみ）。",
                            "This camera's video format is not supported (YUYV or MJPEG only).");
    }
    v4l2_format fmt{};
    fmt.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    fmt.fmt.pix.width = static_cast<std::uint32_t>(config_.width);
    fmt.fmt.pix.height = static_cast<std::uint32_t>(config_.height);
    // Large YUYV frames come at very low frame rates over USB 2; MJPEG is
    // what webcams use for full HD, so take it when offered at that size.
    fmt.fmt.pix.pixelformat = (has_mjpeg && (!has_yuyv || config_.width * config_.height > 1280 * 720)) ? V4L2_PIX_FMT_MJPEG : V4L2_PIX_FMT_YUYV;
    fmt.fmt.pix.field = V4L2_FIELD_NONE;
    if (xioctl(fd, VIDIOC_S_FMT, &fmt) < 0) {
        fd_.reset();
        return device_failed("VIDIOC_S_FMT");
    }
    pixel_format_ = fmt.fmt.pix.pixelformat;
    width_ = static_cast<int>(fmt.fmt.pix.width);
    height_ = static_cast<int>(fmt.fmt.pix.height);
    bytes_per_line_ = static_cast<int>(fmt.fmt.pix.bytesperline);
    if (bytes_per_line_ == 0) bytes_per_line_ = width_ * 2;
    return ok_status();
}

Status V4l2Camera::start() {
    if (!fd_) return camera_error("camera.not_open", "カメラが開かれていません。", "The camera is not open.");
    if (running_) return ok_status();
    const int fd = fd_->get();
    v4l2_requestbuffers req{};
    req.count = static_cast<std::uint32_t>(config_.buffer_count);
    req.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    req.memory = V4L2_MEMORY_MMAP;
    if (xioctl(fd, VIDIOC_REQBUFS, &req) < 0 || req.count < 2) return device_failed("VIDIOC_REQBUFS");
    buffers_.clear();
    for (std::uint32_t i = 0; i < req.count; ++i) {
        v4l2_buffer b{};
        b.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        b.memory = V4L2_MEMORY_MMAP;
        b.index = i;
        if (xioctl(fd, VIDIOC_QUERYBUF, &b) < 0) return device_failed("VIDIOC_QUERYBUF");
        auto mapped = std::make_unique<MappedBuffer>(fd, b);
        if (mapped->start == MAP_FAILED) return device_failed("mmap");
        buffers_.push_back(std::move(mapped));
        if (xioctl(fd, VIDIOC_QBUF, &b) < 0) return device_failed("VIDIOC_QBUF");
    }
    v4l2_buf_type type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    if (xioctl(fd, VIDIOC_STREAMON, &type) < 0) return device_failed("VIDIOC_STREAMON");
    {
        std::lock_guard lock(mutex_);
        failure_.reset();
    }
    running_ = true;
    thread_ = std::thread([this] { capture_loop(); });
    return ok_status();
}

void V4l2Camera::capture_loop() {
    const int fd = fd_->get();
    while (running_) {
        pollfd p{fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, 100);  // wake regularly to notice stop()
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) continue;
        v4l2_buffer b{};
        b.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        b.memory = V4L2_MEMORY_MMAP;
        if (xioctl(fd, VIDIOC_DQBUF, &b) < 0) {
            if (errno == EAGAIN) continue;
            std::lock_guard lock(mutex_);
            failure_ = device_failed("VIDIOC_DQBUF");  // unplugged or driver error
            frame_arrived_.notify_all();
            return;
        }
        if (b.index < buffers_.size() && !(b.flags & V4L2_BUF_FLAG_ERROR)) {
            const std::span<const std::uint8_t> data(static_cast<const std::uint8_t*>(buffers_[b.index]->start), b.bytesused);
            auto image = pixel_format_ == V4L2_PIX_FMT_MJPEG ? mjpeg_to_rgb(data) : yuyv_to_rgb(data, width_, height_, bytes_per_line_);
            if (image) {
                auto shared = std::make_shared<const Image>(std::move(*image));
                std::lock_guard lock(mutex_);
                latest_.image = std::move(shared);
                ++latest_.sequence;
                frame_arrived_.notify_all();
            }
        }
        xioctl(fd, VIDIOC_QBUF, &b);
    }
}

std::optional<CameraFrame> V4l2Camera::latest_frame() {
    std::lock_guard lock(mutex_);
    if (!latest_.image) return std::nullopt;
    return latest_;
}

Result<Image> V4l2Camera::capture_still() {
    if (!running_) return camera_error("camera.not_started", "カメラが起動していません。", "The camera is not started.");
    std::unique_lock lock(mutex_);
    const std::uint64_t after = latest_.sequence;
    const bool got = frame_arrived_.wait_for(lock, std::chrono::milliseconds(config_.still_timeout_ms),
                                             [&] { return latest_.sequence > after || failure_.has_value(); });
    if (failure_) return *failure_;
    if (!got) {
        return camera_error("camera.timeout", "カメラから映像が届きません。接続を確認してください。",
                            "The camera sends no picture. Check its connection.");
    }
    return *latest_.image;
}

void V4l2Camera::stop() {
    if (running_.exchange(false) && thread_.joinable()) thread_.join();
    if (thread_.joinable()) thread_.join();
    if (fd_ && !buffers_.empty()) {
        v4l2_buf_type type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        xioctl(fd_->get(), VIDIOC_STREAMOFF, &type);
        buffers_.clear();  // munmap before releasing the driver's buffers
        v4l2_requestbuffers req{};
        req.count = 0;
        req.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        req.memory = V4L2_MEMORY_MMAP;
        xioctl(fd_->get(), VIDIOC_REQBUFS, &req);
    }
    std::lock_guard lock(mutex_);
    latest_.image.reset();
}

}  // namespace madoguchi
